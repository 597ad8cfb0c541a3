/// The height a table row takes on its page: its line of numbers and the lines of its label.
struct PDFRowSpan: Sendable {
    let page: Int
    let top: Double
    let bottom: Double

    /// The span of a line of numbers and, when it has one on the same page, its label.
    init(line: PDFLine, label: PDFLabelBlock?) {
        page = line.page
        if let label, label.page == line.page {
            top = min(line.minY, label.minY)
            bottom = max(line.maxY, label.maxY)
        } else {
            top = line.minY
            bottom = line.maxY
        }
    }
}

extension PDFGroupLabel {
    /// The group of each row, when the group labels could not be told apart by their text: the rows of each run of
    /// numbering (`runs`, nil for rows outside every group) take the group words whose middles stand within the
    /// run's rows, from the top of its first row to the bottom of its last, across pages. A run beside which no word
    /// stands gets no group.
    static func splitByRuns(_ words: [PDFWord], runs: [Int?], spans: [PDFRowSpan]) -> [String?] {
        var extents: [Int: (start: (Int, Double), end: (Int, Double))] = [:]
        for (run, span) in zip(runs, spans) {
            guard let run else { continue }
            let start = (span.page, span.top)
            let end = (span.page, span.bottom)
            if let known = extents[run] {
                extents[run] = (start < known.start ? start : known.start, known.end < end ? end : known.end)
            } else {
                extents[run] = (start, end)
            }
        }
        let ordered = words.sorted { ($0.page, $0.minY, $0.minX) < ($1.page, $1.minY, $1.minX) }
        var texts: [Int: String] = [:]
        for (run, extent) in extents {
            let inside = ordered.filter { word in
                let middle = (word.page, word.midY)
                return middle >= extent.start && middle <= extent.end
            }
            if !inside.isEmpty { texts[run] = inside.map(\.text).joined() }
        }
        return runs.map { $0.flatMap { texts[$0] } }
    }
}
