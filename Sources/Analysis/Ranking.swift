import ReportModel

/// One unit's line in a ranking.
public struct RankingRow: Sendable, Hashable {
    /// Competition rank (1, 2, 2, 4); nil when not ranked.
    public var rank: Int?
    /// The unit.
    public var unit: UnitInfo
    /// The value (a rate as a fraction); may be present but unranked for too-few rates.
    public var value: Double?
    /// The rate's denominator, for rates.
    public var denominator: Double?
    /// Why the unit is or is not ranked.
    public var status: ValueStatus
    /// Share of the city total (not for rates).
    public var share: Double?
    /// Percentile among ranked units (100 = best).
    public var percentile: Double?
    /// Last year's rank.
    public var previousRank: Int?
    /// Places gained since last year (positive = up).
    public var rankChange: Int?
    /// Value change since last year.
    public var valueChange: Double?
}

/// A city-wide ranking of one code in one year.
public struct Ranking: Sendable {
    /// The ranked indicator, series or rate.
    public var indicator: IndicatorReference
    /// The year.
    public var year: Int
    /// The peer group, when restricted.
    public var group: String?
    /// Which way is better.
    public var direction: RankDirection
    /// Ranked units first (by rank), then the unranked by status and name.
    public var rows: [RankingRow]
    /// The city total of the values (not for rates).
    public var cityTotal: Double?
    /// Units whose value is counted in the total.
    public var reportingUnits: Int
    /// Method notes (direction, minimum denominator, 口径).
    public var notes: [String]
}

extension Ranking {
    /// The ranked code.
    public var code: String { indicator.code }
    /// Its Chinese name.
    public var label: String { indicator.label }
}
