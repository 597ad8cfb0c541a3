import Foundation
import TestSupport
import Testing

/// The project's benchmark, run small: it must keep working for whoever measures the next change, on a machine
/// with or without nginx (the Python test server stands in).
@Suite(
    "The benchmark, run small",
    .enabled(
        if: Tools.has("sqlite3") && Tools.has("curl") && Tools.has("xmllint") && Tools.hasBenchServer,
        "needs sqlite3, curl, xmllint, and nginx or python3 (apt-get install sqlite3 curl libxml2-utils nginx-light)"))
struct BenchmarkTests {
    @Test func measuresEveryStageOfASmallProvinceAndStoresWhatItCollected() throws {
        let work = try TemporaryDirectory()
        let run = try BinaryRunner.run(
            [
                "--reports", "24", "--rounds", "1", "--concurrency", "4", "--query-units", "30", "--query-years", "3",
                "--politeness-rounds", "1", "--delay-ms", "20", "--work", work.url.path, "--repository",
                RepositoryPaths.root.path,
            ],
            program: BinaryRunner.sibling("nianbao-bench"))
        #expect(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        #expect(run.stdout.contains("- province: 24 reports"))
        #expect(run.stdout.contains("laid out as portals publish them"))
        let published = try #require(Self.averageKB(run.stdout))
        #expect((20...30).contains(published), "the issue's province: reports of 20–30 KB, not \(published) KB")

        // Every measurement is there, with a number.
        let rows = Dictionary(
            run.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }.map { line in
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                return (cells[0], cells.count > 1 ? cells[1] : "")
            }, uniquingKeysWith: { first, _ in first })
        for measurement in [
            "curl --parallel (4), fetch only", "nianbao extract, all files (one core)",
            "nianbao collect, end to end", "nianbao collect again (nothing changed)",
            "CPU time: collect (+ server) against extract",
            "xmllint --html --noout, HTML only", "nianbao extract, HTML only",
            "SQLite ingest (figures, audit, provenance)", "nianbao collect of 60 units on 12 hosts, delay_ms 20",
            "bulk ingest for the query database",
            "rank t3.total.new_received 2025, in process", "trend series.applications 2023–2025, in process",
            "`nianbao rank` command", "`nianbao trend` command", "`nianbao quality` command",
            "`nianbao report` (HTML) command", "`nianbao export figures` (all 2700 rows)",
            "`nianbao export coverage` (90 unit·years)", "`nianbao collect`, 90 unit·years all refused",
        ] {
            let value = try #require(rows[measurement], "no row for \(measurement)")
            #expect(Double(value.split(separator: " ").first ?? "") ?? 0 > 0, "\(measurement): \(value)")
        }
        #expect(run.stdout.contains("all conditional GETs answered 304"))

        // The collect stored every report it fetched, and the re-run fetched nothing new.
        let database = work.path("collect.sqlite")
        #expect(try SQLiteShell.run(database, "SELECT COUNT(*) FROM report WHERE status = 'extracted'") == "24")
        #expect(try SQLiteShell.run(database, "SELECT COUNT(*) FROM document_version") == "24")
        #expect(
            try SQLiteShell.run(database, "SELECT outcomes FROM run ORDER BY id DESC LIMIT 1") == #"{"unchanged":24}"#)
    }

    @Test func measuresTheCompactProvinceOnRequest() throws {
        let work = try TemporaryDirectory()
        let run = try BinaryRunner.run(
            [
                "--reports", "12", "--rounds", "1", "--concurrency", "4", "--pipeline-only", "--compact-pages",
                "--work", work.url.path, "--repository", RepositoryPaths.root.path,
            ],
            program: BinaryRunner.sibling("nianbao-bench"))
        #expect(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        #expect(run.stdout.contains("the demo city's compact pages"))
        #expect(try #require(Self.averageKB(run.stdout)) < 10)
        #expect(
            try SQLiteShell.run(work.path("collect.sqlite"), "SELECT COUNT(*) FROM report WHERE status = 'extracted'")
                == "12")
    }

    @Test func measuresACollectFromHostsOfUnevenSizeAgainstItsPolitenessBound() throws {
        let work = try TemporaryDirectory()
        let run = try BinaryRunner.run(
            [
                "--politeness-only", "--politeness-rounds", "2", "--delay-ms", "100", "--concurrency", "4",
                "--work", work.url.path, "--repository", RepositoryPaths.root.path,
            ],
            program: BinaryRunner.sibling("nianbao-bench"))
        #expect(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        #expect(
            run.stdout.contains(
                "60 units on 12 loopback hosts (40, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1 units), delay_ms 100"))
        let row = try #require(
            run.stdout.split(separator: "\n").first { $0.hasPrefix("| nianbao collect of 60 units on 12 hosts") })
        #expect(row.contains("bound of 4.10 s"), "41 requests to the portal × 100 ms: \(row)")
        // The portal's 41 starts are 40 gaps of at least 100 ms apart: a run faster than that was not held by the gate.
        let ratio = try #require(row.firstMatch(of: /\*\*([0-9.]+)×\*\*/).flatMap { Double($0.1) })
        #expect(ratio >= 40.0 / 41.0, "\(row)")
        let database = work.path("polite.sqlite")
        #expect(try SQLiteShell.run(database, "SELECT COUNT(*) FROM report WHERE status = 'extracted'") == "60")
        #expect(
            try SQLiteShell.run(
                database, "SELECT COUNT(DISTINCT substr(url, 1, instr(substr(url, 8), '/') + 7)) FROM document_version")
                == "12")
    }

    /// The province note's average report size ("… MB, 23 KB each on average").
    private static func averageKB(_ output: String) -> Int? {
        guard let range = output.range(of: #"(\d+) KB each on average"#, options: .regularExpression) else {
            return nil
        }
        return Int(output[range].split(separator: " ")[0])
    }
}
