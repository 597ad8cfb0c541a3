import Configuration
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

    /// A job to fetch `url` as `unit`'s report of `year`, conditionally when validators are given.
    public init(unit: UnitConfiguration, year: Int, url: String, etag: String? = nil, lastModified: String? = nil) {
        self.unit = unit
        self.year = year
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// What is due for one unit: jobs with known URLs, and years whose URL must first be found on the listing page.
public struct UnitPlan: Sendable {
    /// The unit.
    public var unit: UnitConfiguration
    /// Jobs whose URL is configured (explicitly or by template).
    public var jobs: [FetchJob]
    /// Years to look up on the unit's `listing` page.
    public var listingYears: [Int]
    /// The states of the unit's sources as the plan was made, by year.
    public var states: [Int: SourceStateRecord]
}

/// Decides what is due: never fetched, failed and past its back-off, or held and due for a change re-check
/// (every run re-checks, with a conditional GET, so an unchanged report costs a 304).
public enum Scheduler {
    /// What is due for `unit` at `now`, given its sources' `states`, years in order (so last year is stored
    /// first); nil when nothing is. A run plans each unit as its turn comes, from that unit's states alone, so
    /// that a province's 150,000 source states are never all in memory at once.
    public static func plan(
        _ unit: UnitConfiguration, in configuration: Configuration, states: [SourceStateRecord],
        now: Date, years: Set<Int>, force: Bool
    ) -> UnitPlan? {
        let byYear = states.byYear
        let due = Set(
            schedule(unit, in: configuration, states: byYear, now: now, years: years, force: force)
                .filter(\.isDue).map(\.year))
        let configured = sources(of: unit, in: configuration)
        let jobs = configured.filter { due.contains($0.0) }.map { year, url in
            job(unit, year, url, state: byYear[year], force: force)
        }
        let listed =
            unit.listing == nil
            ? []
            : configuration.years.filter { year in
                !configured.contains { $0.0 == year } && due.contains(year)
            }
        return jobs.isEmpty && listed.isEmpty
            ? nil : UnitPlan(unit: unit, jobs: jobs, listingYears: listed, states: byYear)
    }

    /// Every source of `unit` (of `years`, all when empty) with when it is tried next and why, years in order.
    public static func schedule(
        _ unit: UnitConfiguration, in configuration: Configuration,
        states: [Int: SourceStateRecord], now: Date, years: Set<Int>,
        force: Bool
    ) -> [SourceSchedule] {
        let configured = sources(of: unit, in: configuration)
        var schedules = configured.map { year, url in
            SourceSchedule.of(
                unitId: unit.id, year: year, origin: origin(of: unit, year: year) ?? url, url: url,
                state: states[year], now: now, force: force)
        }
        if let listing = unit.listing {
            let configuredYears = Set(configured.map(\.0))
            for year in configuration.years where !configuredYears.contains(year) {
                schedules.append(
                    SourceSchedule.of(
                        unitId: unit.id, year: year, origin: listing, url: nil,
                        state: states[year], now: now, force: force))
            }
        }
        return schedules.filter { years.isEmpty || years.contains($0.year) }.sorted { $0.year < $1.year }
    }

    /// The configured source of a unit·year: its `reports` URL, else its `url_template`, else its `listing` page.
    public static func origin(of unit: UnitConfiguration, year: Int) -> String? {
        unit.reports[year] ?? unit.urlTemplate ?? unit.listing
    }

    /// A job for a URL, with the held version's validators when the URL is the one they belong to.
    public static func job(
        _ unit: UnitConfiguration, _ year: Int, _ url: String, state: SourceStateRecord?, force: Bool
    ) -> FetchJob {
        let sameURL = state?.url == url && !force
        return FetchJob(
            unit: unit, year: year, url: url, etag: sameURL ? state?.etag : nil,
            lastModified: sameURL ? state?.lastModified : nil)
    }

    /// Every (year, URL) a unit is configured with: explicit URLs first, then the template for the other years.
    public static func sources(of unit: UnitConfiguration, in configuration: Configuration) -> [(Int, String)] {
        var sources = unit.reports
        if let template = unit.urlTemplate {
            // Split once, joined per year: Foundation's replacingOccurrences was most of a province's scheduling.
            let parts = template.split(separator: "{year}", omittingEmptySubsequences: false)
            for year in configuration.years where sources[year] == nil {
                sources[year] = parts.joined(separator: String(year))
            }
        }
        return sources.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The years a unit has a source for, without building the URLs.
    public static func sourceYears(of unit: UnitConfiguration, in configuration: Configuration) -> Set<Int> {
        var years = Set(unit.reports.keys)
        if unit.urlTemplate != nil { years.formUnion(configuration.years) }
        return years
    }
}
