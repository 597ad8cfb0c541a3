/// Words that share a baseline on one page, left to right.
struct PDFLine: Sendable {
    var words: [PDFWord]

    var page: Int { words[0].page }
    var minY: Double { words.map(\.minY).min() ?? 0 }
    var maxY: Double { words.map(\.maxY).max() ?? 0 }
    var midY: Double { (minY + maxY) / 2 }
    var height: Double { maxY - minY }
    /// The words joined without spaces.
    var compactText: String { words.map(\.text).joined() }

    /// Lines of `words` (of one page): a word joins the line whose middle is within 40 % of its height of its own.
    static func lines(of words: [PDFWord]) -> [PDFLine] {
        var lines: [PDFLine] = []
        for word in words.sorted(by: { $0.midY < $1.midY }) {
            if let last = lines.indices.last,
                abs(lines[last].midY - word.midY) <= 0.4 * min(lines[last].height, word.height)
            {
                lines[last].words.append(word)
            } else {
                lines.append(PDFLine(words: [word]))
            }
        }
        return lines.map { PDFLine(words: $0.words.sorted { $0.minX < $1.minX }) }
    }
}

/// Removes running headers and page footers: lines in a page's top or bottom margin that are a page number
/// (`-3-`, `— 4 —`, `第4页`) or that repeat on more than one page.
enum PDFRunningLines {
    /// The share of the page height, at the top and at the bottom, where running lines stand.
    static let margin = 0.09

    static func remove(from pages: [PDFPage]) -> [[PDFLine]] {
        let lines = pages.map { PDFLine.lines(of: $0.words) }
        func inMargin(_ line: PDFLine, _ page: PDFPage) -> Bool {
            line.maxY < page.height * margin || line.minY > page.height * (1 - margin)
        }
        var seen: [String: Set<Int>] = [:]
        for (page, pageLines) in zip(pages, lines) {
            for line in pageLines where inMargin(line, page) { seen[line.compactText, default: []].insert(line.page) }
        }
        return zip(pages, lines).map { page, pageLines in
            pageLines.filter { line in
                if PageFooter.matches(line.compactText) { return false }
                return !(inMargin(line, page) && (seen[line.compactText]?.count ?? 0) > 1)
            }
        }
    }
}
