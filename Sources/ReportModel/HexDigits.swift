/// Lower-case hexadecimal written as bytes: a document's digest, the `\u00XX` escapes of JSON text.
public enum HexDigits {
    /// Appends the two lower-case hex digits of `byte` ("0a" for 10).
    public static func append(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0xF)])
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
