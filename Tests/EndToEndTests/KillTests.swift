import DemoCity
import Foundation
import TestSupport
import Testing

/// A collect killed with SIGKILL in the middle leaves no partial rows, and the next run completes the work.
@Suite(
    "A killed collect", .serialized,
    .enabled(
        if: Tools.has("sqlite3") && Tools.has("python3"),
        "needs the sqlite3 shell (apt-get install sqlite3) and python3"))
struct KillTests {
    func sqlite(_ database: URL, _ query: String) throws -> String { try SQLiteShell.run(database, query) }

    @Test func theNextRunCompletesTheWorkWithoutDuplicates() throws {
        let directory = try TemporaryDirectory()
        let reports = Array(DemoCity.reports.filter { $0.year >= 2021 }.prefix(40))
        var units: [String] = []
        for (index, report) in reports.enumerated() {
            try Data(try #require(DemoCity.bytes(of: report))).write(to: directory.path("r\(index).html"))
        }
        let server = try LoopbackServer(root: directory.url)
        for (index, report) in reports.enumerated() {
            let url = server.url("slow/0.15/r\(index).html")
            units.append("  - { id: u\(index), name: 单位\(index), reports: { \(report.year): \"\(url)\" } }")
        }
        try directory.write(
            "nianbao.yaml",
            """
            version: 1
            city: 测试市
            database: db.sqlite
            fetch: { concurrency: 2, per_host: 2, delay_ms: 0, retries: 1 }
            units:
            \(units.joined(separator: "\n"))
            """)
        let collect = Process()
        collect.executableURL = BinaryRunner.executable
        collect.arguments = ["collect", "--quiet", "--config", directory.path("nianbao.yaml").path]
        collect.standardOutput = FileHandle.nullDevice
        collect.standardError = FileHandle.nullDevice
        try collect.run()
        let database = directory.path("db.sqlite")
        let deadline = Date().addingTimeInterval(20)
        // Until the run has made its tables the shell's query fails: that counts as nothing stored yet.
        while Date() < deadline, (Int((try? sqlite(database, "SELECT COUNT(*) FROM report")) ?? "") ?? 0) < 8 {
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(collect.processIdentifier, SIGKILL)
        collect.waitUntilExit()
        let partial = Int(try sqlite(database, "SELECT COUNT(*) FROM report")) ?? 0
        #expect(partial >= 8 && partial < 40, "killed mid-run: \(partial) of 40 stored")
        #expect(try sqlite(database, "SELECT COUNT(*) FROM run WHERE finished_at IS NULL") == "1")

        let resumed = try BinaryRunner.run(
            ["collect", "--config", directory.path("nianbao.yaml").path], in: directory.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("took over the lock"), "the dead run's lock is taken over")
        #expect(try sqlite(database, "SELECT COUNT(*) FROM report WHERE status = 'extracted'") == "40")
        #expect(try sqlite(database, "SELECT COUNT(*) FROM document_version") == "40", "no document archived twice")
        #expect(
            try sqlite(
                database, "SELECT COUNT(*) FROM (SELECT unit_id FROM report GROUP BY unit_id, year HAVING COUNT(*) > 1)"
            ) == "0")
        let figures = try sqlite(database, "SELECT COUNT(DISTINCT unit_id) FROM figure")
        #expect(figures == "40", "every unit has its figures")
        let expected = reports.reduce(0) { $0 + $1.figures.count }
        #expect(try sqlite(database, "SELECT COUNT(*) FROM figure") == String(expected), "no figure missing or doubled")
    }
}
