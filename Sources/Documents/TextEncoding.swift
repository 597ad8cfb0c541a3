import ReportModel

/// The character sets nianbao decodes: Chinese government sites use UTF-8 or the GB family.
public enum TextEncoding: String, Sendable, Codable, Hashable {
    /// UTF-8.
    case utf8 = "UTF-8"
    /// GB18030, which also decodes GB2312 and GBK.
    case gb18030 = "GB18030"
    /// UTF-16 little endian (with BOM).
    case utf16LE = "UTF-16LE"
    /// UTF-16 big endian (with BOM).
    case utf16BE = "UTF-16BE"

    /// Maps a charset label (HTTP header or `<meta>`) to an encoding; nil for unknown labels.
    public init?(label: String) {
        switch Substring(label).trimmingEnds(where: { $0.isWhitespace || $0 == "\"" || $0 == "'" }).lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312", "csgb2312": self = .gb18030
        case "utf-16le": self = .utf16LE
        case "utf-16be": self = .utf16BE
        default: return nil
        }
    }
}

/// Decides how bytes are encoded: BOM → HTTP charset → `<meta>` prescan → valid UTF-8 else GB18030.
/// Bytes override a wrong label: a label that the bytes contradict is ignored and noted.
public enum EncodingDetector {
    /// The result of detection with the reason, for warnings.
    public struct Detection: Sendable, Hashable {
        /// The encoding to decode with.
        public let encoding: TextEncoding
        /// Where the decision came from (`bom`, `http`, `meta`, `bytes`).
        public let source: String
        /// A note when a label was contradicted by the bytes.
        public let note: String?
    }

    /// A document's text as detected and decoded, with the bytes that could not be decoded.
    public struct Decoded: Sendable {
        /// The encoding decoded from, and why.
        public let detection: Detection
        /// The text.
        public let text: String
        /// Undecodable bytes, each replaced with U+FFFD.
        public let badBytes: Int
    }

    /// Detects the encoding of `bytes`, given the HTTP `Content-Type` charset if any, and decodes them: valid UTF-8 is checked and made a string in one pass
    /// (detecting, then decoding, had checked a UTF-8 page twice, and searched it for U+FFFD a third time).
    public static func decode(_ bytes: [UInt8], httpCharset: String?) -> Decoded {
        let mark = byteOrderMark(bytes)
        let validated = mark == nil ? String(validating: bytes, as: UTF8.self) : nil
        let utf8 = validated != nil ? UTF8Evidence.valid : mark == nil ? UTF8Evidence(bytes) : .none
        let detection = mark ?? decide(bytes, httpCharset: httpCharset, utf8: utf8)
        if detection.encoding == .utf8, let validated {
            return Decoded(detection: detection, text: validated, badBytes: 0)
        }
        let (text, badBytes) = IconvDecoder.decode(bytes, from: detection.encoding)
        return Decoded(detection: detection, text: text, badBytes: badBytes)
    }

    /// How far bytes read as UTF-8: valid, mostly (a few damaged sequences among many good ones: a page cut and
    /// joined, a stray byte), or not at all.
    enum UTF8Evidence: Equatable {
        case valid, mostly, none

        /// At most one sequence in this many multi-byte ones may be invalid for the bytes to count as mostly UTF-8
        /// (GBK text read as UTF-8 has a bad sequence every few characters).
        static let damagedShare = 50

        init(_ bytes: [UInt8]) {
            var (good, bad) = (0, 0)
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                guard lead >= 0x80 else {
                    index += 1
                    continue
                }
                let length =
                    lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? (lead <= 0xEF ? 3 : 0) : lead >= 0xC2 ? 2 : 0
                if length > 0, index + length <= bytes.count,
                    bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
                {
                    good += 1
                    index += length
                } else {
                    bad += 1
                    index += 1
                }
            }
            self = bad == 0 ? .valid : good >= 20 && bad * Self.damagedShare <= good ? .mostly : .none
        }

        /// Whether the bytes are to be read as UTF-8.
        var isUTF8: Bool { self != .none }
    }

    /// The encoding a byte order mark names, if the bytes start with one.
    private static func byteOrderMark(_ bytes: [UInt8]) -> Detection? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Detection(encoding: .utf8, source: "bom", note: nil) }
        if bytes.starts(with: [0xFF, 0xFE]) { return Detection(encoding: .utf16LE, source: "bom", note: nil) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Detection(encoding: .utf16BE, source: "bom", note: nil) }
        return nil
    }

    /// The encoding of bytes without a byte order mark: the HTTP charset, else the `<meta>` one, unless the bytes
    /// contradict it; else UTF-8 when they are (mostly) valid UTF-8, GB18030 when not.
    private static func decide(_ bytes: [UInt8], httpCharset: String?, utf8: UTF8Evidence) -> Detection {
        let damaged =
            utf8 == .mostly
            ? "a few bytes are not valid UTF-8 among many that are: read as UTF-8" : nil
        let labels: [(String, String?)] = [("http", httpCharset), ("meta", metaCharset(bytes))]
        for (source, label) in labels {
            guard let label, let encoding = TextEncoding(label: label) else { continue }
            if encoding == .utf8 && !utf8.isUTF8 {
                return Detection(
                    encoding: .gb18030, source: "bytes",
                    note: "\(source) charset says \(label) but the bytes are not UTF-8; read as GB18030")
            }
            if encoding == .gb18030 && utf8.isUTF8 && containsMultibyte(bytes) {
                return Detection(
                    encoding: .utf8, source: "bytes",
                    note: "\(source) charset says \(label) but the bytes are "
                        + (damaged.map { "UTF-8 (\($0))" } ?? "valid UTF-8; read as UTF-8"))
            }
            return Detection(encoding: encoding, source: source, note: encoding == .utf8 ? damaged : nil)
        }
        return Detection(encoding: utf8.isUTF8 ? .utf8 : .gb18030, source: "bytes", note: damaged)
    }

    private static func containsMultibyte(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 >= 0x80 } }

    /// The charset named by a `<meta charset>` or `<meta http-equiv content>` in the first 2 KB.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        // ASCII lower-casing of the head's bytes: the label and the names are ASCII.
        let head = bytes.prefix(2048).lowercasedASCII
        let word = Array("charset=".utf8)
        guard let start = head.firstOffset(of: word) else { return nil }
        let tail = head[(start + word.count)...].drop {
            $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == 0x20
        }
        let name = tail.prefix { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_")
        }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }
}
