import Configuration
import Documents
import Extraction
import Fetching
import Foundation
import ReaderWorkers
import ReportModel
import Scheduling
import Storage

/// A job's document as read: its content and links, or why it was not read (a reader's failure, a quarantine).
struct JobRead {
    var content: ReportContent?
    var links: [Link] = []
    var isHTML = false
    /// The kind a document that is not a report is failed with.
    var refusalKind = FailureKind.notAReport
    var failure: (kind: FailureKind, message: String)?
}

/// What one job came to: the run item, the source's new state and the report read (nil when nothing is to be
/// saved), which the caller records together.
struct JobOutcome: Sendable {
    var item: CollectItem
    var state: SourceStateRecord
    var report: ReportContent?
}

/// Fetches one unit·year, archives what came back, follows a "详见附件" attachment, reads it, and keeps the
/// source's health and back-off up to date. A report costs one pass of the pipeline's writer (archive and look
/// up together); its record is queued without waiting.
struct JobCollector {
    let unit: UnitCollector

    /// Fetches and reads one job; `stored` is the source's state before this attempt.
    func collect(_ job: FetchJob, stored: SourceStateRecord?, isRetry: Bool) async throws -> JobOutcome {
        let fetched = await unit.fetcher.fetch(job)
        var state = attempt(job, stored: stored, isRetry: isRetry)
        switch fetched {
        case .notAsked(let host, let reason):
            return finish(
                job, &state, outcome: .blocked, kind: .blocked,
                message: "not asked: \(host) blocked this run (\(reason))")
        case .response(let response):
            state.etag = response.headers["etag"] ?? state.etag
            state.lastModified = response.headers["last-modified"] ?? state.lastModified
            if response.status == 304 { return finish(job, &state, outcome: .unchanged, kind: nil, message: nil) }
            return try await archiveAndRead(job, response, &state)
        case .notPublished(let status):
            return finish(job, &state, outcome: .notPublished, kind: nil, message: "HTTP \(status): not published yet")
        case .blocked(let reason):
            return finish(
                job, &state, outcome: .blocked, kind: .blocked,
                message: "\(job.url): \(reason); stopped asking this host this run")
        case .failed(let kind, let message, let retriesExhausted):
            return finish(
                job, &state, outcome: .failed, kind: kind, message: message, retriesExhausted: retriesExhausted)
        case .deferred(let seconds, let reason):
            return deferral(job, &state, seconds: seconds, reason: reason)
        }
    }

    /// The source's state as this attempt starts.
    private func attempt(_ job: FetchJob, stored: SourceStateRecord?, isRetry: Bool) -> SourceStateRecord {
        var state = stored ?? SourceStateRecord(unitId: job.unit.id, year: job.year, url: job.url)
        if isRetry { state.consecutiveFailures = max(state.consecutiveFailures - 1, 0) }
        state.url = job.url
        state.lastAttemptAt = unit.now
        return state
    }

    private func archiveAndRead(
        _ job: FetchJob, _ response: FetchResponse,
        _ state: inout SourceStateRecord
    ) async throws -> JobOutcome {
        let store = unit.store.pipeline
        // Sniffed once for the archive's character set; the reading is the worker's.
        let sniffed = ReportReader.sniff(response.body, contentType: response.contentType, url: job.url)
        let version = Self.version(job, url: job.url, response, sniffed, at: unit.now)
        let archived = try await store.archive(version)
        let outcome = archived.outcome
        if case .unchanged = outcome, archived.storedVersionId != nil {
            return finish(job, &state, outcome: .unchanged, kind: nil, message: nil)
        }
        var label = Self.label(outcome)
        let hints = Self.hints(job.unit, job.year, previous: archived.lastYear)
        var page = await read(
            response, url: job.url, sha256: version.sha256, versionId: outcome.versionId,
            job: job, hints: hints)
        // An article whose body only points to its attachment ("详见附件") is read through the attachment.
        if page.isHTML, (page.content?.figures.count ?? 0) < 3,
            let attachment = AttachmentFinder.attachment(in: page.links, pageURL: response.finalURL)
        {
            var attachmentJob = job
            attachmentJob.url = attachment
            attachmentJob.etag = nil
            attachmentJob.lastModified = nil
            let fetchedAttachment = await unit.fetcher.fetch(attachmentJob)
            guard case .response(let file) = fetchedAttachment else {
                return unfetchedAttachment(job, &state, attachment, fetchedAttachment)
            }
            let attachedFile = ReportReader.sniff(file.body, contentType: file.contentType, url: attachment)
            let attachedVersion = Self.version(job, url: attachment, file, attachedFile, at: unit.now)
            let attached = try await store.archive(attachedVersion).outcome
            label = Self.label(attached)
            if case .unchanged = attached, archived.storedVersionId == attached.versionId {
                return finish(job, &state, outcome: .unchanged, kind: nil, message: nil)
            }
            page = await read(
                file, url: attachment, sha256: attachedVersion.sha256, versionId: attached.versionId,
                job: job, hints: hints)
        }
        if let failure = page.failure {
            return finish(job, &state, outcome: .failed, kind: failure.kind, message: failure.message)
        }
        guard let content = page.content else { preconditionFailure("a read without a failure has content") }
        let failed = content.audit.filter { $0.status == .fail }.count
        var finished: JobOutcome
        switch content.status {
        case .notAReport:
            finished = finish(job, &state, outcome: .notAReport, kind: page.refusalKind, message: content.message)
        case .mismatch:
            finished = finish(
                job, &state, outcome: .mismatch, kind: .mismatch, message: "\(job.url): \(content.message ?? "")")
        case .extracted where archived.storedStatus == .manual:
            finished = finish(
                job, &state, outcome: .conflict, kind: nil,
                message: "\(job.url): read \(content.figures.count) figures but kept the figures typed by hand "
                    + "(nianbao import); the conflict is listed by status and audit until nianbao resolve chooses")
        case .extracted, .manual:
            finished = finish(
                job, &state, outcome: label, kind: nil,
                message:
                    "\(content.format?.rawValue ?? "?") · \(content.figures.count) figures · \(failed) failed checks")
        }
        finished.report = Self.wouldDowngrade(content, held: archived.storedStatus) ? nil : content
        return finished
    }

    /// A fetched document read by a worker, unless it is quarantined; a reader's failure quarantines it.
    private func read(
        _ response: FetchResponse, url: String, sha256: String, versionId: Int64, job: FetchJob,
        hints: ExtractionHints
    ) async -> JobRead {
        if let entry = unit.quarantine.entry(for: sha256) {
            return JobRead(failure: (entry.kind, QuarantineList.skipped(entry, url: url)))
        }
        let request = ReportReader.request(response.body, contentType: response.contentType, url: url)
        let report = ReportReader.report(await unit.readers.read(request), versionId: versionId, hints: hints)
        guard let fault = report.fault else {
            let content = report.content.map { unit.identity.checked($0, unitId: job.unit.id, year: job.year) }
            return JobRead(
                content: content, links: report.links, isHTML: report.isHTML,
                refusalKind: report.refusalKind)
        }
        let entry = unit.quarantine.add(fault, sha256: sha256, unitId: job.unit.id, year: job.year, at: unit.now)
        unit.store.pipeline.quarantine(entry)
        return JobRead(failure: (fault.kind, QuarantineList.failed(fault, url: url)))
    }

    static func label(_ outcome: ArchiveOutcome) -> CollectOutcome {
        switch outcome {
        case .first: return .new
        case .changed: return .changed
        case .unchanged: return .unchanged
        }
    }

    static func version(
        _ job: FetchJob, url: String, _ response: FetchResponse, _ sniffed: SniffedDocument,
        at now: Date
    ) -> DocumentVersionRecord {
        DocumentVersionRecord(
            id: nil, unitId: job.unit.id, year: job.year, url: url, finalUrl: response.finalURL,
            sha256: CollectRun.sha256(response.body), content: Data(response.body), contentType: response.contentType,
            charset: sniffed.encoding?.rawValue,
            etag: response.headers["etag"], lastModified: response.headers["last-modified"],
            byteCount: response.body.count, firstSeenAt: now)
    }

    /// What the reader is told: the configured unit and year, and last year's stored figures for the cross-year audit.
    static func hints(_ unit: UnitConfiguration, _ year: Int, previous: [String: Double?]?) -> ExtractionHints {
        ExtractionHints(year: year, unit: unit.name, previous: previous)
    }

    /// Reads archived versions again, unit by unit and year by year (so last year's figures are there for the
    /// cross-year audit), and saves them; figures typed by hand have no document and are left alone, and
    /// quarantined documents are skipped. `at` gives each save's time. Versions are loaded one at a time (memory
    /// stays flat however large the archive), read a few ahead on a thread of their own while the caller saves
    /// them, and saved `rereadBatch` to a transaction: a stop loses at most the batch being saved.
    static func reread(
        _ ids: [Int64], configuration: Configuration, store: Store, readers: DocumentReaders,
        quarantine: QuarantineList,
        at time: @escaping @Sendable (DocumentVersionRecord) -> Date
    ) throws -> RereadSummary {
        let units = Dictionary(configuration.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var summary = RereadSummary()
        var keys: [VersionKey] = []
        for key in try store.versionKeys(ids: ids) where !key.url.hasPrefix("manual:") && units[key.unitId] != nil {
            if let entry = quarantine.entry(for: key.sha256) {
                summary.skipped.append(QuarantineList.skipped(entry, url: "\(key.unitId) \(key.year) (\(key.url))"))
            } else {
                keys.append(key)
            }
        }
        let pipeline = RereadPipeline(
            store: store, units: units, batch: rereadBatch, readers: readers,
            quarantine: quarantine)
        try pipeline.run(keys, at: time, into: &summary)
        return summary
    }

    /// Reports re-read per transaction.
    static let rereadBatch = 100

    /// Whether saving `content` would replace figures already read for the unit·year (`held`) with "not a report",
    /// or figures typed by hand with a machine read (a conflict, listed until someone chooses).
    static func wouldDowngrade(_ content: ReportContent, held: ReportStatus?) -> Bool {
        guard let held else { return false }
        switch content.status {
        case .notAReport: return held != .notAReport
        case .mismatch, .extracted: return held == .manual
        case .manual: return false
        }
    }

    /// Records the job's configured source in its state; a state left by another source starts its failure count
    /// afresh.
    static func adoptOrigin(_ job: FetchJob, _ state: inout SourceStateRecord) {
        let origin = Scheduler.origin(of: job.unit, year: job.year)
        if let previous = state.origin, previous != origin { state.consecutiveFailures = 0 }
        state.origin = origin
    }

    /// Updates the source's state (health, back-off) for the outcome and returns both, to be recorded together.
    func finish(
        _ job: FetchJob, _ state: inout SourceStateRecord, outcome: CollectOutcome, kind: FailureKind?,
        message: String?, retriesExhausted: Bool = false
    ) -> JobOutcome {
        Self.adoptOrigin(job, &state)
        state.status = SourceStatus(outcome, kind: kind)
        if kind == nil {
            if outcome != .notPublished { state.lastSuccessAt = unit.now }
            state.consecutiveFailures = 0
            state.lastError = nil
            state.nextAttemptAt = nil
        } else {
            state.consecutiveFailures += 1
            state.lastError = message
            // Back off across runs: 1 h, 2 h, 4 h … up to 7 days.
            let hours = min(pow(2, Double(state.consecutiveFailures - 1)), 168)
            state.nextAttemptAt = unit.now.addingTimeInterval(hours * 3600)
        }
        let item = CollectItem(
            unitId: job.unit.id, year: job.year, outcome: outcome, failureKind: kind, message: message,
            retriesExhausted: retriesExhausted)
        return JobOutcome(item: item, state: state, report: nil)
    }
}
