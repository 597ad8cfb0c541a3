internal import CCurl
import Foundation

/// An IP address and port that curl connects to.
struct SocketAddress: Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6.
    var ip: [UInt8]
    /// The TCP port.
    var port: Int

    /// The address curl is about to open a socket to; nil for a family other than IPv4 and IPv6.
    init?(_ address: UnsafePointer<curl_sockaddr>) {
        var bytes = [UInt8](repeating: 0, count: 16)
        var port: Int32 = 0
        let length = Int(nb_sockaddr_ip(address, &bytes, &port))
        guard length > 0 else { return nil }
        self.init(ip: Array(bytes.prefix(length)), port: Int(port))
    }

    init(ip: [UInt8], port: Int) {
        self.ip = ip
        self.port = port
    }

    /// The address in its usual text form ("127.0.0.1", "::1").
    var description: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = ip.count == 4 ? AF_INET : AF_INET6
        let written = ip.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &text, socklen_t(text.count)) != nil }
        return written ? String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
    }

    /// Every address `host` resolves to, at `port`.
    static func resolving(_ host: String, port: Int) -> Set<SocketAddress> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var first: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &first) == 0, let first else { return [] }
        defer { freeaddrinfo(first) }
        var found: Set<SocketAddress> = []
        for entry in sequence(first: first, next: { $0.pointee.ai_next }) {
            let info = entry.pointee
            guard let address = info.ai_addr else { continue }
            let ip: [UInt8]
            switch info.ai_family {
            case AF_INET:
                ip = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    withUnsafeBytes(of: $0.pointee.sin_addr, Array.init)
                }
            case AF_INET6:
                ip = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    withUnsafeBytes(of: $0.pointee.sin6_addr, Array.init)
                }
            default: continue
            }
            found.insert(SocketAddress(ip: ip, port: port))
        }
        return found
    }
}
