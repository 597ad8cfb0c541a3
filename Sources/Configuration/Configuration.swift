import Analysis
import DraftCheck
import Fetching
import Foundation
import ReaderWorkers

/// The city's configuration (`Config/nianbao.yaml`), validated and with every path resolved.
public struct Configuration: Sendable {
    /// The config file it was read from.
    public var file: URL
    /// The schema version (1).
    public var version: Int
    /// The city name, for titles.
    public var city: String
    /// The SQLite database file.
    public var database: URL
    /// The city's publication deadline as month and day of the year after the report year; a kind's or a unit's
    /// own deadline replaces it (`deadline(of:)`).
    public var deadline: MonthDay
    /// The report years the office expects (for coverage); defaults to the years named by sources.
    public var years: ClosedRange<Int>
    /// Politeness and limits for fetching.
    public var fetch: FetchSettings
    /// Analysis settings (ranking minimums, quality weights).
    public var analysis: AnalysisSettings
    /// The units in configuration order.
    public var units: [UnitConfiguration]
    /// Whether `file:` sources may lie outside the config file's folder (config `allow_files_outside`).
    public var allowsFilesOutside = false
    /// The host and port of every configured http(s) source (reports, URL templates, listings): the only ones a
    /// fetch may reach on a loopback, private or other non-public address.
    public var sourceEndpoints: Set<Endpoint> = []
    /// The reader workers' limits (config `reading`).
    public var reading = ReaderLimits()
    /// Deadlines of unit kinds (config `deadline_by_kind`), replacing the city's for units of that kind.
    public var kindDeadlines: [String: MonthDay] = [:]
    /// The file of units written by `nianbao units import` (config `units_file`), whose units follow the config's own.
    public var unitsFile: URL?
    /// Which draft-check rules block and which warn (config `check`).
    public var check = CheckPolicy()
}

/// A month and day, such as the 01-31 deadline.
public struct MonthDay: Sendable, Hashable, CustomStringConvertible {
    /// 1–12.
    public var month: Int
    /// 1–31.
    public var day: Int
    /// "01-31".
    public var description: String { String(format: "%02d-%02d", month, day) }

    /// The deadline instant for a report year: the end of this day in the following year, in China Standard Time.
    public func deadline(forReportYear year: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let start = calendar.date(from: DateComponents(year: year + 1, month: month, day: day)) ?? Date.distantFuture
        return start.addingTimeInterval(24 * 3600)
    }
}

/// How politely and how much to fetch.
public struct FetchSettings: Sendable, Hashable {
    /// Transfers in flight across all hosts.
    public var concurrency = 8
    /// Connections per host.
    public var perHost = 2
    /// Minimum gap between requests to one host, in milliseconds.
    public var delayMilliseconds = 1000
    /// Whole-transfer timeout in seconds.
    public var timeoutSeconds = 30.0
    /// Retries on timeouts, connection errors, 5xx, 408 and 429.
    public var retries = 3
    /// Seconds a unit may spend waiting to retry (Retry-After and back-off) in one run; a longer wait defers the
    /// unit·year to the next run.
    public var waitBudgetSeconds = 60.0
    /// The decoded-size cap per document.
    public var maxBytes = 20_000_000
    /// The User-Agent sent with every request.
    public var userAgent = "nianbao/\(NianbaoVersion.program)"
}

/// Settings for rankings and scores.
public struct AnalysisSettings: Sendable, Hashable {
    /// A rate is ranked only where its denominator reaches this.
    public var minimumDenominator = 30.0
    /// Weights and thresholds of the quality score (config `quality`).
    public var quality = QualityWeights()
}

/// One unit (街道, 镇, 部门…) and where its reports are.
public struct UnitConfiguration: Sendable, Hashable {
    /// Stable id, `[a-z0-9-]+`.
    public var id: String
    /// The Chinese name.
    public var name: String
    /// Other names the unit's reports may print (config `aliases`), for the identity check.
    public var aliases: [String] = []
    /// The peer group label (街道, 镇, 乡, 部门…).
    public var kind: String
    /// 行政区划代码, kept as text.
    public var code: String?
    /// The unit this one rolls up into.
    public var parent: String?
    /// Explicit report URLs per year (file paths already resolved to file:// URLs).
    public var reports: [Int: String]
    /// The unit's 年报 column page.
    public var listing: String?
    /// A URL with `{year}` in it.
    public var urlTemplate: String?
    /// TLS verification; false only by an explicit `insecure_tls: true`, warned about on every use.
    public var verifyTLS: Bool
    /// Whether robots.txt is not read for this unit's sources (config `ignore_robots: true`, warned about on every run).
    public var ignoresRobots = false
    /// The unit's own publication deadline (config `deadline`), replacing its kind's and the city's.
    public var deadline: MonthDay?
}
