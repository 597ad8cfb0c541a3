import Foundation
import TestSupport
import Testing

/// The project's benchmark, run small: it must keep working for whoever measures the next change, on a machine
/// with or without nginx (the Python test server stands in).
@Suite("The benchmark, run small")
struct BenchmarkTests {
    @Test func measuresEveryStageOfASmallProvinceAndStoresWhatItCollected() throws {
        let work = try TemporaryDirectory()
        let run = try BinaryRunner.run(
            ["--reports", "24", "--rounds", "1", "--concurrency", "4", "--query-units", "30", "--query-years", "3",
             "--work", work.url.path, "--repository", RepositoryPaths.root.path],
            program: BinaryRunner.sibling("nianbao-bench"))
        #expect(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        #expect(run.stdout.contains("- province: 24 reports"))

        // Every measurement is there, with a number.
        let rows = Dictionary(run.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }.map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return (cells[0], cells.count > 1 ? cells[1] : "")
        }, uniquingKeysWith: { first, _ in first })
        for measurement in ["curl --parallel (4), fetch only", "nianbao extract, all files (one core)",
                            "nianbao collect, end to end", "nianbao collect again (nothing changed)",
                            "CPU time: collect (+ server) against extract",
                            "xmllint --html --noout, HTML only", "nianbao extract, HTML only",
                            "SQLite ingest (figures, audit, provenance)", "bulk ingest for the query database",
                            "rank t3.total.new_received 2025, in process", "trend series.applications 2023–2025, in process",
                            "`nianbao rank` command", "`nianbao trend` command", "`nianbao quality` command",
                            "`nianbao report` (HTML) command", "`nianbao export figures` (all 2700 rows)",
                            "`nianbao export coverage` (90 unit·years)", "`nianbao collect`, 90 unit·years all refused"] {
            let value = try #require(rows[measurement], "no row for \(measurement)")
            #expect(Double(value.split(separator: " ").first ?? "") ?? 0 > 0, "\(measurement): \(value)")
        }
        #expect(run.stdout.contains("all conditional GETs answered 304"))

        // The collect stored every report it fetched, and the re-run fetched nothing new.
        let database = work.path("collect.sqlite")
        #expect(try SQLiteShell.run(database, "SELECT COUNT(*) FROM report WHERE status = 'extracted'") == "24")
        #expect(try SQLiteShell.run(database, "SELECT COUNT(*) FROM document_version") == "24")
        #expect(try SQLiteShell.run(database, "SELECT outcomes FROM run ORDER BY id DESC LIMIT 1") == #"{"unchanged":24}"#)
    }
}
