import Foundation

/// The weights and thresholds of the publication-quality score (config `quality`).
public struct QualityWeights: Sendable, Hashable {
    /// Published by the deadline.
    public var onTime = 20.0
    /// The source answered when last asked.
    public var obtainable = 10.0
    /// The format's sections and tables are all there.
    public var complete = 25.0
    /// No 勾稽 rule fails.
    public var consistent = 25.0
    /// Not changed after publication.
    public var stable = 10.0
    /// Not copied from the unit's previous report or another unit's report of the year.
    public var original = 10.0
    /// Similarity (share of shared sentences) from which a report counts as copied.
    public var similarityThreshold = 0.6
    /// A sentence printed by at least this share of the year's reports is template wording, not counted.
    public var templateShare = 0.3

    /// Default weights.
    public init() {}
}

/// What the score needs to know about one unit·year.
public struct QualityInput: Sendable {
    /// The unit.
    public var unit: UnitInfo
    /// Whether a report is held at all.
    public var hasReport: Bool
    /// Published by the deadline (nil when unknown).
    public var onTime: Bool?
    /// The source answered when last asked.
    public var obtainable: Bool
    /// Sections and tables present / expected (nil for hand-typed reports).
    public var parts: (found: Int, expected: Int)?
    /// Failed 勾稽 rules.
    public var failedRules: Int
    /// Changed after publication.
    public var changed: Bool
    /// Sentence fingerprints of this report.
    public var sentences: [Int64]
    /// Sentence fingerprints of the unit's previous report, when held.
    public var previousSentences: [Int64]?
    /// When the report was published (printed date, else first capture), to tell the copy from the original.
    public var published: Date?

    /// Creates an input.
    public init(
        unit: UnitInfo, hasReport: Bool, onTime: Bool?, obtainable: Bool, parts: (found: Int, expected: Int)?,
        failedRules: Int, changed: Bool, sentences: [Int64], previousSentences: [Int64]?, published: Date? = nil
    ) {
        self.unit = unit
        self.hasReport = hasReport
        self.onTime = onTime
        self.obtainable = obtainable
        self.parts = parts
        self.failedRules = failedRules
        self.changed = changed
        self.sentences = sentences
        self.previousSentences = previousSentences
        self.published = published
    }
}

/// One unit's quality score with its parts (each 0–1; nil when not assessable).
public struct QualityScore: Sendable {
    /// The unit.
    public var unit: UnitInfo
    /// 0–100, nil when the unit has no report.
    public var total: Double?
    /// The six components in the order of `QualityScorer.components`.
    public var components: [String: Double]
    /// The highest similarity to the unit's previous report.
    public var similarityToPrevious: Double?
    /// The highest similarity to another unit's report of the year, and that unit.
    public var similarityToOthers: (value: Double, unitId: String)?
}
