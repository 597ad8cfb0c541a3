import Foundation
import Yams

/// One unit of the `units_file` with its values as written (paths not resolved), so that `units import` writes
/// back what it did not change exactly as it was.
public struct UnitsFileEntry: Sendable, Equatable {
    /// The unit id.
    public var id: String
    /// The roster's fields (name, kind, code, parent, deadline, listing, url_template) as written.
    public var fields: [RosterColumn: String]
    /// `reports`: year → URL or path, as written.
    public var reports: [Int: String] = [:]
    /// `aliases`.
    public var aliases: [String] = []
    /// `insecure_tls` and `ignore_robots` when written, as written.
    public var flags: [String: String] = [:]

    /// An entry of unit `id` with `fields` and nothing else.
    public init(id: String, fields: [RosterColumn: String]) {
        self.id = id
        self.fields = fields
    }

    /// The entries of a units file, read with the config's own rules (`ConfigNode`); no file is no entries.
    public static func read(_ file: URL) throws -> [UnitsFileEntry] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        guard let units = try ConfigurationLoader.compose(file).mapping(allowed: ["units"])["units"] else { return [] }
        return try units.sequence().map { item in
            let keys = try item.mapping(allowed: ConfigurationReader.unitKeys)
            guard let id = try keys["id"]?.string() else { throw item.error("missing key 'id'") }
            var entry = UnitsFileEntry(id: id, fields: [:])
            for column in RosterColumn.allCases where column != .id {
                if let value = try keys[column.key]?.string() { entry.fields[column] = value }
            }
            for (year, node) in try keys["reports"]?.yearMapping() ?? [] { entry.reports[year] = try node.string() }
            entry.aliases = try keys["aliases"]?.sequence().map { try $0.string() } ?? []
            for flag in ["insecure_tls", "ignore_robots"] { entry.flags[flag] = try keys[flag]?.string() }
            return entry
        }
    }

    /// The YAML text of a units file holding `entries`, under `comment` lines.
    public static func yaml(_ entries: [UnitsFileEntry], comment: [String]) throws -> String {
        func text(_ value: String) -> Node { Node(value, .implicit, .doubleQuoted) }
        let units = entries.map { entry -> Node in
            var pairs: [(Node, Node)] = [(Node("id"), text(entry.id))]
            for column in RosterColumn.allCases where column != .id {
                if let value = entry.fields[column] { pairs.append((Node(column.key), text(value))) }
            }
            if !entry.reports.isEmpty {
                let years = entry.reports.sorted { $0.key < $1.key }.map { (Node(String($0.key)), text($0.value)) }
                pairs.append((Node("reports"), Node(years)))
            }
            if !entry.aliases.isEmpty { pairs.append((Node("aliases"), Node(entry.aliases.map(text)))) }
            for (flag, value) in entry.flags.sorted(by: { $0.key < $1.key }) { pairs.append((Node(flag), Node(value))) }
            return Node(pairs)
        }
        let body = try Yams.serialize(node: Node([(Node("units"), Node(units))]), allowUnicode: true)
        return comment.map { "# \($0)\n" }.joined() + body
    }
}
