/// Decides which row label each line of numbers belongs to.
///
/// A line of numbers inside a label's lines belongs to it. Those rows also show where the table sets its numbers
/// in a tall row: at the label's first line (top), its last (bottom) or between (centre). A line of numbers outside
/// every label — below a short label in a row made tall by a neighbouring cell — goes to the label above it when
/// the table sets numbers at the bottom, the one below it when at the top, and otherwise to the nearer one; only
/// to a numbered label (`3.…`, `（三）…`: rows that the identities check), never to one that already has numbers.
/// A line no label can take, or one of two lines inside one label, keeps no label (its cells are not read).
enum PDFRowAttacher {
    private enum Placement { case top, bottom, centre }

    static func owners(of lines: [PDFLine], blocks: [PDFLabelBlock]) -> [Int?] {
        var owners = [Int?](repeating: nil, count: lines.count)
        var taken = Set<Int>()
        var contested = Set<Int>()
        var votes: [Placement: Int] = [:]
        for (index, line) in lines.enumerated() {
            let tolerance = 0.3 * line.height
            let inside = blocks.indices.filter { b in
                blocks[b].page == line.page && blocks[b].minY - tolerance <= line.midY
                    && line.midY <= blocks[b].maxY + tolerance
            }
            guard let owner = inside.min(by: { distance(line, blocks[$0]) < distance(line, blocks[$1]) }) else {
                continue
            }
            guard !taken.contains(owner) else {
                contested.insert(index)  // two lines of numbers in one label's cell: neither guessed further
                continue
            }
            owners[index] = owner
            taken.insert(owner)
            let block = blocks[owner]
            guard block.lines.count >= 2 else { continue }
            if abs(line.midY - block.lines[0].midY) < 0.5 * line.height {
                votes[.top, default: 0] += 1
            } else if abs(line.midY - block.lines[block.lines.count - 1].midY) < 0.5 * line.height {
                votes[.bottom, default: 0] += 1
            } else {
                votes[.centre, default: 0] += 1
            }
        }
        let placement = votes.max { $0.value < $1.value }?.key ?? .centre
        for (index, line) in lines.enumerated() where owners[index] == nil && !contested.contains(index) {
            // Only numbered labels (table 三's, whose identities check the placement) take numbers from outside.
            let free = blocks.indices.filter {
                blocks[$0].page == line.page && !taken.contains($0) && blocks[$0].startsNumbered
            }
            let choice: Int?
            switch placement {
            case .bottom:
                choice = free.filter { blocks[$0].maxY <= line.midY }.max { blocks[$0].maxY < blocks[$1].maxY }
            case .top: choice = free.filter { blocks[$0].minY >= line.midY }.min { blocks[$0].minY < blocks[$1].minY }
            case .centre: choice = free.min { distance(line, blocks[$0]) < distance(line, blocks[$1]) }
            }
            guard let choice, adjacent(line, blocks[choice], lines: lines) else { continue }
            owners[index] = choice
            taken.insert(choice)
        }
        return owners
    }

    /// The gap between a line and a block (0 when the block's lines reach the line's middle).
    private static func distance(_ line: PDFLine, _ block: PDFLabelBlock) -> Double {
        if line.midY < block.minY { return block.minY - line.midY }
        if line.midY > block.maxY { return line.midY - block.maxY }
        return 0
    }

    /// Whether no other line of numbers stands between the line and the block (a label takes the numbers of its
    /// own row only).
    private static func adjacent(_ line: PDFLine, _ block: PDFLabelBlock, lines: [PDFLine]) -> Bool {
        let low = min(line.midY, (block.minY + block.maxY) / 2)
        let high = max(line.midY, (block.minY + block.maxY) / 2)
        return !lines.contains {
            $0.page == line.page && $0.midY > low && $0.midY < high && abs($0.midY - line.midY) > 0.5 * line.height
        }
    }
}
