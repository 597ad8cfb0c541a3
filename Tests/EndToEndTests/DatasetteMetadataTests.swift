import Foundation
import TestSupport
import Testing

/// `Config/datasette.yaml`, the labels Datasette shows for a nianbao database: it names only tables and columns
/// a real store has, labels every one it does not hide, and its canned queries run.
@Suite("The Datasette metadata", .serialized)
struct DatasetteMetadataTests {
    /// Whether Python can read YAML (Debian `python3-yaml`, installed by .ci/run).
    static let readsYAML: Bool = {
        guard let python = XLSXReadBack.python,
            let result = try? BinaryRunner.run(["-c", "import yaml"], program: URL(fileURLWithPath: python))
        else { return false }
        return result.status == 0
    }()

    /// The metadata file as JSON values, read by PyYAML as Datasette reads it.
    static func metadata() throws -> [String: Any] {
        let python = URL(fileURLWithPath: XLSXReadBack.python ?? "/usr/bin/python3")
        let script = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8'))))"
        let result = try BinaryRunner.run(
            ["-c", script, RepositoryPaths.root.appendingPathComponent("Config/datasette.yaml").path],
            program: python)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test(.enabled(if: readsYAML, "python3-yaml is installed by .ci/run"))
    func theMetadataNamesOnlyWhatTheStoreHasAndItsQueriesRun() throws {
        let directory = try TemporaryDirectory()
        for folder in ["Config", "Seeds"] {
            try FileManager.default.copyItem(
                at: RepositoryPaths.root.appendingPathComponent(folder), to: directory.path(folder))
        }
        #expect(try BinaryRunner.run(["collect", "--quiet"], in: directory.url).status == 0)
        let database = directory.path("nianbao.sqlite")
        let schema = try SQLiteShell.run(
            database,
            """
            SELECT m.name || '|' || p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p
            WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%'
            """)
        var columns: [String: Set<String>] = [:]
        for line in schema.split(separator: "\n") {
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            columns[parts[0], default: []].insert(parts[1])
        }
        #expect(columns["figure"]?.contains("value") == true && columns.count >= 20, "the schema was read")

        let metadata = try Self.metadata()
        let databases = try #require(metadata["databases"] as? [String: Any])
        #expect(Array(databases.keys) == ["nianbao"], "Datasette names the database after its file, nianbao.sqlite")
        let nianbao = try #require(databases["nianbao"] as? [String: Any])
        let tables = try #require(nianbao["tables"] as? [String: [String: Any]])
        for (table, entry) in tables {
            guard let existing = columns[table] else {
                Issue.record("datasette.yaml names table '\(table)', which the store does not have")
                continue
            }
            if entry["hidden"] as? Bool == true { continue }
            #expect(
                entry["title"] is String && entry["description"] is String,
                "\(table) has a Chinese title and description")
            let described = Set((entry["columns"] as? [String: String] ?? [:]).keys)
            #expect(
                described.subtracting(existing).isEmpty,
                "\(table): no such columns \(described.subtracting(existing).sorted())")
            #expect(
                existing.subtracting(described).isEmpty,
                "\(table): columns without a label \(existing.subtracting(described).sorted())")
            if let label = entry["label_column"] as? String { #expect(existing.contains(label)) }
            if let sort = entry["sort"] as? String { #expect(existing.contains(sort)) }
        }
        #expect(
            Set(columns.keys).subtracting(tables.keys).isEmpty,
            "every table and view is labelled or hidden: \(Set(columns.keys).subtracting(tables.keys).sorted())")

        let queries = try #require(nianbao["queries"] as? [String: [String: String]])
        for (name, query) in queries {
            let sql = try #require(query["sql"]).replacingOccurrences(of: ":year", with: "2025")
                .replacingOccurrences(of: ":unit", with: "'luoshan'")
            #expect(query["title"] != nil, "\(name) has a title")
            let rows = try SQLiteShell.run(database, sql).split(separator: "\n")
            #expect(!rows.isEmpty, "\(name) finds rows in the demo city")
        }
        let newReceived = try SQLiteShell.run(
            database,
            try #require(queries["new_received"]?["sql"])
                .replacingOccurrences(of: ":year", with: "2025")
        ).split(separator: "\n")
        #expect(
            newReceived.count == 18 && newReceived.first == "梅岭街道|街道|49.0",
            "紫帽镇, with no 2025 report, is not listed as 0")
    }
}
