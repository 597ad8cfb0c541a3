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
    /// What the unit·year came to.
    public var outcome: CollectOutcome
    /// The failure kind, for failures (and deferrals).
    public var failureKind: FailureKind?
    /// Details in plain words.
    public var message: String?
    /// Whether the fetcher gave up retrying the failure (a timeout, no connection, a broken connection, a body cut
    /// short, 5xx, 408, 429: what `RetryPolicy` retries), rather than failing at once.
    public var retriesExhausted = false

    /// Creates an item.
    public init(
        unitId: String, year: Int, outcome: CollectOutcome, failureKind: FailureKind?, message: String?,
        retriesExhausted: Bool = false
    ) {
        self.unitId = unitId
        self.year = year
        self.outcome = outcome
        self.failureKind = failureKind
        self.message = message
        self.retriesExhausted = retriesExhausted
    }

    /// Whether this item counts as a failure for the exit code.
    public var isFailure: Bool { outcome.isFailure }

    /// A failure worth one more try at the end of the run: one the fetcher retried until its tries ran out.
    var isTransientFailure: Bool { outcome == .failed && retriesExhausted }
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
    public var counts: [CollectOutcome: Int] { Dictionary(grouping: items, by: \.outcome).mapValues(\.count) }
}
