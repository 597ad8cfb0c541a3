import Foundation
import Queries
import ReportModel

/// What `nianbao export` can write.
public enum ExportKind: String, Sendable, CaseIterable {
    case figures, rankings, trends, audits, runs, coverage, quality, totals
}

/// Long (one row per unit·year·indicator) or wide (one row per unit·year) layout.
public enum ExportLayout: String, Sendable, CaseIterable {
    case long, wide
}

/// The CSV exports of the store, each with its data dictionary.
public enum CSVExport {
    /// The table of an export; `indicators` (default: the headlines) apply to rankings, trends and totals.
    public static func table(
        _ kind: ExportKind, of queries: StoreQueries, year: Int?, layout: ExportLayout,
        indicators codes: [String]
    ) throws -> DataTable {
        let configuration = queries.configuration
        switch kind {
        case .figures:
            var rows: [[TableCell]] = []
            let columns = try FigureTable.forEachRow(queries, year: year, layout: layout) { rows.append($0) }
            return DataTable(columns: columns, rows: rows)
        case .coverage:
            return CoverageTable.make(try queries.coverage(year: year), configuration)
        case .audits: return AuditTable.make(try queries.auditFindings(year: year, unitId: nil, includePassed: true))
        case .runs: return RunLogTable.make(try queries.runs(last: Int.max))
        case .quality:
            return QualityTable.make(
                try queries.quality(year: try year ?? queries.latestYear()),
                weights: configuration.analysis.quality)
        case .totals:
            let indicators = try (codes.isEmpty ? Headlines.totals : codes).map(StoreQueries.indicator)
            return TotalsTable.make(try queries.totals(indicators, year: try year ?? queries.latestYear()))
        case .rankings:
            let rankYear = try year ?? queries.latestYear()
            let indicators = try (codes.isEmpty ? Headlines.indicators : codes).map(StoreQueries.indicator)
            return RankingTable.combined(try indicators.map { try queries.rank($0, year: rankYear, group: nil) })
        case .trends:
            let indicators = try (codes.isEmpty ? ["series.applications"] : codes).map(StoreQueries.indicator)
            let trends = try indicators.map { try queries.trend($0, from: nil, to: year, unitIds: []) }
            if layout == .wide {
                guard trends.count == 1 else { throw QueryError.wideTrendOfSeveralCodes(codes) }
                return TrendTableExport.wide(trends[0])
            }
            return TrendTableExport.stacked(trends.map(TrendTableExport.long))
        }
    }

    /// Writes an export to `url` (stdout when nil) with its data dictionary beside it. `export figures` streams
    /// from a database cursor, so memory stays flat however large the database, and `export coverage` writes its
    /// rows as they are made (a province's 150,000 unit·years are not held as a table). Returns the rows written.
    public static func write(
        _ kind: ExportKind, of queries: StoreQueries, year: Int?, layout: ExportLayout,
        indicators: [String], to url: URL?, profile: CSVProfile
    ) throws -> Int {
        let rows:
            (_ header: ([TableColumn]) throws -> Void, _ emit: ([TableCell]) throws -> Void) throws -> [TableColumn]
        switch kind {
        case .figures: rows = { try FigureTable.forEachRow(queries, year: year, layout: layout, header: $0, $1) }
        case .coverage:
            rows = { header, emit in
                let columns = CoverageTable.columns(queries.configuration)
                try header(columns)
                try queries.forEachCoverage(year: year) { try emit(CoverageTable.cells($0)) }
                return columns
            }
        default:
            let table = try table(kind, of: queries, year: year, layout: layout, indicators: indicators)
            try CSVWriter.export(table, to: url, profile: profile)
            return table.rows.count
        }
        let writer = try CSVWriter(url: url, profile: profile)
        var count = 0
        let columns = try rows(writer.writeHeader) { row in
            try writer.write(row)
            count += 1
        }
        try writer.close()
        if let url { try CSVWriter.writeDictionary(columns, beside: url, profile: profile) }
        return count
    }
}
