/// Builds tables from where a PDF's words stand. The document is cut into regions at its section headings
/// (`三、收到和处理政府信息公开申请情况`); running headers and footers are dropped first, so a table broken across
/// pages is one region. In a region, value columns come from where the numbers align (`PDFColumns`); the words
/// left of them are labels, joined into one label per row cell (`PDFLabelBlock`), and each line of numbers is
/// given the label whose cell holds it: the label beside it, else — for numbers set at the bottom or top of a tall
/// row — the label the table's other rows show them to belong to. Group labels spanning rows (`PDFGroupLabel`)
/// are put before the labels of the numbered rows they hold.
///
/// Rows come out as `[group, label, values…]`. A region with five or more value columns is laid out by column:
/// a row with blank cells keeps each number under its column and leaves the others blank; a region with fewer
/// (table 二, whose spanning cells do not line up) keeps each row's numbers as printed.
enum PDFTableBuilder {
    static func tables(_ pages: [PDFPage]) -> [Table] {
        var tables: [Table] = []
        var region: [PDFLine] = []
        for line in PDFRunningLines.remove(from: pages).joined() {
            if isSectionHeading(line) {
                if let table = table(region) { tables.append(table) }
                region = []
            } else {
                region.append(line)
            }
        }
        if let table = table(region) { tables.append(table) }
        return tables
    }

    /// `三、收到和处理政府信息公开申请情况`, `五、存在的主要问题及改进情况`: a report section's heading.
    static func isSectionHeading(_ line: PDFLine) -> Bool {
        let text = line.compactText
        guard !line.words.contains(where: \.isValue), let first = text.first, "一二三四五六七八九十".contains(first),
            text.prefix(3).contains("、")
        else { return false }
        return text.hasSuffix("情况") || text.contains("存在的主要问题") || text.contains("其他需要报告")
    }

    /// A value line: its numbers (the words that end the line) and the words before them.
    private struct ValueLine {
        let line: PDFLine
        let values: [PDFWord]
    }

    /// The most lines a region may have to be built by geometry (a report's table has a few dozen; the
    /// placement compares lines with labels pairwise). A larger region is left to the layout text.
    static let maxRegionLines = 1_500

    private static func table(_ printed: [PDFLine]) -> Table? {
        guard printed.count <= maxRegionLines else { return nil }
        let lines = OCRLookAlikes.readingDigits(in: printed)
        var valueLines: [ValueLine] = []
        for line in lines {
            let values = Array(line.words.reversed().prefix(while: \.isValue).reversed())
            if !values.isEmpty, values.contains(where: { $0.text.contains(where: \.isNumber) }) {
                valueLines.append(ValueLine(line: line, values: values))
            }
        }
        guard !valueLines.isEmpty else { return nil }
        let values = valueLines.flatMap(\.values)
        let valueIDs = Set(values.map { WordID($0) })
        let texts = lines.flatMap(\.words).filter { !valueIDs.contains(WordID($0)) }
        let leftEdge = PDFColumns(words: values).leftEdge
        let labelWords = texts.filter { $0.maxX < leftEdge - 0.5 }
        let headerWords = texts.filter { $0.maxX >= leftEdge - 0.5 }
        // Columns without a number in any row are still columns: their header's lowest words show where.
        let columns = PDFColumns(words: values + leaves(headerWords, above: valueLines[0].line))

        // Group labels stand left of the numbered sub-row labels (1., 2., …), from the first of them to the last.
        let subRows = labelWords.filter { PDFLabelBlock.startsWithDigit($0.text) }
        // Above and below them, narrow columns of short words left of them belong to the outer group label.
        var groupWords: [PDFWord] = []
        var stacked: [PDFWord] = []
        if let edge = subRows.map(\.minX).min(), let first = subRows.map({ ($0.page, $0.minY) }).min(by: <),
            let last = subRows.map({ ($0.page, $0.maxY) }).max(by: <)
        {
            let left = labelWords.filter { $0.maxX < edge - 0.5 }
            let stacks = PDFGroupLabel.stacks(left)
            let inRange = Set(
                left.filter { ($0.page, $0.maxY) > first && ($0.page, $0.minY) < last }.map { WordID($0) })
            // A stack reaching into the sub-rows belongs to their groups whole, even where it runs past them.
            let reaching = stacks.filter { $0.contains { inRange.contains(WordID($0)) } }.flatMap { $0 }
            groupWords =
                left.filter { inRange.contains(WordID($0)) }
                + reaching.filter { !inRange.contains(WordID($0)) }
            stacked = stacks.flatMap { $0 }
        }
        let groupIDs = Set((groupWords + stacked).map { WordID($0) })
        let groups = PDFGroupLabel.groups(groupWords)
        let rowWords = labelWords.filter { !groupIDs.contains(WordID($0)) }
        let labelLines = Dictionary(grouping: rowWords, by: \.page).sorted { $0.key < $1.key }
            .flatMap { PDFLine.lines(of: $0.value) }
        let blocks = PDFLabelBlock.blocks(labelLines)
        let owners = PDFRowAttacher.owners(of: valueLines.map(\.line), blocks: blocks)

        let byColumn = columns.count >= 5
        var rows: [(page: Int, y: Double, cells: [GridCell])] = []
        if byColumn {
            rows.append(
                (
                    -1, 0,
                    [GridCell(text: ""), GridCell(text: "")]
                        + header(headerWords, above: valueLines[0].line, columns: columns)
                ))
        } else {
            for line in Dictionary(grouping: headerWords, by: \.page).flatMap({ PDFLine.lines(of: $0.value) }) {
                rows.append((line.page, line.midY, line.words.map { GridCell(text: $0.text) }))
            }
        }
        let spans = zip(valueLines, owners).map { valueLine, owner in
            PDFRowSpan(line: valueLine.line, label: owner.map { blocks[$0] })
        }
        let memberships = PDFGroupLabel.assign(
            groups, to: valueLines.map(\.line), spans: spans,
            labels: owners.map { $0.map { blocks[$0].text } })
        var owned = Set<Int>()
        for (index, (valueLine, owner)) in zip(valueLines, owners).enumerated() {
            var label = ""
            if let owner {
                owned.insert(owner)
                label = blocks[owner].text
            }
            let group = memberships[index] ?? ""
            rows.append(
                (
                    valueLine.line.page, valueLine.line.midY,
                    [GridCell(text: group), GridCell(text: label)]
                        + cells(valueLine.values, columns: columns, byColumn: byColumn)
                ))
        }
        for (index, block) in blocks.enumerated() where !owned.contains(index) {
            rows.append((block.page, (block.minY + block.maxY) / 2, [GridCell(text: block.text)]))
        }
        rows.sort { ($0.page, $0.y) < ($1.page, $1.y) }
        return rows.count >= 2 ? Table(rows: rows.map(\.cells)) : nil
    }

    /// A row's value cells: under their columns (blank where nothing is printed), or as printed.
    private static func cells(_ values: [PDFWord], columns: PDFColumns, byColumn: Bool) -> [GridCell] {
        let printed = values.map { GridCell(text: $0.text, scan: $0.scanReading) }
        guard byColumn else { return printed }
        var slots = Array(repeating: GridCell(text: ""), count: columns.count)
        var taken = Set<Int>()
        for (word, cell) in zip(values, printed) {
            let column = columns.column(of: word)
            // Two numbers under one column: the row cannot be placed, and is kept as printed.
            guard taken.insert(column).inserted else { return printed }
            slots[column] = cell
        }
        return slots
    }

    /// The header words above the first numbers with no header word below them: the column headings. Words a
    /// space apart on one line are one heading (`商 业 企 业`).
    private static func leaves(_ words: [PDFWord], above first: PDFLine) -> [PDFWord] {
        let above = Dictionary(grouping: words.filter { ($0.page, $0.maxY) <= (first.page, first.minY) }, by: \.page)
            .flatMap { PDFLine.lines(of: $0.value) }.flatMap(joiningSpaced)
        return above.filter { word in
            !above.contains { other in
                other.page == word.page && other.minY > word.maxY - 1 && other.minX < word.maxX
                    && other.maxX > word.minX
            }
        }
    }

    /// A line's words with those only a space apart joined into one.
    private static func joiningSpaced(_ line: PDFLine) -> [PDFWord] {
        var joined: [PDFWord] = []
        for word in line.words {
            if let last = joined.last, word.minX - last.maxX < 0.5 * max(last.height, word.height) {
                joined[joined.count - 1] = PDFWord(
                    text: last.text + word.text, page: last.page, minX: last.minX,
                    minY: min(last.minY, word.minY), maxX: word.maxX, maxY: max(last.maxY, word.maxY))
            } else {
                joined.append(word)
            }
        }
        return joined
    }

    /// One header row: the header words above the first numbers, joined top to bottom under each column.
    private static func header(_ words: [PDFWord], above first: PDFLine, columns: PDFColumns) -> [GridCell] {
        var texts = Array(repeating: "", count: columns.count)
        let above = words.filter { ($0.page, $0.maxY) <= (first.page, first.minY) }
            .sorted { ($0.page, $0.minY, $0.minX) < ($1.page, $1.minY, $1.minX) }
        for word in above { texts[columns.column(of: word)] += word.text }
        return texts.map { GridCell(text: $0) }
    }
}

/// A word's identity within one document: its page and box.
struct WordID: Hashable {
    let page: Int
    let x: Double
    let y: Double

    init(_ word: PDFWord) {
        page = word.page
        x = word.minX
        y = word.minY
    }
}
