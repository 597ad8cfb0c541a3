import ReportModel

/// The meaning of one printed cell: a number, a blank, a placeholder, or text.
struct CellValue: Equatable {
    let kind: Kind
    let value: Double?
    let raw: String
    /// The unit written inside the cell ("251000元"), if any.
    let unit: String?
    /// Where OCR read the cell and how sure it is, for a cell of a scan; nil otherwise.
    var scan: ScanReading? = nil

    enum Kind: Equatable { case number, blank, placeholder, text }

    private static let placeholders = WordList(["—", "-", "/", "无", "——", "－", "–", "/ ", "－－", "--", "—-", "空", "／"])

    /// Whether the cell can stand where a number is expected (number, blank or placeholder).
    var isValue: Bool { kind != .text }

    /// Parses a cell. "22（其中修订16件）" is 22; "251000元" is 251000 with unit 元; "—" is a placeholder.
    static func parse(_ text: String) -> CellValue {
        if text.isEmpty { return CellValue(kind: .blank, value: 0, raw: text, unit: nil) }
        if let whole = plainInteger(text) { return CellValue(kind: .number, value: whole, raw: text, unit: nil) }
        let trimmed = text.trimmedSpaces
        if trimmed.isEmpty { return CellValue(kind: .blank, value: 0, raw: text, unit: nil) }
        // Placeholders are at most two characters: a length check first spares comparing every long cell text.
        if trimmed.utf8.count <= 6, placeholders.contains(trimmed) {
            return CellValue(kind: .placeholder, value: 0, raw: text, unit: nil)
        }
        guard let (number, restOffset) = leadingNumber(trimmed) else {
            if let repaired = ocrDigits(trimmed) {
                return CellValue(kind: .number, value: repaired, raw: text, unit: nil)
            }
            return CellValue(kind: .text, value: nil, raw: text, unit: nil)
        }
        switch following(number: restOffset, in: trimmed) {
        case .nothing: return CellValue(kind: .number, value: number, raw: text, unit: nil)
        case .unit(let unit): return CellValue(kind: .number, value: number, raw: text, unit: unit)
        case .bracket: return CellValue(kind: .number, value: number, raw: text, unit: nil)
        case .text:
            if let repaired = ocrDigits(trimmed) {
                return CellValue(kind: .number, value: repaired, raw: text, unit: nil)
            }
            return CellValue(kind: .text, value: nil, raw: text, unit: nil)
        }
    }

    /// What may follow a number in a cell that is still a number.
    private enum Following: Equatable {
        /// Spaces or nothing.
        case nothing
        /// A unit word ("251000元").
        case unit(String)
        /// A bracketed remark ("22（其中修订16件）").
        case bracket
        /// Anything else: the cell is text.
        case text
    }

    private static let units = ["万元", "元", "件", "条", "个", "人", "次", "项", "%"]

    /// What follows the number that ends at UTF-8 offset `offset` of `text`, after spaces. A unit or bracket
    /// counts only as a whole character (not one that a combining mark continues), as `String.hasPrefix` has it.
    private static func following(number offset: Int, in text: String) -> Following {
        let utf8 = text.utf8
        var start = utf8.index(utf8.startIndex, offsetBy: offset)
        while start < utf8.endIndex, utf8[start] == 0x20 { start = utf8.index(after: start) }
        guard start < utf8.endIndex else { return .nothing }
        let rest = utf8[start...]
        func isWhole(_ word: String) -> Bool {
            guard rest.starts(with: word.utf8) else { return false }
            let end = utf8.index(start, offsetBy: word.utf8.count)
            return end == utf8.endIndex || utf8[end] < 0x80 || end.samePosition(in: text) != nil
        }
        if let unit = units.first(where: isWhole) { return .unit(unit) }
        return isWhole("（") || isWhole("(") ? .bracket : .text
    }

    /// The value of a cell of ASCII digits only (most cells), read straight from its bytes; nil otherwise.
    static func plainInteger(_ text: String) -> Double? {
        var value = 0
        var count = 0
        for byte in text.utf8 {
            guard (0x30...0x39).contains(byte), count < 15 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            count += 1
        }
        return count > 0 ? Double(value) : nil
    }

    private static let lookalikes: [Character: Character] = ["O": "0", "o": "0", "l": "1", "I": "1"]

    /// A whole-cell number with OCR's usual misreadings (O for 0, l or I for 1), such as "1O" or "2l";
    /// nil unless the cell has at least one real digit and nothing but digits and those letters.
    static func ocrDigits(_ text: String) -> Double? {
        guard text.utf8.count <= 6, text.contains(where: { $0.isASCII && $0.isNumber }),
            text.contains(where: { lookalikes[$0] != nil }),
            text.allSatisfy({ ($0.isASCII && $0.isNumber) || lookalikes[$0] != nil })
        else { return nil }
        return Double(String(text.map { lookalikes[$0] ?? $0 }))
    }

    /// A number at the start of `text` (with optional sign, thousands commas and decimals) and the UTF-8 offset of
    /// what follows it, read from the bytes.
    static func leadingNumber(_ text: String) -> (Double, Int)? {
        // Only a digit, a sign or a full-width minus (EF BC 8D) can start a number: labels are turned away at once.
        guard let lead = text.utf8.first, (0x30...0x39).contains(lead) || lead == 0x2D || lead == 0x2B || lead == 0xEF
        else {
            return nil
        }
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            var negative = false
            if bytes[0] == 0x2D || bytes[0] == 0x2B {
                negative = bytes[0] == 0x2D
                index = 1
            } else if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBC, bytes[2] == 0x8D {  // －
                negative = true
                index = 3
            }
            var digits: [UInt8] = []
            var dot: Int?
            while index < bytes.count {
                let byte = bytes[index]
                if (0x30...0x39).contains(byte) {
                    digits.append(byte)
                } else if byte == UInt8(ascii: ",") && !digits.isEmpty && dot == nil {
                    // thousands separator
                } else if byte == UInt8(ascii: ".") && !digits.isEmpty && dot == nil {
                    dot = digits.count
                } else {
                    break
                }
                index += 1
            }
            guard !digits.isEmpty else { return nil }
            let magnitude: Double
            if (dot == nil || dot == digits.count) && digits.count <= 15 {
                magnitude = Double(digits.reduce(0) { $0 * 10 + Int($1 - 0x30) })  // whole numbers, exactly
            } else {
                var decimal = digits
                if let dot, dot < digits.count { decimal.insert(UInt8(ascii: "."), at: dot) }
                guard let value = Double(String(decoding: decimal, as: UTF8.self)) else { return nil }
                magnitude = value
            }
            return (negative ? -magnitude : magnitude, index)
        }
    }
}
