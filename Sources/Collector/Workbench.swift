import Analysis
import Configuration
import Export
import Foundation
import ReportModel
import Storage

/// The operations behind the read-side commands (rank, trend, status, units, runs, audit, export), over the store.
public struct Workbench: Sendable {
    /// The configuration.
    public let configuration: Configuration
    /// The opened store.
    public let store: Store

    /// Opens the configured database, for reading and writing or, with `.readOnly`, for reading only.
    public init(configuration: Configuration, databasePath: String? = nil, access: StoreAccess = .readWrite) throws {
        self.configuration = configuration
        self.store = try Store(path: databasePath ?? configuration.database.path, access: access)
    }

    /// The configured units for analysis.
    public var units: [UnitInfo] {
        configuration.units.map { UnitInfo(id: $0.id, name: $0.name, kind: $0.kind, parent: $0.parent) }
    }

    /// Codes whose stored figures are needed to evaluate `code`.
    static func components(of code: String) -> [String] {
        if let rate = DerivedRate.named(code) { return rate.numerator + rate.denominator }
        if let series = ComparableSeries.named(code) { return series.newCodes + series.oldCodes }
        return [code]
    }

    /// Stored reports with the figures needed for `codes`, for `years` (all when empty). Reports and each code's
    /// values both come by year and then unit id, so the values are merged into their reports without hashing.
    public func unitYearFigures(codes: [String], years: [Int]) throws -> [UnitYearFigures] {
        let needed = Array(Set(codes.flatMap(Self.components)))
        let (reports, values) = try store.reportsAndValues(codes: needed, years: years)
        var firstOfYear: [Int: Int] = [:]
        for (index, report) in reports.enumerated() where firstOfYear[report.year] == nil { firstOfYear[report.year] = index }
        // One slot per report and needed code, in one block that every report's figures share.
        var slots = [Double??](repeating: nil, count: reports.count * needed.count)
        let column = Dictionary(uniqueKeysWithValues: needed.enumerated().map { ($0.element, $0.offset) })
        var position = reports.count
        var run: (code: String, year: Int, slot: Int)?
        for (unitId, year, code, value) in values {
            if run?.code != code || run?.year != year {
                run = (code, year, column[code] ?? 0)
                position = firstOfYear[year] ?? reports.count
            }
            while position < reports.count, reports[position].year == year, reports[position].unitId != unitId,
                  reports[position].unitId.bytePrecedes(unitId) {
                position += 1
            }
            guard let slot = run?.slot, position < reports.count, reports[position].year == year,
                  reports[position].unitId == unitId else { continue }
            slots[position * needed.count + slot] = .some(value)
        }
        let columns = FigureColumns(codes: needed, slots: slots)
        return reports.indices.map { index in
            let report = reports[index]
            return UnitYearFigures(unitId: report.unitId, year: report.year,
                                   format: report.status == .extracted || report.status == .manual ? report.format : nil,
                                   values: FigureValues(columns, row: index))
        }
    }

    /// The ranking of `code` in `year`, optionally within a peer group.
    public func rank(code: String, year: Int, group: String?) throws -> Ranking {
        try Self.requireKnown(code)
        let figures = try unitYearFigures(codes: [code], years: [year - 1, year])
        return Ranker.rank(code: code, year: year, units: units, figures: figures, group: group,
                           minimumDenominator: configuration.analysis.minimumDenominator)
    }

    /// The trend of `code` from `from` to `to` (default: the configured years) for some units (all when empty).
    public func trend(code: String, from: Int?, to: Int?, unitIds: [String]) throws -> TrendTable {
        try Self.requireKnown(code)
        let (first, last) = (from ?? configuration.years.lowerBound, to ?? configuration.years.upperBound)
        guard first <= last else { throw WorkbenchError.emptyRange(from: first, to: last) }
        let years = Array(first...last)
        let figures = try unitYearFigures(codes: [code], years: years)
        let chosen = units.filter { unitIds.isEmpty || unitIds.contains($0.id) }
        return TrendBuilder.trend(code: code, years: years, units: chosen, figures: figures)
    }

    static func requireKnown(_ code: String) throws {
        guard IndicatorValue.isKnown(code) else { throw WorkbenchError.unknownIndicator(code) }
    }
}

/// A request the store cannot answer, in plain words.
public enum WorkbenchError: Error, Sendable, CustomStringConvertible {
    /// The code is not in the catalogue (nor a series or rate).
    case unknownIndicator(String)
    /// A unit id that the config does not define, and the nearest ids.
    case unknownUnit(String, suggestions: [String])
    /// A `--group` no configured unit has as its `kind`, and the groups there are.
    case unknownGroup(String, groups: [String])
    /// A year outside the configured years with no report stored.
    case unknownYear(Int, configured: ClosedRange<Int>, stored: [Int])
    /// `--from` after `--to`.
    case emptyRange(from: Int, to: Int)
    /// A wide trend export names more than one code.
    case wideTrendOfSeveralCodes([String])

    /// A plain-words explanation.
    public var description: String {
        switch self {
        case .unknownIndicator(let code):
            return "unknown indicator '\(code)'\(NearestNames.hint(Workbench.nearestCodes(code))); "
                + "`nianbao indicators --search TEXT` lists the codes"
        case .unknownUnit(let id, let suggestions):
            return "unknown unit '\(id)': not a unit id of the config\(NearestNames.hint(suggestions))"
        case .unknownGroup(let group, let groups):
            return "unknown group '\(group)': the config's units are of kinds \(groups.joined(separator: ", "))"
                + NearestNames.hint(NearestNames.to(group, among: groups))
        case .unknownYear(let year, let configured, let stored):
            let held = stored.isEmpty ? "none stored" : "stored: \(stored.map(String.init).joined(separator: ", "))"
            return "year \(year) is outside the config's years \(configured.lowerBound)–\(configured.upperBound) "
                + "and no report of it is stored (\(held))"
        case .emptyRange(let from, let to): return "--from \(from) is after --to \(to): no year lies between"
        case .wideTrendOfSeveralCodes(let codes):
            return "a wide trend export takes one --indicator (given: \(codes.joined(separator: ", "))); "
                + "use --layout long for several"
        }
    }
}
