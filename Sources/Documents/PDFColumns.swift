/// The value columns of a table region: the x-ranges where its numbers stand, found from the numbers themselves
/// (headers are often wrapped or scrambled, so their text cannot place a column).
struct PDFColumns: Sendable {
    /// Column ranges, left to right.
    let ranges: [ClosedRange<Double>]

    /// Merges the x-ranges of `words` (numbers, and the headings of columns) that overlap within a point:
    /// centred, left- or right-aligned numbers of one column overlap whatever their lengths.
    init(words: [PDFWord]) {
        var ranges: [ClosedRange<Double>] = []
        for word in words.sorted(by: { $0.minX < $1.minX }) {
            if let last = ranges.last, word.minX <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, word.maxX)
            } else {
                ranges.append(word.minX...word.maxX)
            }
        }
        self.ranges = ranges
    }

    var count: Int { ranges.count }
    /// Where the first value column begins: words wholly left of it are labels.
    var leftEdge: Double { ranges.first?.lowerBound ?? .infinity }

    /// The column of a word: the range holding its middle, else the nearest, with the halfway points between
    /// columns as the boundaries.
    func column(of word: PDFWord) -> Int {
        let x = word.midX
        for (index, range) in ranges.enumerated() {
            let left = index == 0 ? -Double.infinity : (ranges[index - 1].upperBound + range.lowerBound) / 2
            let right =
                index == ranges.count - 1 ? Double.infinity : (range.upperBound + ranges[index + 1].lowerBound) / 2
            if x >= left && x < right { return index }
        }
        return ranges.count - 1
    }
}
