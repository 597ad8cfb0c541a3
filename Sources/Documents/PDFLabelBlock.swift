/// A row label of a PDF table: the lines of one label cell, wrapped lines joined.
struct PDFLabelBlock: Sendable {
    var lines: [PDFLine]
    /// The whole label when a page break cuts it: the same on both pieces.
    var acrossPages: String?

    init(lines: [PDFLine]) { self.lines = lines }

    var page: Int { lines[0].page }
    var minY: Double { lines[0].minY }
    var maxY: Double { lines[lines.count - 1].maxY }
    var text: String { acrossPages ?? ownText }
    private var ownText: String { lines.map(\.compactText).joined() }
    var startsNumbered: Bool { PDFLabelBlock.startsNumbered(lines[0].compactText) }

    /// Whether a label starts a numbered row: `（三）…`, `三、…`, `3.…`, `3、…`.
    static func startsNumbered(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        let head = Array(text.prefix(4))
        if first == "（" || first == "(" {
            guard let close = head.firstIndex(where: { $0 == "）" || $0 == ")" }), close >= 2 else { return false }
            return head[1..<close].allSatisfy { "一二三四五六七八九十".contains($0) || ($0.isASCII && $0.isNumber) }
        }
        if "一二三四五六七八九十".contains(first) { return head.dropFirst().prefix(2).contains("、") }
        if first.isASCII && first.isNumber {
            return head.dropFirst().first { !($0.isASCII && $0.isNumber) }.map { ".．、".contains($0) } ?? false
        }
        return false
    }

    /// Whether a label starts with an Arabic number (`3.…`): a row inside a group.
    static func startsWithDigit(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isNumber else { return false }
        return startsNumbered(text)
    }

    /// The blocks of label lines (in reading order): a numbered line starts a block; an unnumbered line continues
    /// a numbered block it follows closely (a wrapped label), and otherwise is a label of its own.
    ///
    /// Words of a neighbouring label cell that share a line (a group label wrapped beside the rows it spans) are
    /// left out: those before a numbered word, and on a wrapped line those wholly left of where the label began.
    static func blocks(_ lines: [PDFLine]) -> [PDFLabelBlock] {
        var blocks: [PDFLabelBlock] = []
        for var line in lines {
            if let start = line.words.indices.dropFirst().last(where: { startsNumbered(line.words[$0].text) }) {
                line.words.removeFirst(start)
            } else if let last = blocks.last, last.page == line.page, !startsNumbered(line.compactText) {
                let edge = last.lines.flatMap(\.words).map(\.minX).min() ?? 0
                let kept = line.words.filter { $0.maxX >= edge - 0.5 }
                if !kept.isEmpty { line.words = kept }
            }
            if let last = blocks.indices.last, !startsNumbered(line.compactText), blocks[last].page == line.page {
                let gap = line.minY - blocks[last].maxY
                let height = max(line.height, blocks[last].lines[blocks[last].lines.count - 1].height)
                if blocks[last].startsNumbered && gap < 1.5 * height {
                    blocks[last].lines.append(line)
                    continue
                }
            }
            blocks.append(PDFLabelBlock(lines: [line]))
        }
        // A numbered label whose last lines went over to the next page: the first label there, unnumbered.
        for index in blocks.indices.dropFirst()
        where blocks[index].page != blocks[index - 1].page
            && !blocks[index].startsNumbered && blocks[index - 1].startsNumbered
        {
            let whole = blocks[index - 1].ownText + blocks[index].ownText
            blocks[index - 1].acrossPages = whole
            blocks[index].acrossPages = whole
        }
        return blocks
    }
}

/// A group label that spans rows (`（三）不予公开`), often printed one character per line in a narrow column.
struct PDFGroupLabel: Sendable {
    var words: [PDFWord]
    var text: String { words.map(\.text).joined() }

    /// Vertical distance from a point of `page` to the nearest of the label's words on that page (nil when none is).
    func distance(page: Int, y: Double) -> Double? {
        words.filter { $0.page == page }.map { abs($0.midY - y) }.min()
    }

    /// The group of each line of numbers whose label is a numbered sub-row (`3.其他`). Sub-rows are numbered from
    /// 1 in each group, so the runs of numbering are the groups in order when there are as many runs as group
    /// labels; when there are more runs than labels (a group's opening bracket misread, so two labels ran into one),
    /// each run takes the group words standing beside its rows (`PDFGroupLabel.splitByRuns`); otherwise each
    /// sub-row takes the group label nearest to it on its page.
    static func assign(_ groups: [PDFGroupLabel], to lines: [PDFLine], spans: [PDFRowSpan], labels: [String?])
        -> [String?]
    {
        var runs: [Int?] = []
        var run = -1
        var previous = Int.max
        for label in labels {
            guard let label, PDFLabelBlock.startsWithDigit(label), let number = Int(label.prefix(while: \.isNumber))
            else {
                runs.append(nil)
                continue
            }
            if number <= previous { run += 1 }
            previous = number
            runs.append(run)
        }
        if run + 1 == groups.count { return runs.map { $0.map { groups[$0].text } } }
        if run + 1 > groups.count, !groups.isEmpty {
            return splitByRuns(groups.flatMap(\.words), runs: runs, spans: spans)
        }
        return zip(lines, runs).map { line, run in
            guard run != nil else { return nil }
            return groups.compactMap { group in group.distance(page: line.page, y: line.midY).map { (group, $0) } }
                .min { $0.1 < $1.1 }?.0.text
        }
    }

    /// The words of labels printed one to three characters per line in a narrow column: three or more such words
    /// under one another (their middles within two and a half points), each close below the one before.
    static func stacks(_ words: [PDFWord]) -> [[PDFWord]] {
        let single = words.filter { $0.text.count <= 3 }.sorted { ($0.page, $0.minY) < ($1.page, $1.minY) }
        var stacks: [[PDFWord]] = []
        for word in single {
            if let index = stacks.lastIndex(where: { stack in
                let last = stack[stack.count - 1]
                return last.page == word.page && abs(last.midX - word.midX) <= 2.5
                    && word.minY - last.maxY < 1.6 * last.height
            }) {
                stacks[index].append(word)
            } else {
                stacks.append([word])
            }
        }
        return stacks.filter { $0.count >= 3 }
    }

    /// The group labels among `words` (the words left of the numbered sub-row labels): the column nearest the
    /// labels is taken, read top to bottom across pages, and a new group starts at each `（` or `三、`.
    static func groups(_ words: [PDFWord]) -> [PDFGroupLabel] {
        var columns: [ClosedRange<Double>] = []
        for word in words.sorted(by: { $0.minX < $1.minX }) {
            if let last = columns.last, word.minX <= last.upperBound + 1 {
                columns[columns.count - 1] = last.lowerBound...max(last.upperBound, word.maxX)
            } else {
                columns.append(word.minX...word.maxX)
            }
        }
        guard let inner = columns.last else { return [] }
        let ordered = words.filter { inner.contains($0.midX) }
            .sorted { ($0.page, $0.minY, $0.minX) < ($1.page, $1.minY, $1.minX) }
        var groups: [PDFGroupLabel] = []
        for word in ordered {
            if groups.isEmpty || PDFLabelBlock.startsNumbered(word.text) || word.text.hasPrefix("（") {
                groups.append(PDFGroupLabel(words: [word]))
            } else {
                groups[groups.count - 1].words.append(word)
            }
        }
        return groups
    }
}
