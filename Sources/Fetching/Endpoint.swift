import Foundation

/// A host and port as a URL names them: the host lower-cased, an IPv6 literal without its brackets, the scheme's
/// port filled in when the URL gives none.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// The host name or IP literal.
    public var host: String
    /// The TCP port.
    public var port: Int

    /// An endpoint from its parts (the host lower-cased).
    public init(host: String, port: Int) {
        self.host = host.lowercased()
        self.port = port
    }

    /// The endpoint of an http or https URL; nil for other schemes and URLs without a host.
    public init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let defaultPort = ["http": 80, "https": 443][scheme],
            var host = components.host, !host.isEmpty
        else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.init(host: host, port: components.port ?? defaultPort)
    }

    /// "host:port", with an IPv6 literal in brackets.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Which connections to non-public addresses (loopback, private, link-local… see `AddressScope`) a transfer may
/// open. The check is made on the address each connection is opened to, after name resolution, so a name that
/// resolves to a public address when looked at and to a private one when connected to is caught too.
public enum PrivateAddressRule: Sendable, Hashable {
    /// Any: every URL the caller fetches is trusted.
    case allowed
    /// Only for URLs whose host and port are among these (the configured sources): a redirect or a link to any
    /// other host and port is refused before its connection is opened when it resolves to a non-public address.
    case onlyAt(Set<Endpoint>)

    /// Whether a connection to an address of `scope` is allowed for a URL of `endpoint`.
    func admits(_ scope: AddressScope, for endpoint: Endpoint?) -> Bool {
        switch self {
        case .allowed: return true
        case .onlyAt(let endpoints):
            return scope == .publicInternet || endpoint.map(endpoints.contains) == true
        }
    }
}
