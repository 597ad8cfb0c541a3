import ReportModel

/// Stored reports with the figures of a few codes: a cell per report and code, report after report.
public struct FigureGrid: Sendable {
    /// The reports, by year and then unit id.
    public var reports: [ReportFormatRow]
    /// The codes, one cell each per report.
    public var codes: [String]
    /// Report after report, a cell per code in the order of `codes`.
    public var cells: [FigureCell]
}

extension Store {
    /// The reports of `years` (all when empty) with their figures of `codes`. Reports and each code's values come
    /// in the same order (year, then unit id in byte order), so each code's values are merged into the reports in
    /// one pass, without hashing: the join lives here, beside the queries whose order it relies on.
    public func figureGrid(codes: [String], years: [Int]) throws -> FigureGrid {
        let (reports, values) = try reportsAndValues(codes: codes, years: years)
        var firstOfYear: [Int: Int] = [:]
        for (index, report) in reports.enumerated() where firstOfYear[report.year] == nil {
            firstOfYear[report.year] = index
        }
        var cells = [FigureCell](repeating: .notPrinted, count: reports.count * codes.count)
        let column = Dictionary(
            codes.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var position = reports.count
        var run: (code: String, year: Int, column: Int)?
        for (unitId, year, code, value) in values {
            if run?.code != code || run?.year != year {
                run = (code, year, column[code] ?? 0)
                position = firstOfYear[year] ?? reports.count
            }
            while position < reports.count, reports[position].year == year, reports[position].unitId != unitId,
                reports[position].unitId.bytePrecedes(unitId)
            {
                position += 1
            }
            guard let slot = run?.column, position < reports.count, reports[position].year == year,
                reports[position].unitId == unitId
            else { continue }
            cells[position * codes.count + slot] = FigureCell(stored: value)
        }
        return FigureGrid(reports: reports, codes: codes, cells: cells)
    }
}
