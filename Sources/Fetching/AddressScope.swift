/// Where an IP address leads: the public internet, or one of the ranges a fetch from an untrusted link must not
/// reach (the machine itself, the office's own network, cloud metadata services…).
public enum AddressScope: String, Sendable, Hashable, CaseIterable {
    /// A routable public address.
    case publicInternet = "public"
    /// 127.0.0.0/8, ::1.
    case loopback
    /// RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16.
    case privateNetwork = "private"
    /// 169.254.0.0/16, fe80::/10.
    case linkLocal = "link-local"
    /// fc00::/7.
    case uniqueLocal = "unique-local"
    /// Carrier-grade NAT, 100.64.0.0/10.
    case sharedCGNAT = "carrier-grade NAT"
    /// 0.0.0.0/8 and the unspecified ::.
    case thisNetwork = "this-network"
    /// 224.0.0.0/4, ff00::/8.
    case multicast
    /// Anything else not meant to be reached from the internet: documentation and benchmarking ranges,
    /// 240.0.0.0/4 and the broadcast address, IETF protocol assignments, deprecated site-local IPv6.
    case reserved

    /// "a loopback address", for messages.
    public var phrase: String { "a \(rawValue) address" }

    /// The scope of an IPv4 (4 bytes) or IPv6 (16 bytes) address; nil for any other length. An IPv6 address that
    /// carries an IPv4 one (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`, 6to4
    /// `2002:aabb:ccdd::`) has the IPv4 address's scope.
    public init?(ip bytes: [UInt8]) {
        switch bytes.count {
        case 4: self = Self.ipv4(bytes[0], bytes[1], bytes[2], bytes[3])
        case 16: self = Self.ipv6(bytes)
        default: return nil
        }
    }

    private static func ipv4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> AddressScope {
        switch (a, b, c) {
        case (0, _, _): return .thisNetwork
        case (10, _, _), (172, 16...31, _), (192, 168, _): return .privateNetwork
        case (100, 64...127, _): return .sharedCGNAT
        case (127, _, _): return .loopback
        case (169, 254, _): return .linkLocal
        case (224...239, _, _): return .multicast
        case (240...255, _, _), (192, 0, 0), (192, 0, 2), (198, 18...19, _), (198, 51, 100), (203, 0, 113):
            return .reserved
        default: return .publicInternet
        }
    }

    private static func ipv6(_ bytes: [UInt8]) -> AddressScope {
        let zeroes = { (range: Range<Int>) in bytes[range].allSatisfy { $0 == 0 } }
        if zeroes(0..<15) { return bytes[15] == 1 ? .loopback : .thisNetwork }
        let embedsIPv4 =
            (zeroes(0..<10) && bytes[10] == 0xFF && bytes[11] == 0xFF) || zeroes(0..<12)
            || (bytes[0...3] == [0x00, 0x64, 0xFF, 0x9B] && zeroes(4..<12))
        if embedsIPv4 { return ipv4(bytes[12], bytes[13], bytes[14], bytes[15]) }
        if bytes[0] == 0x20, bytes[1] == 0x02 { return ipv4(bytes[2], bytes[3], bytes[4], bytes[5]) }
        switch (bytes[0], bytes[1]) {
        case (0xFF, _): return .multicast
        case (0xFC...0xFD, _): return .uniqueLocal
        case (0xFE, 0x80...0xBF): return .linkLocal
        case (0xFE, 0xC0...0xFF): return .reserved
        case (0x20, 0x01) where bytes[2] == 0x0D && bytes[3] == 0xB8: return .reserved
        case (0x01, 0x00) where zeroes(2..<8): return .reserved
        default: return .publicInternet
        }
    }
}
