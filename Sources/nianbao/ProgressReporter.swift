import Collector
import Foundation

/// Progress while collecting: a bar on a terminal, one plain line per unit·year otherwise, nothing with --quiet
/// (errors still go to stderr).
final class ProgressReporter: @unchecked Sendable {
    private let quiet: Bool
    private let verbose: Bool
    private let isTerminal = isatty(STDOUT_FILENO) == 1
    private let lock = NSLock()
    private var done = 0

    init(quiet: Bool, verbose: Bool) {
        self.quiet = quiet
        self.verbose = verbose
    }

    func report(_ item: CollectItem) {
        lock.withLock {
            done += 1
            if item.isFailure {
                FileHandle.standardError.write(Data("\(item.unitId) \(item.year): \(item.outcome): \(item.message ?? "")\n".utf8))
            }
            if quiet { return }
            if isTerminal && !verbose {
                let bar = String(repeating: "#", count: min(done / 4, 40))
                FileHandle.standardOutput.write(Data("\r\(bar) \(done) 份已处理 (\(item.unitId) \(item.year))\u{1B}[K".utf8))
            } else {
                Swift.print("\(item.unitId) \(item.year) \(item.outcome)\(item.message.map { " — \($0)" } ?? "")")
            }
        }
    }

    func finish() {
        if isTerminal && !quiet && !verbose && done > 0 { Swift.print("") }
    }
}

/// The run summary printed at the end of `collect`.
enum SummaryPrinter {
    static func print(_ summary: CollectSummary, quiet: Bool, dryRun: Bool) {
        for notice in summary.notices { FileHandle.standardError.write(Data("nianbao: note: \(notice)\n".utf8)) }
        if quiet { return }
        if dryRun {
            Swift.print("due now: \(summary.items.count) unit·years")
            for item in summary.items { Swift.print("  \(item.unitId) \(item.year) \(item.message ?? "")") }
            return
        }
        let counts = summary.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let megabytes = Double(summary.bytes) / 1_000_000
        Swift.print(String(format: "collect: %d unit·years in %.1f s (%.2f MB, %d retries) — %@",
                           summary.items.count, summary.seconds, megabytes, summary.retries,
                           counts.isEmpty ? "nothing was due" : counts))
        let failures = summary.items.filter(\.isFailure)
        if !failures.isEmpty {
            Swift.print("failed: " + failures.map { "\($0.unitId) \($0.year) (\($0.failureKind ?? $0.outcome))" }
                .joined(separator: ", "))
        }
        if let runId = summary.runId { Swift.print("run \(runId) logged; see `nianbao runs` and `nianbao status`") }
    }
}
