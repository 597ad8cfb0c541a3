import Analysis
import Configuration
import Foundation
import ReportModel

extension Workbench {
    /// Checks a read command's `--unit`, `--group` and `--year` values (and a `--from`/`--to` range) against the
    /// config and the data, so that a typo is an error with the nearest names, never an empty answer.
    public func check(units unitIds: [String] = [], group: String? = nil, years: [Int] = [],
                      from: Int? = nil, to: Int? = nil) throws {
        let ids = configuration.units.map(\.id)
        for id in unitIds where !ids.contains(id) {
            let byName = configuration.units.filter { $0.name == id || $0.aliases.contains(id) }.map(\.id)
            throw WorkbenchError.unknownUnit(id, suggestions: byName.isEmpty ? NearestNames.to(id, among: ids) : byName)
        }
        if let group {
            let kinds = Array(Set(configuration.units.map(\.kind))).sorted()
            guard kinds.contains(group) else {
                throw WorkbenchError.unknownGroup(group, groups: kinds)
            }
        }
        if let from, let to, from > to { throw WorkbenchError.emptyRange(from: from, to: to) }
        let stored = try store.reportYears()
        for year in years + [from, to].compactMap({ $0 }) {
            guard !configuration.years.contains(year), !stored.contains(year) else { continue }
            throw WorkbenchError.unknownYear(year, configured: configuration.years, stored: stored.sorted())
        }
    }

    /// The catalogue's codes nearest a mistyped one.
    static func nearestCodes(_ code: String) -> [String] {
        let codes = IndicatorCatalogue.all.map(\.code) + ComparableSeries.all.map(\.code) + DerivedRate.all.map(\.code)
        let labelled = IndicatorCatalogue.all.filter { $0.label.contains(code) }.map(\.code)
        return labelled.isEmpty ? NearestNames.to(code, among: codes) : Array(labelled.prefix(3))
    }
}
