import Collector
import Foundation
import ReportModel

/// Progress while collecting. On a terminal, a bar; otherwise one plain line per unit·year on stdout. Problems
/// (failures, mismatches) go to stderr, once each. With --quiet, only problems, reports changed after publication
/// and machine reads not stored over hand-typed figures are printed, one line each, stamped with the local time
/// (with its zone) and the run id.
final class ProgressReporter: @unchecked Sendable {
    private let quiet: Bool
    private let verbose: Bool
    private let isTerminal = isatty(STDOUT_FILENO) == 1
    private let lock = NSLock()
    private var done = 0
    private var runId: Int64?

    init(quiet: Bool, verbose: Bool) {
        self.quiet = quiet
        self.verbose = verbose
    }

    /// Remembers the run's id, for the quiet lines.
    func started(_ runId: Int64) { lock.withLock { self.runId = runId } }

    func report(_ item: CollectItem) {
        lock.withLock {
            done += 1
            if quiet {
                if item.isFailure || Self.isNotable(item.outcome) { Self.stamped(runId, Self.describe(item)) }
                return
            }
            if item.isFailure { FileHandle.standardError.write(Data("\(Self.describe(item))\n".utf8)) }
            if isTerminal && !verbose {
                let bar = String(repeating: "#", count: min(done / 4, 40))
                FileHandle.standardOutput.write(
                    Data("\r\(bar) \(done) 份已处理 (\(item.unitId) \(item.year))\u{1B}[K".utf8))
            } else if !item.isFailure {
                Swift.print(
                    "\(item.unitId) \(item.year) \(item.outcome.rawValue)\(item.message.map { " — \($0)" } ?? "")")
            }
        }
    }

    func finish() {
        if isTerminal && !quiet && !verbose && done > 0 { Swift.print("") }
    }

    /// Whether a unit·year that did not fail is printed with --quiet: a report changed after publication, a
    /// machine read not stored over figures typed by hand.
    static func isNotable(_ outcome: CollectOutcome) -> Bool {
        switch outcome {
        case .changed, .conflict: true
        case .new, .unchanged, .notPublished, .notAReport, .mismatch, .blocked, .failed, .deferred, .backingOff, .due:
            false
        }
    }

    /// "xiyuan 2024 mismatch: …".
    static func describe(_ item: CollectItem) -> String {
        let what = item.outcome == .changed ? "changed after publication: a new version was read" : (item.message ?? "")
        return "\(item.unitId) \(item.year) \(item.outcome.rawValue): \(what)"
    }

    /// Writes `line` to stderr after the local time and the run id.
    static func stamped(_ runId: Int64?, _ line: String) {
        let run = runId.map { "run \($0)" } ?? "dry run"
        FileHandle.standardError.write(Data("\(LocalTime.iso(Date())) \(run) \(line)\n".utf8))
    }
}
