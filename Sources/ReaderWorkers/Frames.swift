import Foundation

/// Length-prefixed frames on a file descriptor: 8 bytes of little-endian length, then the payload.
enum Frames {
    /// The largest frame either side accepts.
    static let maxBytes = 256 * 1024 * 1024

    /// Writes one frame; false when the other end has gone.
    static func write(_ payload: [UInt8], to descriptor: Int32) -> Bool {
        var header = ByteWriter()
        header.number(payload.count)
        return writeAll(header.bytes, to: descriptor) && writeAll(payload, to: descriptor)
    }

    /// Reads one frame; nil at the end of the stream or on a broken one.
    static func read(from descriptor: Int32) -> [UInt8]? {
        guard let header = readExactly(8, from: descriptor) else { return nil }
        var reader = ByteReader(header)
        guard let length = try? reader.number(), length <= maxBytes else { return nil }
        return readExactly(length, from: descriptor)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }

    private static func readExactly(_ length: Int, from descriptor: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: length)
        var filled = 0
        while filled < length {
            let count = bytes.withUnsafeMutableBytes {
                Foundation.read(descriptor, $0.baseAddress! + filled, length - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            filled += count
        }
        return bytes
    }
}

/// One document for a worker to read: its bytes, the HTTP type and a file name as hints.
public struct ReadRequest: Sendable {
    /// The document's bytes.
    public var bytes: [UInt8]
    /// The HTTP Content-Type, when fetched.
    public var contentType: String?
    /// The file name (the URL's last part), a hint to the type.
    public var fileName: String?

    /// Creates a request.
    public init(bytes: [UInt8], contentType: String?, fileName: String?) {
        self.bytes = bytes
        self.contentType = contentType
        self.fileName = fileName
    }

    var encoded: [UInt8] {
        var out = ByteWriter()
        out.optionalText(contentType)
        out.optionalText(fileName)
        out.data(bytes)
        return out.bytes
    }

    init(decoding bytes: [UInt8]) throws(CodingFault) {
        var input = ByteReader(bytes)
        contentType = try input.optionalText()
        fileName = try input.optionalText()
        self.bytes = Array(try input.data())
    }
}
