import ReportModel

/// The meaning of one printed cell: a number, a blank, a placeholder, or text.
struct CellValue: Equatable {
    let kind: Kind
    let value: Double?
    let raw: String
    /// The unit written inside the cell ("251000元"), if any.
    let unit: String?

    enum Kind: Equatable { case number, blank, placeholder, text }

    private static let placeholders: Set<String> = ["—", "-", "/", "无", "——", "－", "–", "/ ", "－－", "--", "—-", "空", "／"]

    /// Whether the cell can stand where a number is expected (number, blank or placeholder).
    var isValue: Bool { kind != .text }

    /// Parses a cell. "22（其中修订16件）" is 22; "251000元" is 251000 with unit 元; "—" is a placeholder.
    static func parse(_ text: String) -> CellValue {
        if text.isEmpty { return CellValue(kind: .blank, value: 0, raw: text, unit: nil) }
        if let whole = plainInteger(text) { return CellValue(kind: .number, value: whole, raw: text, unit: nil) }
        let trimmed = text.trimmedSpaces
        if trimmed.isEmpty { return CellValue(kind: .blank, value: 0, raw: text, unit: nil) }
        // Placeholders are at most two characters: a length check first spares hashing every cell's text.
        if trimmed.utf8.count <= 6, placeholders.contains(trimmed) { return CellValue(kind: .placeholder, value: 0, raw: text, unit: nil) }
        guard let (number, rest) = leadingNumber(trimmed) else {
            if let repaired = ocrDigits(trimmed) { return CellValue(kind: .number, value: repaired, raw: text, unit: nil) }
            return CellValue(kind: .text, value: nil, raw: text, unit: nil)
        }
        let restTrimmed = String(rest).trimmedSpaces
        if restTrimmed.isEmpty { return CellValue(kind: .number, value: number, raw: text, unit: nil) }
        for unit in ["万元", "元", "件", "条", "个", "人", "次", "项", "%"] where restTrimmed.hasPrefix(unit) {
            return CellValue(kind: .number, value: number, raw: text, unit: unit)
        }
        if restTrimmed.first == "（" || restTrimmed.first == "(" {
            return CellValue(kind: .number, value: number, raw: text, unit: nil)
        }
        if let repaired = ocrDigits(trimmed) { return CellValue(kind: .number, value: repaired, raw: text, unit: nil) }
        return CellValue(kind: .text, value: nil, raw: text, unit: nil)
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
              text.allSatisfy({ ($0.isASCII && $0.isNumber) || lookalikes[$0] != nil }) else { return nil }
        return Double(String(text.map { lookalikes[$0] ?? $0 }))
    }

    /// A number at the start of `text` (with optional sign, thousands commas and decimals) and what follows it.
    static func leadingNumber(_ text: String) -> (Double, Substring)? {
        // Only a digit, a sign or a full-width minus (EF BC 8D) can start a number: labels are turned away at once.
        guard let lead = text.utf8.first, (0x30...0x39).contains(lead) || lead == 0x2D || lead == 0x2B || lead == 0xEF else {
            return nil
        }
        var index = text.startIndex
        var digits = ""
        if index < text.endIndex, text[index] == "-" || text[index] == "+" || text[index] == "－" {
            digits.append(text[index] == "+" ? "+" : "-")
            index = text.index(after: index)
        }
        var sawDigit = false
        var sawDot = false
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII, character.isNumber {
                digits.append(character)
                sawDigit = true
            } else if character == "," && sawDigit && !sawDot {
                // thousands separator
            } else if character == "." && sawDigit && !sawDot {
                sawDot = true
                digits.append(".")
            } else {
                break
            }
            index = text.index(after: index)
        }
        guard sawDigit, let value = Double(digits.hasSuffix(".") ? String(digits.dropLast()) : digits) else {
            return nil
        }
        return (value, text[index...])
    }
}
