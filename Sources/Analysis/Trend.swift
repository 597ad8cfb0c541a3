import ReportModel

/// One unit·year cell of a trend table.
public struct TrendCell: Sendable, Hashable {
    /// The value, when there is one.
    public var value: Double?
    /// Why there is no value.
    public var status: ValueStatus
    /// Change from the year before.
    public var change: Double?
    /// Change from the year before, in percent (nil when last year was 0 or missing).
    public var percentChange: Double?
}

/// One unit's row of a trend table.
public struct TrendRow: Sendable, Hashable {
    /// The unit.
    public var unit: UnitInfo
    /// The table's years, ascending.
    public var years: [Int]
    /// One cell per year, in the order of `years`.
    public var cells: [TrendCell]

    /// The cell of `year`; nil when the table does not cover it.
    public subscript(year: Int) -> TrendCell? {
        guard let first = years.first else { return nil }
        let guess = year - first
        if guess >= 0, guess < years.count, years[guess] == year { return cells[guess] }
        return years.firstIndex(of: year).map { cells[$0] }
    }

    /// The values by year, where there is one.
    public var values: [Int: Double] {
        var result: [Int: Double] = [:]
        for (year, cell) in zip(years, cells) { result[year] = cell.value }
        return result
    }
}

/// A unit × year table of one code with year-over-year change and the city total.
public struct TrendTable: Sendable {
    /// The indicator, series or rate.
    public var indicator: IndicatorReference
    /// The years, ascending.
    public var years: [Int]
    /// One row per unit.
    public var rows: [TrendRow]
    /// The city total per year (sum over reporting units), as a cell with change.
    public var cityTotal: [Int: TrendCell]
    /// Reporting units per year.
    public var reporting: [Int: Int]
    /// Notes, including the 2019 format break (口径) wherever the years cross it.
    public var notes: [String]
}

extension TrendTable {
    /// The code.
    public var code: String { indicator.code }
    /// Its Chinese name.
    public var label: String { indicator.label }
}

/// Builds trend tables.
public enum TrendBuilder {
    /// The trend of `indicator` over `years` for `units`.
    public static func trend(
        _ indicator: IndicatorReference, years: [Int], units: [UnitInfo], figures: [UnitYearFigures],
        minimumDenominator: Double = 0
    ) -> TrendTable {
        // One slot per unit·year, found by the unit's row and the year's column: no hashing per cell.
        let unitIndex = Dictionary(
            units.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        guard let firstYear = years.first else {
            return TrendTable(
                indicator: indicator, years: years, rows: [],
                cityTotal: [:], reporting: [:], notes: [])
        }
        let yearSpan = (years.last ?? firstYear) - firstYear + 1
        var slots = [Int](repeating: -1, count: units.count * yearSpan)  // index into `figures`, -1: none
        for (index, figure) in figures.enumerated() {
            guard let row = unitIndex[figure.unitId], figure.year >= firstYear, figure.year - firstYear < yearSpan
            else { continue }
            let slot = row * yearSpan + figure.year - firstYear
            if slots[slot] < 0 { slots[slot] = index }
        }
        let resolver = IndicatorValue.Resolver(indicator, minimumDenominator: minimumDenominator)
        let isRate = indicator.isRate
        var totals = [Double?](repeating: nil, count: yearSpan)
        var reporting = [Int](repeating: 0, count: yearSpan)
        let rows = units.enumerated().map { row, unit -> TrendRow in
            var cells: [TrendCell] = []
            cells.reserveCapacity(years.count)
            var before: Double?
            for year in years {
                let index = slots[row * yearSpan + year - firstYear]
                let resolved = index < 0 ? (nil, nil, .missing) : resolver.resolve(figures[index])
                let value = resolved.status == .ranked || resolved.status == .tooFew ? resolved.value : nil
                var cell = TrendCell(value: value, status: value == nil ? resolved.status : .ranked)
                if let value {
                    totals[year - firstYear] = (totals[year - firstYear] ?? 0) + value
                    reporting[year - firstYear] += 1
                    if let before { (cell.change, cell.percentChange) = change(from: before, to: value) }
                }
                cells.append(cell)
                before = value
            }
            return TrendRow(unit: unit, years: years, cells: cells)
        }
        var totalCells: [Int: TrendCell] = [:]
        var reportingByYear: [Int: Int] = [:]
        for year in years {
            let value = isRate ? nil : totals[year - firstYear]
            totalCells[year] = TrendCell(value: value, status: value == nil ? .missing : .ranked)
            if reporting[year - firstYear] > 0 { reportingByYear[year] = reporting[year - firstYear] }
        }
        return TrendTable(
            indicator: indicator, years: years, rows: rows,
            cityTotal: withChanges(totalCells, years: years), reporting: reportingByYear,
            notes: notes(indicator, years: years))
    }

    /// The 口径 note where the years cross the 2019 format change, and the rate note.
    static func notes(_ indicator: IndicatorReference, years: [Int]) -> [String] {
        var notes: [String] = []
        if let first = years.first, let last = years.last, first <= 2018, last >= 2019 {
            switch indicator {
            case .series: notes.append("2018→2019：\(ComparableSeries.breakNote)")
            case .figure(let figure):
                let side = figure.formats.contains(.old) ? "2018年及以前" : "2019年及以后"
                notes.append("\(figure.code) 仅见于\(side)的报告；跨越2019年格式变化请用 series.* 可比序列")
            case .rate: break
            }
        }
        if indicator.isRate { notes.append("比率不求和：市级合计留空") }
        return notes
    }

    static func withChanges(_ cells: [Int: TrendCell], years: [Int]) -> [Int: TrendCell] {
        var result = cells
        for (previous, year) in zip(years, years.dropFirst()) {
            guard let now = cells[year]?.value, let before = cells[previous]?.value else { continue }
            let (difference, percent) = change(from: before, to: now)
            result[year]?.change = difference
            result[year]?.percentChange = percent
        }
        return result
    }

    /// The change between two years' values, and in percent (nil when the earlier value is 0).
    static func change(from before: Double, to now: Double) -> (Double, Double?) {
        (now - before, before != 0 ? (now - before) / before * 100 : nil)
    }
}
