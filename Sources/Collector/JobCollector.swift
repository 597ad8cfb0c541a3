import Documents
import Extraction
import Fetching
import Foundation
import ReportModel
import Storage

/// Fetches one unit·year, archives what came back, follows a "详见附件" attachment, reads and stores it, and
/// keeps the source's health and back-off up to date.
struct JobCollector {
    let unit: UnitCollector

    /// Fetches and reads one job; returns its outcome and the source's new state, which the caller records together.
    func collect(_ job: FetchJob, isRetry: Bool) async throws -> (item: CollectItem, state: SourceStateRecord) {
        let store = unit.store
        let host = HostGate.host(of: job.url)
        var state = try store.sourceState(unitId: job.unit.id, year: job.year)
            ?? SourceStateRecord(unitId: job.unit.id, year: job.year, url: job.url)
        if isRetry { state.consecutiveFailures = max(state.consecutiveFailures - 1, 0) }
        state.url = job.url
        state.lastAttemptAt = unit.now
        if let host, let reason = unit.blocked.reason(for: host) {
            return try finish(job, &state, outcome: "blocked", kind: "blocked",
                              message: "not asked: \(host) blocked this run (\(reason))")
        }
        switch await unit.fetcher.fetch(job) {
        case .response(let response):
            state.etag = response.headers["etag"] ?? state.etag
            state.lastModified = response.headers["last-modified"] ?? state.lastModified
            if response.status == 304 { return try finish(job, &state, outcome: "unchanged", kind: nil, message: nil) }
            return try await archiveAndRead(job, response, &state)
        case .notPublished(let status):
            return try finish(job, &state, outcome: "not_published", kind: nil, message: "HTTP \(status): not published yet")
        case .blocked(let reason):
            if let host { unit.blocked.block(host, reason: reason) }
            return try finish(job, &state, outcome: "blocked", kind: "blocked",
                              message: "\(job.url): \(reason); stopped asking this host this run")
        case .failed(let kind, let message):
            return try finish(job, &state, outcome: "failed", kind: kind, message: message)
        }
    }

    private func archiveAndRead(_ job: FetchJob, _ response: FetchResponse,
                                _ state: inout SourceStateRecord) async throws -> (item: CollectItem, state: SourceStateRecord) {
        let store = unit.store
        let outcome = try await store.archive(Self.version(job, url: job.url, response, at: unit.now))
        if case .unchanged = outcome, try store.reportVersionId(unitId: job.unit.id, year: job.year) != nil {
            return try finish(job, &state, outcome: "unchanged", kind: nil, message: nil)
        }
        var label = Self.label(outcome)
        let page = Self.readWithLinks(response.body, contentType: response.contentType, url: job.url,
                                      versionId: outcome.versionId, unit: job.unit, year: job.year, store: store)
        var content = page.content
        // An article whose body only points to its attachment ("详见附件") is read through the attachment.
        if page.isHTML, content.figures.count < 3,
           let attachment = AttachmentFinder.attachment(in: page.links, pageURL: response.finalURL) {
            var attachmentJob = job
            attachmentJob.url = attachment
            attachmentJob.etag = nil
            attachmentJob.lastModified = nil
            guard case .response(let file) = await unit.fetcher.fetch(attachmentJob) else {
                return try finish(job, &state, outcome: "failed", kind: "attachment",
                                  message: "\(job.url) points to \(attachment), which could not be fetched")
            }
            let attached = try await store.archive(Self.version(job, url: attachment, file, at: unit.now))
            label = Self.label(attached)
            if case .unchanged = attached, try store.reportVersionId(unitId: job.unit.id, year: job.year) == attached.versionId {
                return try finish(job, &state, outcome: "unchanged", kind: nil, message: nil)
            }
            content = Self.read(file.body, contentType: file.contentType, url: attachment, versionId: attached.versionId,
                                unit: job.unit, year: job.year, store: store)
        }
        if !Self.wouldDowngrade(content, unitId: job.unit.id, year: job.year, store: store) {
            try await store.saveReport(unitId: job.unit.id, year: job.year, content: content, at: unit.now)
        }
        if content.status == .notAReport {
            return try finish(job, &state, outcome: "not_a_report", kind: "not_a_report", message: content.message)
        }
        let failed = content.audit.filter { $0.status == .fail }.count
        return try finish(job, &state, outcome: label, kind: nil,
                          message: "\(content.format?.rawValue ?? "?") · \(content.figures.count) figures · \(failed) failed checks")
    }

    static func label(_ outcome: ArchiveOutcome) -> String {
        switch outcome {
        case .first: return "new"
        case .changed: return "changed"
        case .unchanged: return "unchanged"
        }
    }

    static func version(_ job: FetchJob, url: String, _ response: FetchResponse, at now: Date) -> DocumentVersionRecord {
        DocumentVersionRecord(
            id: nil, unitId: job.unit.id, year: job.year, url: url, finalUrl: response.finalURL,
            sha256: CollectRun.sha256(response.body), content: Data(response.body), contentType: response.contentType,
            charset: DocumentReader.textEncoding(of: response.body, contentType: response.contentType)?.rawValue,
            etag: response.headers["etag"], lastModified: response.headers["last-modified"],
            byteCount: response.body.count, firstSeenAt: now)
    }

    /// Reads bytes once with last year's stored figures as the cross-year hint, keeping the page's links.
    static func readWithLinks(_ bytes: [UInt8], contentType: String?, url: String, versionId: Int64,
                              unit: UnitConfiguration, year: Int, store: Store) -> (content: ReportContent, links: [Link], isHTML: Bool) {
        let previous = try? store.figureValues(unitId: unit.id, year: year - 1)
        return ReportReader.readWithLinks(bytes, contentType: contentType, url: url, versionId: versionId,
                                          hints: ExtractionHints(year: year, unit: unit.name, previous: previous ?? nil))
    }

    /// Reads bytes with last year's stored figures as the cross-year hint.
    static func read(_ bytes: [UInt8], contentType: String?, url: String, versionId: Int64, unit: UnitConfiguration,
                     year: Int, store: Store) -> ReportContent {
        let previous = try? store.figureValues(unitId: unit.id, year: year - 1)
        return ReportReader.read(bytes, contentType: contentType, url: url, versionId: versionId,
                                 hints: ExtractionHints(year: year, unit: unit.name, previous: previous ?? nil))
    }

    /// Reads archived versions again, unit by unit and year by year (so last year's figures are there for the
    /// cross-year audit), and saves them; figures typed by hand have no document and are left alone. Returns how
    /// many were read; `at` gives each save's time.
    static func reread(_ ids: [Int64], configuration: Configuration, store: Store,
                       at time: (DocumentVersionRecord) -> Date) throws -> Int {
        let versions = try ids.compactMap { try store.documentVersion(id: $0) }
            .sorted { ($0.unitId, $0.year) < ($1.unitId, $1.year) }
        var count = 0
        for version in versions {
            guard !version.url.hasPrefix("manual:"), let id = version.id,
                  let unit = configuration.units.first(where: { $0.id == version.unitId }) else { continue }
            let content = read([UInt8](version.content), contentType: version.contentType, url: version.url,
                               versionId: id, unit: unit, year: version.year, store: store)
            try save(content, unitId: version.unitId, year: version.year, store: store, at: time(version))
            count += 1
        }
        return count
    }

    /// Saves what was read; a document that is not a report never replaces figures already read for the year.
    static func save(_ content: ReportContent, unitId: String, year: Int, store: Store, at now: Date) throws {
        if wouldDowngrade(content, unitId: unitId, year: year, store: store) { return }
        try store.saveReport(unitId: unitId, year: year, content: content, at: now)
    }

    /// Whether saving `content` would replace figures already read for the unit·year with "not a report".
    static func wouldDowngrade(_ content: ReportContent, unitId: String, year: Int, store: Store) -> Bool {
        guard content.status == .notAReport, let held = try? store.reportStatus(unitId: unitId, year: year) else { return false }
        return held != .notAReport
    }

    /// Updates the source's state (health, back-off) for the outcome and returns both, to be recorded together.
    func finish(_ job: FetchJob, _ state: inout SourceStateRecord, outcome: String, kind: String?,
                message: String?) throws -> (item: CollectItem, state: SourceStateRecord) {
        state.lastStatus = kind ?? outcome
        if kind == nil {
            if outcome != "not_published" { state.lastSuccessAt = unit.now }
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
        return (CollectItem(unitId: job.unit.id, year: job.year, outcome: outcome, failureKind: kind, message: message), state)
    }
}
