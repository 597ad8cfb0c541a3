import Foundation
import Storage

/// When one unit·year's source is tried next, and why.
public struct SourceSchedule: Sendable, Hashable {
    /// The unit id.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// The configured source: the report URL, the URL template, or the listing page.
    public var origin: String
    /// When it is tried.
    public var next: NextAttempt
    /// The source's state before this run, if it was ever tried.
    public var state: SourceStateRecord?
}

/// When a source is tried next.
public enum NextAttempt: Sendable, Hashable {
    /// In this run.
    case now(DueReason)
    /// Not before this time: it is backing off after failures (or was deferred by its server).
    case after(Date)
}

/// Why a source is due in this run.
public enum DueReason: String, Sendable, Hashable {
    /// It was never asked.
    case neverAsked = "never asked"
    /// It is re-checked, with a conditional GET when a version is held.
    case recheck = "re-checked"
    /// Its back-off is over.
    case backOffOver = "back-off over"
    /// The config names another source for it than the one that failed: its back-off is reset.
    case sourceChanged = "source changed in the config: back-off reset"
    /// `--force` ignores back-off.
    case forced = "--force"
}

extension SourceSchedule {
    /// Whether it is tried in this run.
    public var isDue: Bool { if case .now = next { true } else { false } }

    /// The source's schedule at `now` given its stored `state`, which is for `origin` unless the config changed.
    static func of(
        unitId: String, year: Int, origin: String, url: String?, state: SourceStateRecord?, now: Date,
        force: Bool
    ) -> SourceSchedule {
        let next: NextAttempt
        if force {
            next = .now(.forced)
        } else if let state {
            if isChanged(state, origin: origin, url: url) {
                next = .now(.sourceChanged)
            } else if let waitUntil = state.nextAttemptAt {
                next = waitUntil > now ? .after(waitUntil) : .now(.backOffOver)
            } else {
                next = .now(.recheck)
            }
        } else {
            next = .now(.neverAsked)
        }
        return SourceSchedule(unitId: unitId, year: year, origin: origin, next: next, state: state)
    }

    /// Whether the state was left by another configured source than `origin` (for states stored before their
    /// origin was, by a URL other than the configured `url`).
    static func isChanged(_ state: SourceStateRecord, origin: String, url: String?) -> Bool {
        if let stored = state.origin { return stored != origin }
        if let url { return state.url != url }
        return false
    }
}
