import Configuration
import Foundation
import ReportModel
import Storage

/// The unit·years a run did not ask because their failing source is backing off, though their report's deadline
/// has passed: such a run is not a success.
enum BackingOff {
    /// Of `states` (sources backing off), those of `units` and `years` (all when empty) past their deadline and
    /// not handled in the run (`handled`), as items of outcome `backing_off`.
    static func items(
        _ states: [SourceStateRecord], units: Set<String>, years: Set<Int>,
        handled: Set<UnitYear>, configuration: Configuration, now: Date
    ) -> [CollectItem] {
        let deadlines = configuration.deadlinesByUnit()
        return states.compactMap { state in
            guard units.contains(state.unitId), years.isEmpty || years.contains(state.year),
                !handled.contains(UnitYear(unitId: state.unitId, year: state.year)),
                (deadlines[state.unitId] ?? configuration.deadline).deadline(forReportYear: state.year) < now,
                let next = state.nextAttemptAt
            else { return nil }
            let failures = state.consecutiveFailures == 1 ? "1 failure" : "\(state.consecutiveFailures) failures"
            return CollectItem(
                unitId: state.unitId, year: state.year, outcome: .backingOff,
                failureKind: state.status?.failureKind,
                message: "past its deadline and backing off after \(failures) (\(state.status?.rawValue ?? "?")), "
                    + "next attempt \(LocalTime.iso(next)): \(state.lastError ?? "")")
        }
    }
}
