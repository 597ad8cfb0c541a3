import Analysis
import Configuration
import Foundation
import ReportModel
import Storage

/// The read side: typed questions over the store for the reporting commands (status, units, runs, audit, rank,
/// trend, quality, totals, problems, changes, export, report, workbook). Every answer is a value; `Export` makes
/// tables, CSV and HTML of them.
public struct StoreQueries: Sendable {
    /// The configuration.
    public let configuration: Configuration
    /// The opened store.
    public let store: Store

    /// Opens the configured database, for reading and writing or, with `.readOnly`, for reading only.
    public init(configuration: Configuration, databasePath: String? = nil, access: StoreAccess = .readWrite) throws {
        self.configuration = configuration
        self.store = try Store(path: databasePath ?? configuration.database.path, access: access)
    }

    /// The configured units as the analyses see them.
    public var units: [UnitInfo] {
        configuration.units.map { UnitInfo(id: $0.id, name: $0.name, kind: $0.kind, parent: $0.parent) }
    }

    /// Each configured unit's name by id.
    public var unitNames: [String: String] {
        Dictionary(configuration.units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The latest year with a stored report, else the config's last year.
    public func latestYear() throws -> Int {
        try store.reportSummaries().map(\.year).max() ?? configuration.years.upperBound
    }
}

/// The indicators the reports, workbook and exports lead with when none is named.
public enum Headlines {
    /// Ranked and charted: applications, the disclosure rate, the review correction rate, proactive items.
    public static let indicators = [
        "series.applications", "rate.disclosed", "rate.review_corrected",
        "series.proactive_items",
    ]

    /// Totalled: the comparable series and the main table 三/四 totals.
    public static let totals = [
        "series.proactive_items", "series.applications", "series.granted", "series.partial",
        "series.review", "series.litigation", "t3.total.result.total",
        "t3.total.carried_forward",
    ]
}
