import Collector
import Foundation
import ReportModel

/// The run summary printed at the end of `collect`: with --quiet, one stamped line per note and per unit·year
/// backing off past its deadline, then one summary line.
enum SummaryPrinter {
    static func print(_ summary: CollectSummary, quiet: Bool, dryRun: Bool) {
        if dryRun { return printSchedule(summary, quiet: quiet) }
        if quiet {
            for notice in summary.notices { ProgressReporter.stamped(summary.runId, "note: \(notice)") }
            for item in summary.backingOff { ProgressReporter.stamped(summary.runId, ProgressReporter.describe(item)) }
            ProgressReporter.stamped(summary.runId, line(summary))
            return
        }
        for notice in summary.notices { FileHandle.standardError.write(Data("nianbao: note: \(notice)\n".utf8)) }
        for item in summary.backingOff {
            FileHandle.standardError.write(Data("\(ProgressReporter.describe(item))\n".utf8))
        }
        Swift.print(line(summary))
        let failures = summary.items.filter(\.isFailure) + summary.backingOff
        if !failures.isEmpty {
            Swift.print(
                "failed: "
                    + failures.map { "\($0.unitId) \($0.year) (\($0.failureKind?.rawValue ?? $0.outcome.rawValue))" }
                    .joined(separator: ", "))
        }
        if let runId = summary.runId { Swift.print("run \(runId) logged; see `nianbao runs` and `nianbao status`") }
    }

    /// "collect: 7 unit·years in 2.7 s (0.40 MB, 0 retries) — failed 2, new 3; 1 backing off past its deadline; exit 1".
    static func line(_ summary: CollectSummary) -> String {
        let counts = summary.counts.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(
            separator: ", ")
        let megabytes = Double(summary.bytes) / 1_000_000
        var text = String(
            format: "collect: %d unit·years in %.1f s (%.2f MB, %d retries) — %@",
            summary.items.count, summary.seconds, megabytes, summary.retries,
            counts.isEmpty ? "nothing was due" : counts)
        if !summary.backingOff.isEmpty { text += "; \(summary.backingOff.count) backing off past the deadline" }
        return text + "; exit \(summary.exitCode)"
    }

    /// A dry run: what is due now and why, then what is not and when it is tried.
    private static func printSchedule(_ summary: CollectSummary, quiet: Bool) {
        for notice in summary.notices { FileHandle.standardError.write(Data("nianbao: note: \(notice)\n".utf8)) }
        if quiet { return }
        Swift.print("due now: \(summary.items.count) unit·years")
        for item in summary.items { Swift.print("  \(item.unitId) \(item.year) \(item.message ?? "")") }
        let waiting = summary.schedule.filter { !$0.isDue }
        guard !waiting.isEmpty else { return }
        Swift.print("not due: \(waiting.count) unit·years")
        for source in waiting {
            guard case .after(let date) = source.next else { continue }
            let state = source.state
            let failures = state?.consecutiveFailures ?? 0
            Swift.print(
                "  \(source.unitId) \(source.year) next attempt \(LocalTime.minute(date)): backing off after "
                    + "\(failures) failure\(failures == 1 ? "" : "s") (\(state?.status?.rawValue ?? "?")) — \(state?.lastError ?? "")"
            )
        }
    }
}
