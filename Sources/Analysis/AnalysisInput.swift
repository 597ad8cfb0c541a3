import ReportModel

/// A unit as the analysis sees it.
public struct UnitInfo: Sendable, Hashable {
    /// Stable id.
    public var id: String
    /// Chinese name.
    public var name: String
    /// Peer group.
    public var kind: String
    /// The unit this one rolls up into (层级汇总), if any.
    public var parent: String?

    /// Creates a unit.
    public init(id: String, name: String, kind: String, parent: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
    }
}

/// One unit's stored report for one year: its format and figures.
public struct UnitYearFigures: Sendable, Hashable {
    /// The unit id.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// The report's format (nil when the document was not a readable report).
    public var format: ReportFormat?
    /// Figures by code; a nil value is a printed blank total.
    public var values: FigureValues

    /// Creates a unit·year record.
    public init(unitId: String, year: Int, format: ReportFormat?, values: FigureValues) {
        self.unitId = unitId
        self.year = year
        self.format = format
        self.values = values
    }

    /// Creates a unit·year record of figures given by code.
    public init(unitId: String, year: Int, format: ReportFormat?, values: [String: Double?]) {
        self.init(unitId: unitId, year: year, format: format, values: FigureValues(values))
    }
}

/// Why a unit has no ranked value.
public enum ValueStatus: String, Sendable, Hashable, Codable {
    /// A value was found and ranked.
    case ranked
    /// No report is held for the unit·year (未报送或未获取).
    case missing
    /// A report is held but does not print this figure (未填报).
    case notPrinted = "not_printed"
    /// A rate whose denominator is below the minimum (样本过少).
    case tooFew = "too_few"
    /// A rate whose denominator is 0 (无分母).
    case noDenominator = "no_denominator"

    /// The Chinese wording used in tables and the report.
    public var label: String {
        switch self {
        case .ranked: return "已排名"
        case .missing: return "缺报"
        case .notPrinted: return "未填报"
        case .tooFew: return "样本过少"
        case .noDenominator: return "无分母"
        }
    }
}

/// The value of any code (indicator, series or rate) in one report, with the rate's denominator.
public enum IndicatorValue {
    /// Resolves `indicator` in `figures`: nil value with a status when there is nothing to rank.
    public static func resolve(
        _ indicator: IndicatorReference, in figures: UnitYearFigures?,
        minimumDenominator: Double
    ) -> (value: Double?, denominator: Double?, status: ValueStatus) {
        Resolver(indicator, minimumDenominator: minimumDenominator).resolve(figures)
    }

    /// `resolve(_:in:minimumDenominator:)` for one indicator over many reports.
    public struct Resolver: Sendable {
        let indicator: IndicatorReference
        let minimumDenominator: Double

        /// A resolver of `indicator`.
        public init(_ indicator: IndicatorReference, minimumDenominator: Double) {
            self.indicator = indicator
            self.minimumDenominator = minimumDenominator
        }

        /// The value in one report (nil: the unit·year has no stored report).
        public func resolve(_ figures: UnitYearFigures?) -> (value: Double?, denominator: Double?, status: ValueStatus)
        {
            guard let figures, let format = figures.format else { return (nil, nil, .missing) }
            let values = figures.values
            switch indicator {
            case .rate(let rate):
                let printed = { (code: String) in values[code].number != nil }
                guard rate.numerator.allSatisfy(printed) && rate.denominator.allSatisfy(printed) else {
                    return (nil, nil, .notPrinted)
                }
                guard let evaluated = rate.evaluate({ values[$0].number }) else { return (nil, 0, .noDenominator) }
                if evaluated.denominator < minimumDenominator {
                    return (evaluated.rate, evaluated.denominator, .tooFew)
                }
                return (evaluated.rate, evaluated.denominator, .ranked)
            case .series(let series):
                guard let value = series.value(format: format, { values[$0].number }) else {
                    return (nil, nil, .notPrinted)
                }
                return (value, nil, .ranked)
            case .figure(let figure):
                guard let value = values[figure.code].number else { return (nil, nil, .notPrinted) }
                return (value, nil, .ranked)
            }
        }
    }
}
