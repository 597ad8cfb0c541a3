/// Matches a printed label to catalogue keywords when no keyword occurs in it exactly: a character dropped,
/// doubled or wrong (`属于三类内部事物信息`, `补正后申请内容仍不明`) still names its row. Each row is scored by
/// the fewest edits that turn one of its keywords into some stretch of the label; the row with the lowest score
/// wins, within an allowance that grows with the keyword's length. When two rows are equally close the label is
/// refused (nil), never guessed.
enum TolerantLabel {
    /// The edits a keyword of `length` characters may need: none below four, one up to seven, two from eight.
    static func allowance(length: Int) -> Int {
        length < 4 ? 0 : length < 8 ? 1 : 2
    }

    /// The one key whose keywords come closest to `label` within their allowance, with its score; nil when no
    /// key does or when two keys are equally close.
    static func closest<Key: Equatable>(_ label: String, among rows: [(key: Key, keywords: [String])]) -> (
        key: Key, edits: Int
    )? {
        let text = Array(label)
        var best: (key: Key, edits: Int)?
        var tied = false
        for row in rows {
            let scores = row.keywords.compactMap { keyword -> Int? in
                let characters = Array(keyword)
                let limit = allowance(length: characters.count)
                guard limit > 0 else { return nil }
                let edits = distance(characters, within: text)
                return edits <= limit ? edits : nil
            }
            guard let score = scores.min() else { continue }
            if let current = best, current.key != row.key {
                if score < current.edits {
                    best = (row.key, score)
                    tied = false
                } else if score == current.edits {
                    tied = true
                }
            } else if best == nil {
                best = (row.key, score)
            }
        }
        return tied ? nil : best
    }

    /// The fewest insertions, deletions and substitutions that turn `pattern` into some stretch of `text`
    /// (approximate substring matching: the stretch may start and end anywhere).
    static func distance(_ pattern: [Character], within text: [Character]) -> Int {
        guard !pattern.isEmpty else { return 0 }
        var previous = Array(0...pattern.count)
        var best = previous[pattern.count]
        for character in text {
            var current = [0]
            current.reserveCapacity(pattern.count + 1)
            for index in 1...pattern.count {
                let substitution = previous[index - 1] + (pattern[index - 1] == character ? 0 : 1)
                current.append(min(substitution, previous[index] + 1, current[index - 1] + 1))
            }
            best = min(best, current[pattern.count])
            previous = current
        }
        return best
    }
}
