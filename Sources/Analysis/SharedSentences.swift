/// Which reports of a year print each sentence (template wording left out), to find for every report the most
/// similar one published no later, without comparing every pair: a province's 10,000 reports make 100 million
/// pairs, but a sentence that is not template wording is printed by few reports, so only the reports that share
/// one with it are looked at.
struct SharedSentences {
    /// Each report's sentences, template wording left out.
    let own: [Set<Int64>]
    /// The reports (by position) printing each sentence, in order; only reports that exist.
    private let printedBy: [Int64: [Int]]

    init(own: [Set<Int64>], hasReport: [Bool]) {
        self.own = own
        var printedBy: [Int64: [Int]] = [:]
        for (index, sentences) in own.enumerated() where hasReport[index] {
            for sentence in sentences { printedBy[sentence, default: []].append(index) }
        }
        self.printedBy = printedBy
    }

    /// The report most similar to report `index` (shared sentences ÷ all sentences of the two) among the other
    /// reports that `isCandidate` admits, with its similarity: of equals, the first in order; when none shares a
    /// sentence, the first candidate, at 0; nil when there is no candidate. The same answer as comparing with
    /// every candidate in order.
    func mostSimilar(to index: Int, candidates isCandidate: (Int) -> Bool) -> (other: Int, value: Double)? {
        var sharedCounts: [Int: Int] = [:]
        for sentence in own[index] {
            for other in printedBy[sentence] ?? [] where other != index { sharedCounts[other, default: 0] += 1 }
        }
        var best: (other: Int, value: Double)?
        for (other, shared) in sharedCounts where isCandidate(other) {
            let value = Double(shared) / Double(own[index].count + own[other].count - shared)
            if let current = best, value < current.value || (value == current.value && other > current.other) {
                continue
            }
            best = (other, value)
        }
        if let best { return best }
        return own.indices.first { $0 != index && isCandidate($0) }.map { ($0, 0) }
    }
}
