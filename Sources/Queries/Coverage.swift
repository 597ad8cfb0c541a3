import Configuration
import Foundation
import ReportModel
import Scheduling
import Storage

/// Where one unit·year stands.
public enum CoverageStatus: String, Sendable, CaseIterable {
    /// Sources are configured but not yet fetched.
    case notDue = "not due"
    /// Not published (404, not on the listing page, or no source configured).
    case missing
    /// A report is stored.
    case extracted
    /// The document fetched is not a report.
    case notAReport = "not_a_report"
    /// The document prints another unit or year.
    case mismatch
    /// Fetching failed.
    case failed
    /// The server asked to come back later than the run could wait.
    case deferred
}

/// One unit·year of the coverage table (`nianbao status`).
public struct CoverageRow: Sendable {
    /// The unit.
    public var unit: UnitConfiguration
    /// The report year.
    public var year: Int
    /// Where it stands.
    public var status: CoverageStatus
    /// The stored report, when there is one.
    public var report: ReportSummary?
    /// Published (or, when no date is printed, first fetched) after the deadline.
    public var late: Bool
    /// Why, or what else there is to know (failed rules, the last error, a conflict with typed figures).
    public var detail: String
}

extension StoreQueries {
    /// Coverage of every configured unit × year (of `year` only, when given), in the config's unit order.
    public func coverage(year: Int?) throws -> [CoverageRow] {
        var rows: [CoverageRow] = []
        try forEachCoverage(year: year) { rows.append($0) }
        return rows
    }

    /// `coverage(year:)` row by row, read unit by unit: a province's 150,000 unit·years are never held at once.
    public func forEachCoverage(year: Int?, _ body: (CoverageRow) throws -> Void) throws {
        let years = year.map { [$0] } ?? Array(configuration.years)
        let units = configuration.units
        let conflicts = try ManualConflicts.notes(in: store)
        try store.forEachUnitCoverage(units.map(\.id), year: year) { position, summaries, sourceStates in
            let unit = units[position]
            let reports = Dictionary(summaries.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
            let states = sourceStates.byYear
            let configured = Scheduler.sourceYears(of: unit, in: configuration)
            for year in years {
                var row = Self.coverageRow(
                    unit: unit, year: year, report: reports[year], source: states[year],
                    configured: configured.contains(year),
                    deadline: configuration.deadline(of: unit).deadline(forReportYear: year))
                if let conflict = conflicts[UnitYear(unitId: unit.id, year: year)] {
                    row.detail = row.detail.isEmpty ? conflict : "\(row.detail)；\(conflict)"
                }
                try body(row)
            }
        }
    }

    /// The coverage of one unit·year from its stored report or, without one, its source's state.
    static func coverageRow(
        unit: UnitConfiguration, year: Int, report: ReportSummary?, source: SourceStateRecord?,
        configured: Bool, deadline: Date
    ) -> CoverageRow {
        func row(_ status: CoverageStatus, late: Bool = false, _ detail: String) -> CoverageRow {
            CoverageRow(unit: unit, year: year, status: status, report: report, late: late, detail: detail)
        }
        if let report {
            let late = (report.publishedOn.flatMap(ChinaDay.start) ?? report.firstSeenAt) > deadline
            if report.status == .notAReport { return row(.notAReport, late: late, report.message ?? "") }
            if report.status == .mismatch { return row(.mismatch, report.message ?? "") }
            var notes: [String] = []
            if report.failedRules > 0 { notes.append("\(report.failedRules) 条勾稽规则不符") }
            if late && report.publishedOn == nil { notes.append("未印公开日期，按首次获取日期判断") }
            return row(.extracted, late: late, notes.joined(separator: "；"))
        }
        if let source {
            switch source.status {
            case .answered(.notPublished): return row(.missing, "尚未发布（404）")
            case .notListed: return row(.missing, "列表页 \(source.url) 未列出该年度报告")
            case .failed(.deferred): return row(.deferred, source.lastError ?? "")
            case .answered, .failed, nil: return row(.failed, source.lastError ?? source.status?.rawValue ?? "")
            }
        }
        return configured ? row(.notDue, "尚未获取") : row(.missing, "未配置来源（未发布）")
    }
}
