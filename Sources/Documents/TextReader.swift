/// Reads plain text (and `pdftotext -layout` output) into paragraphs and tables.
///
/// Tables arrive in three shapes: one cell per tab-indented line with a blank line between rows (Word copies),
/// cells separated by `|` or tabs on one line, and, for PDF layout text, cells separated by runs of spaces.
enum TextReader {
    static func read(_ text: String, layoutColumns: Bool) -> (paragraphs: [String], tables: [Table], lines: [String]) {
        // LF, CRLF (one Character) and a lone CR, as old Mac and some export tools end lines.
        let lines = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        var paragraphs: [String] = []
        var tables: [Table] = []
        var rows: [[GridCell]] = []
        var cellLines: [GridCell] = []

        func endCellRow() {
            if !cellLines.isEmpty { rows.append(cellLines) }
            cellLines = []
        }
        func endTable() {
            endCellRow()
            if rows.count >= 2 {
                tables.append(Table(rows: rows))
            } else {
                paragraphs.append(contentsOf: rows.flatMap { $0 }.map(\.text).filter { !$0.isEmpty })
            }
            rows = []
        }

        for line in lines {
            if let cells = splitRow(line, layoutColumns: layoutColumns) {
                endCellRow()
                rows.append(cells)
            } else if line.first == "\t" {
                cellLines.append(GridCell(text: TextNormalizer.normalize(line)))
            } else if line.allSatisfy({ $0 == " " || $0 == "\u{3000}" }) {
                endCellRow()
            } else {
                if isPageFooter(line) { continue }
                endTable()
                let paragraph = TextNormalizer.normalize(line)
                if !paragraph.isEmpty { paragraphs.append(paragraph) }
            }
        }
        endTable()
        return (paragraphs, tables, lines.map { TextNormalizer.normalize($0) })
    }

    /// Cells of a one-line row ("a | b | c", "a\tb\tc", or layout columns), or nil for an ordinary line.
    static func splitRow(_ line: Substring, layoutColumns: Bool) -> [GridCell]? {
        let trimmed = line.drop { $0 == "\t" || $0 == " " }
        if trimmed.utf8.count(where: { $0 == UInt8(ascii: "|") }) >= 2 {
            var parts = trimmed.split(separator: "|", omittingEmptySubsequences: false).map {
                TextNormalizer.normalize($0)
            }
            if parts.first == "" { parts.removeFirst() }
            if parts.last == "" { parts.removeLast() }
            return parts.map { GridCell(text: $0) }
        }
        if trimmed.utf8.contains(UInt8(ascii: "\t")) {
            let parts = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map {
                TextNormalizer.normalize($0)
            }
            if parts.count >= 2 && parts.contains(where: { !$0.isEmpty }) { return parts.map { GridCell(text: $0) } }
        }
        if layoutColumns {
            let parts = splitOnSpaceRuns(trimmed)
            if parts.count >= 2 && parts.contains(where: { $0.first?.isNumber == true }) {
                return parts.map { GridCell(text: $0) }
            }
        }
        return nil
    }

    /// Splits on runs of two or more spaces (or one ideographic space), as `pdftotext -layout` aligns columns.
    private static func splitOnSpaceRuns(_ line: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var spaces = 0
        for character in line {
            if character == " " || character == "\u{3000}" {
                spaces += character == " " ? 1 : 2
                continue
            }
            if spaces >= 2, !current.isEmpty {
                parts.append(TextNormalizer.normalize(current))
                current = ""
            } else if spaces == 1 {
                current.append(" ")
            }
            spaces = 0
            current.append(character)
        }
        if !current.isEmpty { parts.append(TextNormalizer.normalize(current)) }
        return parts
    }

    /// Page footers such as "— 4 —" or "-4-" that PDF copies leave inside tables.
    static func isPageFooter(_ line: Substring) -> Bool { PageFooter.matches(line) }
}

/// Recognises the page footers ("— 4 —", "-4-", "第4页") that copies of PDFs leave between table rows.
public enum PageFooter {
    /// Whether `line` is only a page number with its dashes.
    public static func matches(_ line: some StringProtocol) -> Bool {
        let compact = line.filter { $0 != " " && $0 != "\u{3000}" }
        guard !compact.isEmpty, compact.count <= 8 else { return false }
        let digits = compact.filter(\.isNumber)
        let rest = compact.filter { !$0.isNumber }
        return !digits.isEmpty && rest.allSatisfy { "—-–第页/".contains($0) } && rest.count >= 2
    }
}
