import Foundation
import TestSupport
import Testing

/// Every reporting command's output over the demo city, compared byte for byte with the files in `Golden/`: a
/// change to any output is a visible diff. `NIANBAO_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests`
/// writes the files anew (then read the diff before committing it).
@Suite("Command output over the demo city", .serialized)
struct GoldenOutputTests {
    private let directory: TemporaryDirectory
    private static let golden = RepositoryPaths.root.appendingPathComponent("Tests/EndToEndTests/Golden")
    private static let updating = ProcessInfo.processInfo.environment["NIANBAO_UPDATE_GOLDEN"] == "1"

    /// The file each command's output is kept in, and the command.
    private static let commands: [(file: String, arguments: [String])] = [
        ("rank-new-received-2025.txt", ["rank", "--year", "2025", "--indicator", "t3.total.new_received"]),
        (
            "rank-disclosed-2025-jiedao.csv",
            [
                "rank", "--year", "2025", "--indicator", "rate.disclosed", "--group", "街道",
                "--format", "csv",
            ]
        ),
        (
            "rank-proactive-2017.json",
            ["rank", "--year", "2017", "--indicator", "old.proactive.total", "--format", "json"]
        ),
        ("trend-applications.txt", ["trend", "--indicator", "series.applications"]),
        (
            "trend-applications-luoshan.csv",
            [
                "trend", "--indicator", "series.applications", "--unit", "luoshan",
                "--from", "2017", "--to", "2021", "--format", "csv",
            ]
        ),
        ("totals-2025.txt", ["totals", "--year", "2025"]),
        (
            "totals-new-received-2025.json",
            [
                "totals", "--year", "2025", "--indicator", "t3.total.new_received",
                "--format", "json",
            ]
        ),
        ("audit-2022.txt", ["audit", "--year", "2022"]),
        ("audit.csv", ["audit", "--format", "csv"]),
        ("quality-2025.txt", ["quality", "--year", "2025"]),
        ("quality-2024.json", ["quality", "--year", "2024", "--format", "json"]),
        ("extract-luoshan-2017.json", ["extract", "Seeds/luoshan-2017.txt", "--format", "json"]),
        ("extract-xibin-2024.txt", ["extract", "Seeds/demo/xibin-2024.html"]),
    ]

    /// Exports, written to a file and compared with it.
    private static let exports: [(file: String, arguments: [String])] = [
        ("export-rankings-2025.csv", ["export", "rankings", "--year", "2025", "--indicator", "rate.disclosed"]),
        ("export-trends-wide.csv", ["export", "trends", "--indicator", "series.applications", "--layout", "wide"]),
        ("export-figures-2019.csv", ["export", "figures", "--year", "2019"]),
        ("export-audits-2022.csv", ["export", "audits", "--year", "2022"]),
        ("export-totals-2024.csv", ["export", "totals", "--year", "2024"]),
        ("export-quality-2025.csv", ["export", "quality", "--year", "2025"]),
    ]

    init() throws {
        directory = try TemporaryDirectory.withDemoCity()
    }

    private func nianbao(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: directory.url)
    }

    private func compare(_ output: Data, with name: String) throws {
        let file = Self.golden.appendingPathComponent(name)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try output.write(to: file)
            return
        }
        let expected = try Data(contentsOf: file)
        #expect(
            output == expected,
            """
            \(name) differs from the golden file; if the change is meant, run \
            NIANBAO_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests and read the diff.
            --- got:
            \(String(decoding: output.prefix(3000), as: UTF8.self))
            """)
    }

    @Test func everyReportingCommandPrintsWhatItPrintedBefore() throws {
        let collect = try nianbao(["collect", "--quiet"])
        #expect(collect.status == 0, "\(collect.stderr)")
        for (file, arguments) in Self.commands {
            let result = try nianbao(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
            try compare(Data(result.stdout.utf8), with: file)
        }
        for (file, arguments) in Self.exports {
            let out = directory.path(file)
            let result = try nianbao(arguments + ["--out", out.path])
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
            try compare(try Data(contentsOf: out), with: file)
            let dictionary = out.deletingPathExtension().appendingPathExtension("dictionary.csv")
            try compare(try Data(contentsOf: dictionary), with: dictionary.lastPathComponent)
        }
    }
}
