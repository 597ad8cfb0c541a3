/// What one unit·year came to in a collect: the word stored in `run_item.outcome` and printed by `collect` and
/// `runs`.
public enum CollectOutcome: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable {
    /// A report read for the first time.
    case new
    /// A new version of a report already held, read (changed after publication).
    case changed
    /// The same document as the one held (304, or the same bytes).
    case unchanged
    /// 404 or 410, or no link for the year on the listing page: not published yet.
    case notPublished = "not_published"
    /// The document is not a report (or is too large, or its converter failed).
    case notAReport = "not_a_report"
    /// The document prints another unit or year.
    case mismatch
    /// A machine read not stored over figures typed by hand.
    case conflict
    /// The host blocked the request (a captcha or WAF page, 401/403 from several paths).
    case blocked
    /// The fetch or the read failed; the failure kind says how.
    case failed
    /// The server asked for a longer wait than the unit had left; tried again by the next run.
    case deferred
    /// Not asked: the source is backing off past its report's deadline.
    case backingOff = "backing_off"
    /// Due (a dry run).
    case due

    /// Whether the unit·year counts as a failure for the exit code.
    public var isFailure: Bool {
        switch self {
        case .failed, .blocked, .notAReport, .mismatch: true
        case .new, .changed, .unchanged, .notPublished, .conflict, .deferred, .backingOff, .due: false
        }
    }
}

extension CollectOutcome: Comparable, CustomStringConvertible {
    /// Ordered as the stored words are, as `collect` and `runs` list them.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The stored word.
    public var description: String { rawValue }
}
