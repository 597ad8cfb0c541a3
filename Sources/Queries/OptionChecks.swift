import Configuration
import ReportModel

extension StoreQueries {
    /// Checks a read command's `--unit`, `--group` and `--year` values (and a `--from`/`--to` range) against the
    /// config and the data, so that a typo is an error with the nearest names, never an empty answer.
    public func check(
        units unitIds: [String] = [], group: String? = nil, years: [Int] = [],
        from: Int? = nil, to: Int? = nil
    ) throws {
        let ids = configuration.units.map(\.id)
        for id in unitIds where !ids.contains(id) {
            let byName = configuration.units.filter { $0.name == id || $0.aliases.contains(id) }.map(\.id)
            throw QueryError.unknownUnit(id, suggestions: byName.isEmpty ? NearestNames.to(id, among: ids) : byName)
        }
        if let group {
            let kinds = Array(Set(configuration.units.map(\.kind))).sorted()
            guard kinds.contains(group) else { throw QueryError.unknownGroup(group, groups: kinds) }
        }
        if let from, let to, from > to { throw QueryError.emptyRange(from: from, to: to) }
        let stored = try store.reportYears()
        for year in years + [from, to].compactMap({ $0 }) {
            guard !configuration.years.contains(year), !stored.contains(year) else { continue }
            throw QueryError.unknownYear(year, configured: configuration.years, stored: stored.sorted())
        }
    }

    /// The indicator, series or rate a code names, or an error with the catalogue's nearest codes.
    public static func indicator(_ code: String) throws -> IndicatorReference {
        guard let reference = IndicatorReference(code: code) else {
            throw QueryError.unknownIndicator(code, suggestions: nearestCodes(code))
        }
        return reference
    }

    /// The catalogue's codes nearest a mistyped one: those whose Chinese name contains it, else by spelling.
    static func nearestCodes(_ code: String) -> [String] {
        let codes = IndicatorCatalogue.all.map(\.code) + ComparableSeries.all.map(\.code) + DerivedRate.all.map(\.code)
        let labelled = IndicatorCatalogue.all.filter { $0.label.contains(code) }.map(\.code)
        return labelled.isEmpty ? NearestNames.to(code, among: codes) : Array(labelled.prefix(3))
    }
}
