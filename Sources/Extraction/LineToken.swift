import Documents

/// One source line of a text copy split into its label text and the values that end it.
struct LineToken {
    /// The label text without spaces ("" for a values-only line).
    let label: String
    /// The trailing values (numbers, placeholders, and blank cells between pipes).
    let values: [CellValue]
    /// An empty line (an empty cell in one-cell-per-line copies).
    let isBlank: Bool

    init(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        isBlank = trimmed.isEmpty
        var parts: [String]
        if trimmed.filter({ $0 == "|" }).count >= 2 {
            parts = trimmed.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if parts.first == "" { parts.removeFirst() }
            if parts.last == "" { parts.removeLast() }
        } else {
            parts = trimmed.split(separator: " ").map(String.init)
        }
        var values: [CellValue] = []
        while let last = parts.last {
            let cell = CellValue.parse(last)
            guard cell.isValue else { break }
            values.insert(cell, at: 0)
            parts.removeLast()
        }
        self.values = values
        self.label = parts.joined().withoutSpaces
    }

    /// Tokens of every line, with page footers left out.
    static func tokens(_ lines: [String]) -> [LineToken] {
        lines.filter { !PageFooter.matches($0) }.map(LineToken.init)
    }

    /// Whether the label starts a new numbered row ("（三）…", "一、…", "3.…"), not a wrapped continuation.
    var startsNumberedLabel: Bool {
        guard let first = label.first else { return false }
        if first == "（" || first == "(" { return true }
        let prefix = String(label.prefix(4))
        if prefix.includes("、") && "一二三四五六七八九十".contains(first) { return true }
        return first.isNumber && (prefix.includes(".") || prefix.includes("．") || prefix.includes("、"))
    }
}
