import Analysis
import ReportModel
import Storage

extension StoreQueries {
    /// Stored reports of `years` (all when empty) with the figures `indicators` are made of.
    public func unitYearFigures(_ indicators: [IndicatorReference], years: [Int]) throws -> [UnitYearFigures] {
        var codes: [String] = []
        for code in indicators.flatMap(\.components) where !codes.contains(code) { codes.append(code) }
        let grid = try store.figureGrid(codes: codes, years: years)
        let columns = FigureColumns(codes: grid.codes, slots: grid.cells)
        return grid.reports.indices.map { index in
            let report = grid.reports[index]
            return UnitYearFigures(
                unitId: report.unitId, year: report.year,
                format: report.status == .extracted || report.status == .manual ? report.format : nil,
                values: FigureValues(columns, row: index))
        }
    }

    /// The ranking of `indicator` in `year`, optionally within a peer group.
    public func rank(_ indicator: IndicatorReference, year: Int, group: String?) throws -> Ranking {
        let figures = try unitYearFigures([indicator], years: [year - 1, year])
        return Ranker.rank(
            indicator, year: year, units: units, figures: figures, group: group,
            minimumDenominator: configuration.analysis.minimumDenominator)
    }

    /// The trend of `indicator` from `from` to `to` (default: the configured years) for some units (all when empty).
    public func trend(_ indicator: IndicatorReference, from: Int?, to: Int?, unitIds: [String]) throws -> TrendTable {
        let (first, last) = (from ?? configuration.years.lowerBound, to ?? configuration.years.upperBound)
        guard first <= last else { throw QueryError.emptyRange(from: first, to: last) }
        let years = Array(first...last)
        let figures = try unitYearFigures([indicator], years: years)
        let chosen = units.filter { unitIds.isEmpty || unitIds.contains($0.id) }
        return TrendBuilder.trend(indicator, years: years, units: chosen, figures: figures)
    }

    /// City totals of `indicators` in `year` and the 层级汇总 checks of units that others roll up into.
    public func totals(_ indicators: [IndicatorReference], year: Int) throws -> CityTotals {
        let figures = try unitYearFigures(indicators, years: [year])
        return CityTotals(
            totals: Totals.cityTotals(indicators, year: year, units: units, figures: figures),
            rollUps: Totals.rollUps(indicators, year: year, units: units, figures: figures))
    }
}

/// A year's city totals and 层级汇总 checks.
public struct CityTotals: Sendable {
    /// One total per indicator, over the units that roll up no others.
    public var totals: [CityTotal]
    /// One check per summary unit and indicator.
    public var rollUps: [RollUpCheck]
}
