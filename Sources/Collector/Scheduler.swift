import Foundation
import Storage

/// One unit·year to fetch now.
public struct FetchJob: Sendable, Hashable {
    /// The unit.
    public var unit: UnitConfiguration
    /// The report year.
    public var year: Int
    /// The URL to fetch.
    public var url: String
    /// Validators of the version held, for a conditional GET.
    public var etag: String?
    /// See `etag`.
    public var lastModified: String?
}

/// Decides what is due: never fetched, failed and past its back-off, or held and due for a change re-check.
public enum Scheduler {
    /// The jobs due at `now`, grouped per unit with years in order (so last year is stored before this year's audit).
    public static func due(_ configuration: Configuration, states: [SourceStateRecord], now: Date, years: Set<Int>,
                           units: Set<String>, force: Bool) -> [[FetchJob]] {
        let byKey = Dictionary(states.map { ("\($0.unitId)|\($0.year)", $0) }, uniquingKeysWith: { first, _ in first })
        return configuration.units.compactMap { unit -> [FetchJob]? in
            guard units.isEmpty || units.contains(unit.id) else { return nil }
            let jobs = sources(of: unit, in: configuration).compactMap { year, url -> FetchJob? in
                guard years.isEmpty || years.contains(year) else { return nil }
                let state = byKey["\(unit.id)|\(year)"]
                if !force, let next = state?.nextAttemptAt, next > now { return nil }
                let sameURL = state?.url == url
                return FetchJob(unit: unit, year: year, url: url, etag: force || !sameURL ? nil : state?.etag,
                                lastModified: force || !sameURL ? nil : state?.lastModified)
            }
            return jobs.isEmpty ? nil : jobs
        }
    }

    /// Every (year, URL) a unit is configured with: explicit URLs first, then the template for the other years.
    static func sources(of unit: UnitConfiguration, in configuration: Configuration) -> [(Int, String)] {
        var sources = unit.reports
        if let template = unit.urlTemplate {
            for year in configuration.years where sources[year] == nil {
                sources[year] = template.replacingOccurrences(of: "{year}", with: String(year))
            }
        }
        return sources.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
