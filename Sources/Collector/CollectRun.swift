import Configuration
import Crypto
import Extraction
import Fetching
import Foundation
import ReaderWorkers
import ReportModel
import Scheduling
import Storage

/// The scheduled job: fetch every due unit·year, archive, extract, audit, store, and log the run.
public enum CollectRun {
    /// Runs a collect, telling `started` the run's id once it is logged and `progress` each unit·year as it ends.
    /// Throws `StoreError.locked` when another collect holds the database.
    public static func run(
        _ configuration: Configuration, options: CollectOptions,
        started: @escaping @Sendable (_ runId: Int64) -> Void = { _ in },
        progress: @escaping @Sendable (CollectItem) -> Void = { _ in }
    ) async throws -> CollectSummary {
        let startTime = Date()
        let store = try Store(path: configuration.database.path)
        let pid = getpid()
        var notices: [String] = []
        if !options.dryRun, let stale = try store.acquireCollectLock(pid: pid, at: options.now) {
            notices.append("took over the lock left by process \(stale), which is no longer running")
        }
        defer { if !options.dryRun { try? store.releaseCollectLock(pid: pid) } }
        try store.syncUnits(
            configuration.units.enumerated().map { index, unit in
                UnitRecord(
                    id: unit.id, name: unit.name, kind: unit.kind, code: unit.code, parent: unit.parent, position: index
                )
            })
        for unit in configuration.units where !unit.verifyTLS {
            notices.append("TLS verification is OFF for \(unit.id) (insecure_tls: true in the config)")
        }
        for unit in configuration.units where unit.ignoresRobots {
            notices.append("robots.txt is NOT obeyed for \(unit.id) (ignore_robots: true in the config)")
        }
        let units = configuration.units.filter { options.units.isEmpty || options.units.contains($0.id) }
        let statesAhead = SourceStatesAhead(store: store, unitIds: units.map(\.id))
        let planner = { @Sendable (unit: UnitConfiguration) throws -> UnitPlan? in
            Scheduler.plan(
                unit, in: configuration, states: try statesAhead.states(of: unit.id), now: options.now,
                years: options.years, force: options.force)
        }
        if options.dryRun {
            let schedule = try units.flatMap { unit in
                Scheduler.schedule(
                    unit, in: configuration, states: try statesAhead.states(of: unit.id).byYear,
                    now: options.now, years: options.years, force: options.force)
            }
            let items = schedule.compactMap { source -> CollectItem? in
                guard case .now(let reason) = source.next else { return nil }
                return CollectItem(
                    unitId: source.unitId, year: source.year, outcome: .due, failureKind: nil,
                    message: "\(source.origin) (\(reason.rawValue))")
            }
            var summary = CollectSummary(
                runId: nil, items: items, bytes: 0, retries: 0,
                seconds: Date().timeIntervalSince(startTime), notices: notices)
            summary.schedule = schedule
            return summary
        }
        let runId = try store.startRun(at: options.now, pid: pid)
        started(runId)
        let readers = DocumentReaders(options.reading)
        defer { readers.shutdown() }
        let quarantine = try QuarantineList(store: store, retry: options.retryQuarantined)
        let recovered = try UnitCollector.finishInterruptedExtractions(
            store: store, configuration: configuration,
            readers: readers, quarantine: quarantine)
        if recovered.read > 0 {
            notices.append("finished extracting \(recovered.read) documents archived by an interrupted run")
        }
        notices += recovered.skipped + recovered.failed
        let counters = RunCounters()
        let items: [CollectItem]
        do {
            items = try await withCurlClient(
                maxConnections: configuration.fetch.concurrency,
                maxPerHost: configuration.fetch.perHost
            ) { client in
                let gate = HostGate(
                    total: configuration.fetch.concurrency, perHost: configuration.fetch.perHost,
                    delayMilliseconds: configuration.fetch.delayMilliseconds)
                let robots = RobotsCache(
                    client: client, gate: gate, settings: configuration.fetch,
                    privateAddresses: configuration.privateAddressRule)
                let collector = UnitCollector(
                    client: client, store: store, configuration: configuration, gate: gate,
                    counters: counters, runId: runId, now: options.now, progress: progress,
                    force: options.force, readers: readers, quarantine: quarantine,
                    identity: IdentityCheck(units: configuration.units), robots: robots)
                return try await collector.collect(units, plan: planner)
            }
            try await store.pipeline.flush()
        } catch {
            // Keep what was collected before the failure.
            try? await store.pipeline.flush()
            throw error
        }
        var summary = CollectSummary(
            runId: runId, items: items, bytes: counters.bytes, retries: counters.retries,
            seconds: Date().timeIntervalSince(startTime), notices: notices)
        summary.backingOff = BackingOff.items(
            try store.sourcesBackingOff(at: options.now), units: Set(units.map(\.id)),
            years: options.years,
            handled: Set(items.map { UnitYear(unitId: $0.unitId, year: $0.year) }),
            configuration: configuration, now: options.now)
        try store.finishRun(
            id: runId, at: Date(), bytes: summary.bytes, retries: summary.retries,
            exitCode: Int(summary.exitCode))
        return summary
    }

    /// Hex SHA-256 of a document's bytes (formatting each byte with `String(format:)` had cost as much as the
    /// hash itself).
    static func sha256(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) { HexDigits.append(byte, to: &text) }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Byte and retry totals shared by concurrent fetches.
final class RunCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var byteTotal = 0
    private var retryTotal = 0

    var bytes: Int { lock.withLock { byteTotal } }
    var retries: Int { lock.withLock { retryTotal } }

    func add(bytes: Int) { lock.withLock { byteTotal += bytes } }
    func addRetry() { lock.withLock { retryTotal += 1 } }
}
