import Analysis
import Extraction
import ReportModel

/// The stored reports a draft is compared with, by their sentence fingerprints (as `ReportShape` stores them).
public struct StoredText: Sendable {
    /// The unit's own report of the year before, when one is stored.
    public var previous: [Int64]?
    /// Every stored report of the year before, by unit id: their shared wording is the template's.
    public var previousYear: [String: [Int64]]
    /// Every other unit's stored report of the draft's year, by unit id.
    public var sameYear: [String: [Int64]]
    /// The configured names of the units, by id.
    public var unitNames: [String: String]
    /// A sentence printed by at least this share of a year's reports is template wording (config
    /// `quality.template_share`).
    public var templateShare: Double

    /// Creates the comparison set.
    public init(
        previous: [Int64]?, previousYear: [String: [Int64]], sameYear: [String: [Int64]],
        unitNames: [String: String], templateShare: Double
    ) {
        self.previous = previous
        self.previousYear = previousYear
        self.sameYear = sameYear
        self.unitNames = unitNames
        self.templateShare = templateShare
    }
}

/// Repetition of the unit's previous report and copying from other units' reports of the same year.
public enum TextOverlap {
    /// Above this share of the prose repeated from last year's report, the draft repeats it.
    public static let repetitionLimit = 0.5
    /// A sentence shared with another unit's report counts as copied from this many characters (digits and
    /// spaces not counted): shorter ones are common phrases.
    public static let copiedSentenceLength = 20
    /// Passages shown in a problem; the rest are counted.
    static let passagesShown = 3

    /// The repetition problem, when more than half of the draft's prose (by characters, template wording left out)
    /// repeats the unit's previous report.
    public static func repetition(
        _ passages: [SentencePassage], stored: StoredText, year: Int,
        actor: CheckActor
    ) -> CheckProblem? {
        guard let previous = stored.previous else { return nil }
        let template = QualityScorer.templateSentences(Array(stored.previousYear.values), share: stored.templateShare)
        let own = passages.filter { !template.contains($0.hash) }
        let total = own.reduce(0) { $0 + $1.length }
        let earlier = Set(previous)
        let repeated = own.filter { earlier.contains($0.hash) }
        let share = total == 0 ? 0 : Double(repeated.reduce(0) { $0 + $1.length }) / Double(total)
        guard share > repetitionLimit else { return nil }
        let rule = DraftRule.repetition
        return CheckProblem(
            rule: rule.rawValue, severity: rule.defaultSeverity, actor: actor, cells: ["previous:\(year - 1)"],
            passage: shown(repeated), expected: "≤ \(percent(repetitionLimit))", printed: percent(share),
            message: "正文的 \(percent(share)) 与本单位\(year - 1)年报告相同（\(repeated.count) 句，模板用语不计）")
    }

    /// One copying problem per other unit whose report of the same year prints sentences of the draft that are not
    /// template wording and at least `copiedSentenceLength` characters long, with the share of the prose copied.
    public static func copying(_ passages: [SentencePassage], stored: StoredText, actor: CheckActor) -> [CheckProblem] {
        let template = QualityScorer.templateSentences(Array(stored.sameYear.values), share: stored.templateShare)
        let own = passages.filter { !template.contains($0.hash) }
        let total = own.reduce(0) { $0 + $1.length }
        let candidates = own.filter { $0.length >= copiedSentenceLength }
        return stored.sameYear.keys.sorted().compactMap { unitId in
            let theirs = Set(stored.sameYear[unitId] ?? [])
            let copied = candidates.filter { theirs.contains($0.hash) }
            guard !copied.isEmpty, total > 0 else { return nil }
            let share = Double(copied.reduce(0) { $0 + $1.length }) / Double(total)
            let name = stored.unitNames[unitId] ?? unitId
            let rule = DraftRule.copying
            return CheckProblem(
                rule: rule.rawValue, severity: rule.defaultSeverity, actor: actor, cells: ["unit:\(unitId)"],
                passage: shown(copied), expected: "0%", printed: percent(share),
                message: "\(copied.count) 句与\(name)（\(unitId)）同年报告相同，占正文 \(percent(share))")
        }
    }

    private static func shown(_ passages: [SentencePassage]) -> String {
        let listed = passages.prefix(passagesShown).map { "「\($0.text)」" }.joined(separator: " ")
        return passages.count > passagesShown ? listed + " 等 \(passages.count) 句" : listed
    }

    private static func percent(_ share: Double) -> String { NumberText.format((share * 1000).rounded() / 10) + "%" }
}
