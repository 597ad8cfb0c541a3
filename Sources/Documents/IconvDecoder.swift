import Foundation
import ReportModel

/// Decodes bytes with glibc iconv, replacing undecodable bytes with U+FFFD instead of failing the whole page.
public enum IconvDecoder {
    /// Decodes `bytes` from `encoding` into a string; bad bytes become U+FFFD and are counted.
    public static func decode(_ bytes: [UInt8], from encoding: TextEncoding) -> (text: String, badBytes: Int) {
        if encoding == .utf8 {
            let text = String(
                decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes,
                as: UTF8.self)
            return (text, replacementCount(text))
        }
        let converter = iconv_open("UTF-8", encoding.rawValue)
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            return (String(decoding: bytes, as: UTF8.self), 0)
        }
        defer { iconv_close(converter) }
        var input = bytes
        if encoding == .utf16LE || encoding == .utf16BE { input = Array(input.dropFirst(2)) }
        var output = [UInt8]()
        output.reserveCapacity(input.count * 3 / 2 + 16)
        var badBytes = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        input.withUnsafeMutableBufferPointer { source in
            var inPointer = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var inLeft = source.count
            while inLeft > 0 {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { target in
                    var outPointer = target.baseAddress.map {
                        UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                    }
                    var outLeft = target.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let written = target.count - outLeft
                    if result == -1 && errno != E2BIG {
                        // An invalid or truncated sequence: skip one byte and mark it.
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                        badBytes += 1
                        return -written - 1
                    }
                    return written
                }
                let count = produced < 0 ? -produced - 1 : produced
                output.append(contentsOf: chunk[0..<count])
                if produced < 0 { output.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
            }
        }
        return (String(decoding: output, as: UTF8.self), badBytes)
    }

    /// How many U+FFFD (bytes EF BF BD) the text holds.
    private static func replacementCount(_ text: String) -> Int {
        text.byteOffsets(of: "\u{FFFD}").count
    }
}
