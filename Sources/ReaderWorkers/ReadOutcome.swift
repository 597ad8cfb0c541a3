import Documents
import ReportModel

/// Why a worker did not answer for a document: the document is then quarantined.
public enum ReaderFault: Error, Sendable, Hashable, CustomStringConvertible {
    /// The worker died (a trap, a segmentation fault…); the signal or exit status.
    case crashed(String)
    /// The document took longer than the limit (CPU or wall clock); which.
    case timeout(String)
    /// The worker ran out of its address space.
    case memory(String)

    /// The failure kind stored with the run item and the quarantine.
    public var kind: FailureKind {
        switch self {
        case .crashed: .readerCrashed
        case .timeout: .readerTimeout
        case .memory: .readerMemory
        }
    }

    /// The limit hit or what happened, in plain words.
    public var detail: String {
        switch self {
        case .crashed(let what), .timeout(let what), .memory(let what): what
        }
    }

    /// A plain-words explanation.
    public var description: String { "the reader failed on this document (\(kind): \(detail))" }
}

/// How reading one document ended.
public enum ReadOutcome: Sendable {
    /// The document, read.
    case document(Document)
    /// The reader refused it (not a report, too large, a converter failed).
    case refused(DocumentError)
    /// The worker died or was stopped on it.
    case fault(ReaderFault)
}
