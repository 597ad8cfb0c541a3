/// A 64-bit FNV-style digest of texts' UTF-8 bytes, read eight bytes at a step: a cheap key for texts that are
/// looked up often, since hashing a `String` normalises its CJK characters first. It is not collision-resistant:
/// whoever keys by it confirms equal digests byte for byte.
public struct TextDigest: Sendable {
    /// The digest of the texts added so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty digest.
    public init() {}

    /// Adds `text`'s bytes, then `separator` (a byte no text holds), so that parts split differently differ.
    public mutating func add(_ text: String, separator: UInt8) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        value = (value ^ UInt64(separator)) &* Self.prime
    }

    /// Adds `bytes`, eight at a step, then the last few one by one.
    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            value = (value ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* Self.prime
            value ^= value >> 29
            offset += 8
        }
        for byte in bytes[offset...] { value = (value ^ UInt64(byte)) &* Self.prime }
    }

    private static let prime: UInt64 = 0x100_0000_01b3
}
