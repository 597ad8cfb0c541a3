import Documents
import Foundation

/// The hard limits of one reader worker, set by the config's `reading` section.
public struct ReaderLimits: Sendable, Hashable {
    /// Address space a worker (and the converters it runs) may take, in MB (`reading.memory_mb`).
    public var memoryMegabytes = 384
    /// CPU seconds one document may take (`reading.cpu_s`).
    public var cpuSeconds = 60
    /// Wall-clock seconds one document may take before its worker is killed (`reading.timeout_s`).
    public var wallSeconds = 90.0
    /// Workers reading at once (`reading.workers`); by default one per core.
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    /// The default limits.
    public init() {}

    /// The arguments that hand these limits to a worker process.
    var workerArguments: [String] { ["--memory-mb", "\(memoryMegabytes)", "--cpu-s", "\(cpuSeconds)"] }
}

/// Why a worker did not answer for a document: the document is then quarantined.
public enum ReaderFault: Error, Sendable, Hashable, CustomStringConvertible {
    /// The worker died (a trap, a segmentation fault…); the signal or exit status.
    case crashed(String)
    /// The document took longer than the limit (CPU or wall clock); which.
    case timeout(String)
    /// The worker ran out of its address space.
    case memory(String)

    /// The failure kind stored with the run item and the quarantine.
    public var kind: String {
        switch self {
        case .crashed: "reader_crashed"
        case .timeout: "reader_timeout"
        case .memory: "reader_memory"
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
