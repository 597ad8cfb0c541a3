import Configuration
import Foundation

/// `nianbao units import ROSTER`: the office's roster of units checked row by row against the config, and the
/// config's `units_file` rewritten with the units added or updated. Units of the file the roster does not list
/// are kept; a unit the config itself defines must match the roster.
public struct UnitsImport: Sendable {
    /// What the import does to one unit of the roster.
    public struct Change: Sendable {
        /// Added, updated or left as it is.
        public enum Kind: String, Sendable {
            case added = "add"
            case updated = "update"
            case unchanged
        }
        /// What happens.
        public var kind: Kind
        /// The unit id.
        public var id: String
        /// The unit's name.
        public var name: String
        /// The fields changed, "kind 街道 → 镇", or the fields of an added unit.
        public var details: [String]
    }

    /// The changes, in roster order.
    public var changes: [Change]
    /// Units of the units file the roster does not list (kept as they are).
    public var kept: Int
    /// The units file written.
    public var unitsFile: URL
    /// Its new entries.
    let entries: [UnitsFileEntry]

    /// Checks every row of `roster` against `configuration` (which must name a `units_file`) and works out the
    /// units file's new content; throws a `RosterError` listing every bad cell, nothing changed.
    public static func plan(_ roster: UnitRoster, configuration: Configuration) throws -> UnitsImport {
        guard let unitsFile = configuration.unitsFile else {
            throw UnitsImportError.noUnitsFile(configuration.file.path)
        }
        var entries = try UnitsFileEntry.read(unitsFile)
        let fileIds = Set(entries.map(\.id))
        let ownUnits = Dictionary(
            configuration.units.filter { !fileIds.contains($0.id) }.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first })
        let validator = RosterValidator(roster: roster, configuration: configuration, fileEntries: entries)
        let rows = try validator.validRows(ownUnits: ownUnits)
        var changes: [Change] = []
        var positions = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for row in rows {
            let name = (row.values[.name] ?? nil) ?? ""
            if ownUnits[row.id] != nil {
                let place = "defined in \(configuration.file.lastPathComponent)"
                changes.append(Change(kind: .unchanged, id: row.id, name: name, details: [place]))
            } else if let index = positions[row.id] {
                var details: [String] = []
                for column in RosterColumn.allCases {
                    guard let value = row.values[column] else { continue }
                    let old = entries[index].fields[column]
                    guard old != value else { continue }
                    details.append("\(column.key) \(old ?? "—") → \(value ?? "—")")
                    entries[index].fields[column] = value
                }
                changes.append(
                    Change(kind: details.isEmpty ? .unchanged : .updated, id: row.id, name: name, details: details))
            } else {
                let fields = row.values.compactMapValues { $0 }
                positions[row.id] = entries.count
                entries.append(UnitsFileEntry(id: row.id, fields: fields))
                let details = RosterColumn.allCases.filter { $0 != .name }.compactMap { column in
                    fields[column].map { "\(column.key) \($0)" }
                }
                changes.append(Change(kind: .added, id: row.id, name: name, details: details))
            }
        }
        let listed = Set(rows.map(\.id))
        return UnitsImport(
            changes: changes, kept: fileIds.subtracting(listed).count, unitsFile: unitsFile, entries: entries)
    }

    /// Writes the units file: the new text goes to a file beside it, the config is loaded with it (so an import
    /// never leaves a config that does not load), and it then replaces the old file in one rename.
    public func write(configuration: Configuration, comment: [String]) throws {
        let text = try UnitsFileEntry.yaml(entries, comment: comment)
        let replacement = unitsFile.deletingLastPathComponent()
            .appendingPathComponent(".\(unitsFile.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).new")
        defer { try? FileManager.default.removeItem(at: replacement) }
        do {
            let handle = try FileHandle(forWritingTo: try Self.created(replacement))
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
        } catch {
            throw UnitsImportError.cannotWrite(unitsFile.path, "\(error.localizedDescription)")
        }
        _ = try ConfigurationLoader.load(configuration.file, unitsFileReplacement: replacement)
        guard rename(replacement.path, unitsFile.path) == 0 else {
            throw UnitsImportError.cannotWrite(unitsFile.path, String(cString: strerror(errno)))
        }
    }

    /// `url`, created empty.
    private static func created(_ url: URL) throws -> URL {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission)
        }
        return url
    }
}

/// An import the config cannot take, in plain words.
public enum UnitsImportError: Error, Sendable, CustomStringConvertible {
    /// The config names no `units_file`.
    case noUnitsFile(String)
    /// The units file could not be written.
    case cannotWrite(String, String)

    /// A plain-words explanation.
    public var description: String {
        switch self {
        case .noUnitsFile(let config):
            return "\(config) names no units_file: add the line `units_file: units.yaml` to it; "
                + "`nianbao units import` writes the roster's units to that file, beside the config"
        case .cannotWrite(let file, let why): return "cannot write \(file): \(why); nothing changed"
        }
    }
}
