/// What a code names, parsed once: a figure of the catalogue, a comparable series across the 2019 break, or a
/// rate derived from figures.
public enum IndicatorReference: Sendable, Hashable {
    /// A figure printed in the reports (`t3.total.new_received`, `old.proactive.total`).
    case figure(Indicator)
    /// A series comparable across formats (`series.applications`).
    case series(ComparableSeries)
    /// A rate of printed figures (`rate.disclosed`).
    case rate(DerivedRate)

    /// The reference `code` names, or nil when it names nothing.
    public init?(code: String) {
        if let indicator = IndicatorCatalogue.indicator(code) {
            self = .figure(indicator)
        } else if let series = ComparableSeries.named(code) {
            self = .series(series)
        } else if let rate = DerivedRate.named(code) {
            self = .rate(rate)
        } else {
            return nil
        }
    }

    /// The code.
    public var code: String {
        switch self {
        case .figure(let indicator): indicator.code
        case .series(let series): series.code
        case .rate(let rate): rate.code
        }
    }

    /// The Chinese name.
    public var label: String {
        switch self {
        case .figure(let indicator): indicator.label
        case .series(let series): series.label
        case .rate(let rate): rate.label
        }
    }

    /// Which way is better when ranking.
    public var direction: RankDirection {
        switch self {
        case .figure(let indicator): indicator.direction
        case .series(let series): series.direction
        case .rate(let rate): rate.direction
        }
    }

    /// The printed figures the value is made of.
    public var components: [String] {
        switch self {
        case .figure(let indicator): [indicator.code]
        case .series(let series): series.newCodes + series.oldCodes
        case .rate(let rate): rate.numerator + rate.denominator
        }
    }

    /// The unit of a figure (件, 条…); empty for series and rates.
    public var unitLabel: String {
        if case .figure(let indicator) = self { indicator.unit.rawValue } else { "" }
    }

    /// Whether it is a rate.
    public var isRate: Bool {
        if case .rate = self { true } else { false }
    }
}
