import Fetching
import Foundation
import ReaderWorkers
import ReportModel
import Scheduling

/// What a `collect` run should do.
public struct CollectOptions: Sendable {
    /// Only these years (all when empty).
    public var years: Set<Int> = []
    /// Only these unit ids (all when empty).
    public var units: Set<String> = []
    /// Fetch everything again, unconditionally, ignoring back-off.
    public var force = false
    /// Only list what is due.
    public var dryRun = false
    /// The clock (tests set it).
    public var now = Date()
    /// Where documents are read: nianbao reads them in worker processes under the config's `reading` limits.
    public var reading = DocumentReaders.Mode.inProcess
    /// Read quarantined documents again (`--retry-quarantined`).
    public var retryQuarantined = false

    /// Default options: everything due, now.
    public init() {}
}

/// One unit·year's outcome in a run.
public struct CollectItem: Sendable, Hashable {
    /// The unit id.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// `new`, `changed`, `unchanged`, `not_published`, `not_a_report`, `mismatch` (the document prints another unit
    /// or year), `blocked`, `failed`, `deferred` (the
    /// server asked for a longer wait than the unit had left; tried again by the next run), `due` (dry run).
    public var outcome: String
    /// The failure kind, for failures.
    public var failureKind: String?
    /// Details in plain words.
    public var message: String?

    /// Whether this item counts as a failure for the exit code.
    public var isFailure: Bool { ["failed", "blocked", "not_a_report", "mismatch"].contains(outcome) }

    /// A failure worth one more try at the end of the run (timeouts, no connection, broken connections, bodies cut
    /// short, 5xx, 408, 429).
    var isTransientFailure: Bool {
        guard outcome == "failed", let kind = failureKind else { return false }
        let throttled = kind == "http_4xx" && (message?.includes("HTTP 429") == true || message?.includes("HTTP 408") == true)
        return FetchFailureKind(rawValue: kind)?.isTransient == true || kind == "http_5xx" || throttled
    }
}

/// The result of a run, for the summary and the exit code.
public struct CollectSummary: Sendable {
    /// The run's id in the `run` table (nil for a dry run).
    public var runId: Int64?
    /// Every unit·year handled.
    public var items: [CollectItem]
    /// Bytes received.
    public var bytes: Int
    /// Retries made.
    public var retries: Int
    /// Seconds the run took.
    public var seconds: Double
    /// Warnings for the operator (insecure TLS, a stale lock taken over…).
    public var notices: [String]
    /// Unit·years not asked in this run because their failing source is backing off, though their report's
    /// deadline has passed (outcome `backing_off`, the last failure's kind and when it is tried next).
    public var backingOff: [CollectItem] = []
    /// A dry run's view: every source in scope, with when it is tried next and why.
    public var schedule: [SourceSchedule] = []

    /// 0 when nothing failed, 1 when some unit·year failed or is backing off past its deadline.
    public var exitCode: Int32 { items.contains(where: \.isFailure) || !backingOff.isEmpty ? 1 : 0 }

    /// Item count per outcome.
    public var counts: [String: Int] { Dictionary(grouping: items, by: \.outcome).mapValues(\.count) }
}
