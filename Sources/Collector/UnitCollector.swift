import Extraction
import Fetching
import Foundation
import ReportModel
import Storage

/// Fetches, archives and reads the due jobs: units in parallel (up to the concurrency limit), each unit's
/// years in order so that last year's figures are stored before this year's cross-year audit.
struct UnitCollector: Sendable {
    let client: CurlClient
    let store: Store
    let configuration: Configuration
    let gate: HostGate
    let counters: RunCounters
    let runId: Int64
    let now: Date
    let progress: @Sendable (CollectItem) -> Void

    func collect(_ jobs: [[FetchJob]]) async throws -> [CollectItem] {
        let blocked = BlockedHosts()
        return try await withThrowingTaskGroup(of: [CollectItem].self) { group in
            var pending = jobs.makeIterator()
            var items: [CollectItem] = []
            for _ in 0..<configuration.fetch.concurrency {
                guard let unitJobs = pending.next() else { break }
                group.addTask { try await collectUnit(unitJobs, blocked: blocked) }
            }
            while let finished = try await group.next() {
                items += finished
                if let unitJobs = pending.next() { group.addTask { try await collectUnit(unitJobs, blocked: blocked) } }
            }
            return items.sorted { ($0.unitId, $0.year) < ($1.unitId, $1.year) }
        }
    }

    private func collectUnit(_ jobs: [FetchJob], blocked: BlockedHosts) async throws -> [CollectItem] {
        var items: [CollectItem] = []
        for job in jobs {
            try Task.checkCancellation()
            let item = try await collect(job, blocked: blocked)
            try store.record(RunItem(unitId: item.unitId, year: item.year, outcome: item.outcome,
                                     failureKind: item.failureKind, message: item.message), runId: runId)
            progress(item)
            items.append(item)
        }
        return items
    }

    private func collect(_ job: FetchJob, blocked: BlockedHosts) async throws -> CollectItem {
        let host = HostGate.host(of: job.url)
        var state = try store.sourceState(unitId: job.unit.id, year: job.year)
            ?? SourceStateRecord(unitId: job.unit.id, year: job.year, url: job.url)
        state.url = job.url
        state.lastAttemptAt = now
        if let host, let reason = blocked.reason(for: host) {
            return try finish(job, &state, outcome: "blocked", kind: "blocked",
                              message: "not asked: \(host) blocked this run (\(reason))")
        }
        let fetcher = PoliteFetcher(client: client, gate: gate, settings: configuration.fetch, counters: counters)
        let attempt = await fetcher.fetch(job)
        switch attempt {
        case .response(let response):
            state.etag = response.headers["etag"] ?? state.etag
            state.lastModified = response.headers["last-modified"] ?? state.lastModified
            if response.status == 304 { return try finish(job, &state, outcome: "unchanged", kind: nil, message: nil) }
            return try archiveAndRead(job, response, &state)
        case .notPublished(let status):
            return try finish(job, &state, outcome: "not_published", kind: nil, message: "HTTP \(status): not published yet")
        case .blocked(let reason):
            if let host { blocked.block(host, reason: reason) }
            return try finish(job, &state, outcome: "blocked", kind: "blocked", message: "\(job.url): \(reason); stopped asking this host this run")
        case .failed(let kind, let message):
            return try finish(job, &state, outcome: "failed", kind: kind, message: message)
        }
    }

    private func archiveAndRead(_ job: FetchJob, _ response: FetchResponse, _ state: inout SourceStateRecord) throws -> CollectItem {
        let version = DocumentVersionRecord(
            id: nil, unitId: job.unit.id, year: job.year, url: job.url, finalUrl: response.finalURL,
            sha256: CollectRun.sha256(response.body), content: Data(response.body), contentType: response.contentType,
            charset: nil, etag: response.headers["etag"], lastModified: response.headers["last-modified"],
            byteCount: response.body.count, firstSeenAt: now)
        let outcome = try store.archive(version)
        if case .unchanged = outcome, try store.reportVersionId(unitId: job.unit.id, year: job.year) == outcome.versionId {
            return try finish(job, &state, outcome: "unchanged", kind: nil, message: nil)
        }
        let content = Self.read(response.body, contentType: response.contentType, url: job.url,
                                versionId: outcome.versionId, unit: job.unit, year: job.year, store: store)
        try store.saveReport(unitId: job.unit.id, year: job.year, content: content, at: now)
        if content.status == .notAReport {
            return try finish(job, &state, outcome: "not_a_report", kind: "not_a_report", message: content.message)
        }
        let label: String
        switch outcome {
        case .first: label = "new"
        case .changed: label = "changed"
        case .unchanged: label = "unchanged"
        }
        let failed = content.audit.filter { $0.status == .fail }.count
        return try finish(job, &state, outcome: label, kind: nil,
                          message: "\(content.format?.rawValue ?? "?") · \(content.figures.count) figures · \(failed) failed checks")
    }

    /// Reads bytes with last year's stored figures as the cross-year hint.
    static func read(_ bytes: [UInt8], contentType: String?, url: String, versionId: Int64, unit: UnitConfiguration,
                     year: Int, store: Store) -> ReportContent {
        let previous = try? store.figureValues(unitId: unit.id, year: year - 1)
        return ReportReader.read(bytes, contentType: contentType, url: url, versionId: versionId,
                                 hints: ExtractionHints(year: year, unit: unit.name, previous: previous ?? nil))
    }

    private func finish(_ job: FetchJob, _ state: inout SourceStateRecord, outcome: String, kind: String?,
                        message: String?) throws -> CollectItem {
        state.lastStatus = kind ?? outcome
        if kind == nil {
            if outcome != "not_published" { state.lastSuccessAt = now }
            state.consecutiveFailures = 0
            state.lastError = nil
            state.nextAttemptAt = nil
        } else {
            state.consecutiveFailures += 1
            state.lastError = message
            // Back off across runs: 1 h, 2 h, 4 h … up to 7 days.
            let hours = min(pow(2, Double(state.consecutiveFailures - 1)), 168)
            state.nextAttemptAt = now.addingTimeInterval(hours * 3600)
        }
        try store.save(state)
        return CollectItem(unitId: job.unit.id, year: job.year, outcome: outcome, failureKind: kind, message: message)
    }

    /// Extracts versions archived by a run that was killed before it could read them.
    static func finishInterruptedExtractions(store: Store, configuration: Configuration) throws -> Int {
        let pending = try store.versionsAwaitingExtraction()
        for id in pending {
            guard let version = try store.documentVersion(id: id),
                  let unit = configuration.units.first(where: { $0.id == version.unitId }) else { continue }
            let content = read([UInt8](version.content), contentType: version.contentType, url: version.url,
                               versionId: id, unit: unit, year: version.year, store: store)
            try store.saveReport(unitId: version.unitId, year: version.year, content: content, at: version.firstSeenAt)
        }
        return pending.count
    }
}

/// Hosts that answered 401/403 or a captcha this run: nianbao stops asking them.
final class BlockedHosts: @unchecked Sendable {
    private let lock = NSLock()
    private var reasons: [String: String] = [:]

    func block(_ host: String, reason: String) { lock.withLock { reasons[host] = reason } }
    func reason(for host: String) -> String? { lock.withLock { reasons[host] } }
}
