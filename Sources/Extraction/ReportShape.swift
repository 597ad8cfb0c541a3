import Documents
import ReportModel

/// What a report looks like as a whole, for the quality score: how many of its format's sections it has, and
/// fingerprints of its sentences (numbers removed) for finding copy-paste between reports.
public struct ReportShape: Sendable, Hashable {
    /// Sections and tables of the format that the report has.
    public var partsFound: Int
    /// Sections and tables the format asks for.
    public var partsExpected: Int
    /// FNV-1a hashes of the report's sentences with digits and spaces removed (at most 600, sorted).
    public var sentenceHashes: [Int64]

    private static let newSections = [
        "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议",
        "存在的主要问题", "其他需要报告的事项",
    ]
    private static let oldSections = ["概述", "主动公开", "依申请公开", "收费", "行政复议", "存在的主要问题"]

    static func of(_ document: Document, format: ReportFormat, figures: FigureSet) -> ReportShape {
        let text = document.paragraphs.joined(separator: "\n") + "\n" + document.lines.joined(separator: "\n")
        let sections = format == .old ? oldSections : newSections
        var found = sections.filter { text.includes($0) }.count
        let tables: [[String]] =
            format == .old
            ? [["old.proactive."], ["old.apply.", "old.answer."]]
            : [["t2.", "t2v19."], ["t3."], ["t4."]]
        found += tables.filter { figures.hasAny(prefixes: $0) }.count
        return ReportShape(
            partsFound: found, partsExpected: sections.count + tables.count,
            sentenceHashes: sentences((document.paragraphs + document.lines).filter { !isTitleLine($0) }))
    }

    /// The report's title line ("…2024年政府信息公开工作年度报告"), which names the unit and says nothing about copying.
    static func isTitleLine(_ line: String) -> Bool {
        // The words first (a byte search); then fewer than 60 bytes are surely fewer than 60 characters, and only
        // longer lines are counted.
        (line.includes("年度报告") || line.includes("年报")) && (line.utf8.count < 60 || line.count < 60)
    }

    /// Hashes of sentences of at least 8 characters, digits and spaces removed, so that "主动公开政府信息215条" and
    /// "…188条" count as the same sentence.
    static func sentences(_ paragraphs: [String]) -> [Int64] {
        var hashes: Set<Int64> = []
        let numericBMP = Self.numericBMP
        for paragraph in paragraphs {
            var text = paragraph
            text.withUTF8 { bytes in
                // The sentence's kept bytes are hashed as they come: its FNV-1a hash and its length in bytes.
                var hash = fnvStart
                var length = 0
                func close() {
                    if length >= 24 { hashes.insert(Int64(bitPattern: hash)) }  // 8 CJK characters in UTF-8
                    hash = fnvStart
                    length = 0
                }
                var index = 0
                while index < bytes.count {
                    let (scalar, width) = Self.scalar(in: bytes, at: index)
                    defer { index += width }
                    if isSentenceEnd(scalar) {
                        close()
                        continue
                    }
                    if scalar == 0x20 || isNumeric(scalar, numericBMP) { continue }
                    for byte in bytes[index..<(index + width)] {
                        hash = (hash ^ UInt64(byte)) &* fnvPrime
                    }
                    length += width
                }
                close()
            }
        }
        return Array(hashes.sorted().prefix(600))
    }

    private static let fnvStart: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// The scalar value of the (valid) UTF-8 sequence at `index` and its length in bytes.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0: return ((lead & 0x1F) << 6 | continuation(1), 2)
        case ..<0xF0: return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default: return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
    }

    /// 。；！？;!? end a sentence.
    private static func isSentenceEnd(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3002, 0xFF1B, 0xFF01, 0xFF1F, 0x3B, 0x21, 0x3F: return true
        default: return false
        }
    }

    /// Whether a character is a digit or numeral of any script (一, 二, ５…); the Basic Multilingual Plane is
    /// answered from `numericBMP` (taken once per call of `sentences`, not once per character).
    private static func isNumeric(_ scalar: UInt32, _ numericBMP: [UInt64]) -> Bool {
        let value = Int(scalar)
        guard value < 0x10000 else { return Unicode.Scalar(scalar)?.properties.numericType != nil }
        return numericBMP[value >> 6] & (1 << UInt64(value & 63)) != 0
    }

    /// One bit per BMP code point: whether Unicode gives it a numeric type (ASCII digits among them).
    private static let numericBMP: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.numericType != nil else { continue }
            bits[value >> 6] |= 1 << UInt64(value & 63)
        }
        return bits
    }()
}
