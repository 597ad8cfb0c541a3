import Configuration
import Foundation
import Scheduling
import Storage

/// One configured unit's sources: how they fared and when they are tried next (`nianbao units`).
public struct UnitHealth: Sendable {
    /// The unit.
    public var unit: UnitConfiguration
    /// Its fetched yearly sources.
    public var sources: [SourceStateRecord]
    /// Each configured source's next attempt and why.
    public var schedule: [SourceSchedule]

    /// The most recent successful fetch of any source.
    public var lastSuccess: Date? { sources.compactMap(\.lastSuccessAt).max() }

    /// The source with the most consecutive failures.
    public var worst: SourceStateRecord? { sources.max { $0.consecutiveFailures < $1.consecutiveFailures } }
}

extension UnitHealth {
    /// Every configured unit's source health at `now`, from the stored source states (none before the first
    /// collect: every source is due).
    public static func all(in configuration: Configuration, states: [SourceStateRecord], now: Date) -> [UnitHealth] {
        let byUnit = Dictionary(grouping: states, by: \.unitId)
        return configuration.units.map { unit in
            let own = byUnit[unit.id] ?? []
            return UnitHealth(
                unit: unit, sources: own,
                schedule: Scheduler.schedule(
                    unit, in: configuration, states: own.byYear, now: now,
                    years: [], force: false))
        }
    }
}

extension StoreQueries {
    /// Every configured unit's source health at `now`.
    public func unitHealth(now: Date = Date()) throws -> [UnitHealth] {
        UnitHealth.all(in: configuration, states: try store.sourceStates(), now: now)
    }
}
