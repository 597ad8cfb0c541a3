import Configuration
import Foundation
import ReaderWorkers
import Storage

/// What the office chose for a unit·year whose typed figures conflict with a document read later.
public enum ConflictChoice: String, Sendable, CaseIterable {
    /// Keep the figures typed by hand.
    case typed
    /// Take the figures read from the latest fetched document.
    case machine

    /// Applies the choice to the conflict of `unitId` `year`, reading the document (for `machine`) in `readers`.
    /// Throws `ConflictChoiceError.noConflict` when the unit·year has none.
    public func apply(
        _ configuration: Configuration, unitId: String, year: Int, readers: DocumentReaders,
        now: Date = Date()
    ) throws -> String {
        let store = try Store(path: configuration.database.path)
        guard try store.manualConflicts().contains(where: { $0.unitId == unitId && $0.year == year }),
            let unit = configuration.units.first(where: { $0.id == unitId })
        else {
            throw ConflictChoiceError.noConflict(unitId: unitId, year: year)
        }
        switch self {
        case .typed:
            try store.keepTypedFigures(unitId: unitId, year: year, at: now)
            return "\(unitId) \(year): kept the figures typed by hand"
        case .machine:
            guard let id = try store.latestFetchedVersionId(unitId: unitId, year: year),
                let version = try store.documentVersion(id: id)
            else {
                throw ConflictChoiceError.noConflict(unitId: unitId, year: year)
            }
            let request = ReportReader.request(
                [UInt8](version.content), contentType: version.contentType, url: version.url)
            let previous = try store.figureValues(unitId: unitId, year: year - 1)
            let read = ReportReader.report(
                readers.read(request), versionId: id,
                hints: JobCollector.hints(unit, year, previous: previous))
            guard
                let content = read.content.map({
                    IdentityCheck(units: configuration.units).checked($0, unitId: unitId, year: year)
                }),
                content.status == .extracted
            else {
                throw ConflictChoiceError.unreadable(
                    unitId: unitId, year: year, url: version.url,
                    reason: read.content?.message ?? read.fault?.description ?? "")
            }
            try store.saveReport(unitId: unitId, year: year, content: content, at: now)
            return "\(unitId) \(year): took the \(content.figures.count) figures read from \(version.url)"
        }
    }
}

/// Why a conflict could not be resolved, in plain words.
public enum ConflictChoiceError: Error, Sendable, CustomStringConvertible {
    /// The unit·year has no conflict between typed figures and a later document.
    case noConflict(unitId: String, year: Int)
    /// The later document does not read as this unit·year's report.
    case unreadable(unitId: String, year: Int, url: String, reason: String)

    /// A plain-words explanation.
    public var description: String {
        switch self {
        case .noConflict(let unitId, let year):
            return
                "\(unitId) \(year) has no conflict between figures typed by hand and a later document (see nianbao audit)"
        case .unreadable(let unitId, let year, let url, let reason):
            return "\(unitId) \(year): \(url) does not read as its report (\(reason)); the typed figures stay"
        }
    }
}
