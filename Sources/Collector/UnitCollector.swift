import Configuration
import Extraction
import Fetching
import Foundation
import ReaderWorkers
import ReportModel
import Scheduling
import Storage

/// Runs the due plans: units in parallel (four times as many as the fetches in flight), each unit's years in order so
/// that last year's figures are stored before this year's cross-year audit; transient failures get one more try at
/// the end.
struct UnitCollector: Sendable {
    let client: CurlClient
    let store: Store
    let configuration: Configuration
    let gate: HostGate
    let counters: RunCounters
    let runId: Int64
    let now: Date
    let progress: @Sendable (CollectItem) -> Void
    /// Whether the run fetches unconditionally (`--force`: no validators).
    let force: Bool
    /// Where documents are read (worker processes under limits, for nianbao itself).
    let readers: DocumentReaders
    /// The documents not to read.
    let quarantine: QuarantineList
    /// The check of the unit and year a report prints against the configured ones.
    let identity: IdentityCheck
    let blocked = BlockedHosts()
    let waits = WaitBudgets()
    /// Each host's robots.txt, read once this run.
    let robots: RobotsCache

    var fetcher: PoliteFetcher {
        PoliteFetcher(
            client: client, gate: gate, settings: configuration.fetch, counters: counters, blocked: blocked,
            waits: waits, privateAddresses: configuration.privateAddressRule, robots: robots)
    }

    /// Collects `units`, each planned by `plan` as its turn comes (nil: nothing is due).
    func collect(
        _ units: [UnitConfiguration],
        plan: @escaping @Sendable (UnitConfiguration) throws -> UnitPlan?
    ) async throws -> [CollectItem] {
        // Only each unit·year's item is kept to the end of the run: a province's 150,000 unit·years held as whole
        // results (job, unit, state) had taken 440 MB.
        var items: [CollectItem] = []
        var retryable: [(position: Int, unitId: String, year: Int)] = []
        var unitsLeft = units.makeIterator()
        try await forEachConcurrently(
            next: {
                // Planned as its turn comes, from its own states; only a unit with something due starts a task.
                while let unit = unitsLeft.next() {
                    if let due = try plan(unit) { return due }
                }
                return nil
            }, { plan in try await collectUnit(plan) }
        ) { results in
            for result in results {
                if result.item.isTransientFailure {
                    retryable.append((items.count, result.item.unitId, result.item.year))
                }
                items.append(result.item)
            }
        }
        guard !retryable.isEmpty else { return sorted(items) }
        // Failed items get one more try at the end of the run, after the servers have had a rest. Each failure's
        // job is made again from its source's state as the failure left it, read back once committed, rather
        // than kept: a province-wide outage would otherwise hold a job and a state for every unit·year.
        try await store.pipeline.flush()
        let unitsById = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var retriesLeft = retryable.makeIterator()
        var unitStates: (unitId: String, byYear: [Int: SourceStateRecord]) = ("", [:])
        try await forEachConcurrently(
            next: { () throws -> (Int, FetchJob, SourceStateRecord)? in
                while let failed = retriesLeft.next() {
                    // A unit's failures come together: its states are read once.
                    if unitStates.unitId != failed.unitId {
                        unitStates = (failed.unitId, try store.sourceStates(unitId: failed.unitId).byYear)
                    }
                    guard let unit = unitsById[failed.unitId], let state = unitStates.byYear[failed.year] else {
                        continue
                    }
                    return (
                        failed.position, Scheduler.job(unit, failed.year, state.url, state: state, force: force), state
                    )
                }
                return nil
            },
            { position, job, state in
                (position, try await collectAndRecord(job, stored: state, retry: true).item)
            }
        ) { position, item in items[position] = item }
        return sorted(items)
    }

    private func sorted(_ items: [CollectItem]) -> [CollectItem] {
        items.sorted { ($0.unitId, $0.year) < ($1.unitId, $1.year) }
    }

    /// Units in flight at once: four times the fetches (`fetch.concurrency`, which the gate keeps to), so that
    /// units waiting for the writer leave the fetches and the reading going. With as many units as fetches, a
    /// province of 10,000 reports was collected 5–7 % slower than with twice; since reports are read on the
    /// units' own tasks, four times is 4–6 % faster than twice (2,000 reports, 10,000).
    private var unitsInFlight: Int { configuration.fetch.concurrency * 4 }

    /// Runs `body` for each element `next` gives, with at most `unitsInFlight` running at once, handing each
    /// output to `take` as it comes (`next` and `take` run in the calling task: they need no locking).
    private func forEachConcurrently<Element: Sendable, Output: Sendable>(
        next: () throws -> Element?, _ body: @escaping @Sendable (Element) async throws -> Output,
        take: (Output) -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Output.self) { group in
            for _ in 0..<unitsInFlight {
                guard let element = try next() else { break }
                group.addTask { try await body(element) }
            }
            while let finished = try await group.next() {
                take(finished)
                if let element = try next() { group.addTask { try await body(element) } }
            }
        }
    }

    private func collectUnit(_ plan: UnitPlan) async throws -> [JobResult] {
        var jobs = plan.jobs
        var results: [JobResult] = []
        if let listing = plan.unit.listing, !plan.listingYears.isEmpty {
            let found = await ListingResolver(fetcher: fetcher).resolve(
                unit: plan.unit, listing: listing,
                years: plan.listingYears)
            for year in plan.listingYears {
                if let url = found.urls[year] {
                    let state = plan.states[year]
                    jobs.append(Scheduler.job(plan.unit, year, url, state: state, force: false))
                } else {
                    let job = FetchJob(unit: plan.unit, year: year, url: listing, etag: nil, lastModified: nil)
                    var state =
                        plan.states[year]
                        ?? SourceStateRecord(unitId: plan.unit.id, year: year, url: listing)
                    state.lastAttemptAt = now
                    let collector = JobCollector(unit: self)
                    var finished: JobOutcome
                    switch found.problem {
                    case nil:
                        finished = collector.finish(
                            job, &state, outcome: .notPublished, kind: nil,
                            message: "no \(year) report linked from \(listing)")
                        // Told apart from a 404 in `status`: the listing page has no link for the year.
                        finished.state.status = .notListed
                    case .unreadable(let message)?:
                        finished = collector.finish(job, &state, outcome: .failed, kind: .listing, message: message)
                    case .deferred(let seconds, let reason)?:
                        finished = collector.deferral(job, &state, seconds: seconds, reason: reason)
                    }
                    results.append(record(job, finished))
                }
            }
        }
        for job in jobs.sorted(by: { $0.year < $1.year }) {
            try Task.checkCancellation()
            results.append(try await collectAndRecord(job, stored: plan.states[job.year], retry: false))
        }
        return results
    }

    private func collectAndRecord(_ job: FetchJob, stored: SourceStateRecord?, retry: Bool) async throws -> JobResult {
        let outcome = try await JobCollector(unit: self).collect(job, stored: stored, isRetry: retry)
        return record(job, outcome)
    }

    /// Queues the report read (if any) with the run item and the source's state, to be saved together (a failed
    /// write fails the run at its flush), then reports progress.
    private func record(_ job: FetchJob, _ outcome: JobOutcome) -> JobResult {
        let item = outcome.item
        store.pipeline.record(
            RunItem(
                unitId: item.unitId, year: item.year, outcome: item.outcome,
                failureKind: item.failureKind, message: item.message),
            runId: runId, state: outcome.state, report: outcome.report, at: now)
        progress(item)
        return JobResult(job: job, item: item, state: outcome.state)
    }

    /// Extracts versions archived by a run that was killed before it could read them.
    static func finishInterruptedExtractions(
        store: Store, configuration: Configuration, readers: DocumentReaders,
        quarantine: QuarantineList
    ) throws -> RereadSummary {
        try JobCollector.reread(
            try store.versionsAwaitingExtraction(), configuration: configuration, store: store,
            readers: readers, quarantine: quarantine
        ) { $0.firstSeenAt }
    }
}

/// A job with its outcome.
struct JobResult: Sendable {
    var job: FetchJob
    var item: CollectItem
    /// The source's state after the job.
    var state: SourceStateRecord
}
