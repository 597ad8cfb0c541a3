import Fetching
import Foundation
import ReportModel
import Scheduling
import Storage

extension JobCollector {
    /// Defers a job whose next try is `seconds` away, more than its unit may still wait this run: the source's next
    /// attempt is then, its failure count unchanged (the server answered; it asked for time).
    func deferral(_ job: FetchJob, _ state: inout SourceStateRecord, seconds: Double, reason: String) -> JobOutcome {
        Self.adoptOrigin(job, &state)
        let next = unit.now.addingTimeInterval(seconds)
        let message = "\(reason); deferred: tried again by the first run after \(LocalTime.minute(next))"
        state.status = .failed(.deferred)
        state.lastError = message
        state.nextAttemptAt = next
        let item = CollectItem(
            unitId: job.unit.id, year: job.year, outcome: .deferred, failureKind: .deferred,
            message: message)
        return JobOutcome(item: item, state: state, report: nil)
    }

    /// The outcome of a job whose page points to an `attachment` that `attempt` could not fetch: deferred with it,
    /// refused for its address, or failed as an attachment.
    func unfetchedAttachment(
        _ job: FetchJob, _ state: inout SourceStateRecord, _ attachment: String,
        _ attempt: FetchAttempt
    ) -> JobOutcome {
        let prefix = "\(job.url) points to \(attachment), which could not be fetched"
        switch attempt {
        case .deferred(let seconds, let reason): return deferral(job, &state, seconds: seconds, reason: reason)
        case .failed(.forbiddenAddress, let message, _):
            return finish(job, &state, outcome: .failed, kind: .forbiddenAddress, message: "\(prefix): \(message)")
        case .failed(_, let message, _), .blocked(let message):
            return finish(job, &state, outcome: .failed, kind: .attachment, message: "\(prefix): \(message)")
        case .notAsked, .notPublished, .response:
            return finish(job, &state, outcome: .failed, kind: .attachment, message: prefix)
        }
    }
}
