import Foundation
import TestSupport
import Testing

/// The built `nianbao` binary, run as a user would, on a copy of the demo city.
@Suite("nianbao on the command line", .serialized)
struct CommandLineTests: RunsNianbaoInFolder {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory.withDemoCity()
    }

    @Test func theMainJobThenRankTrendStatusAndExport() throws {
        let collect = try nianbao("collect")
        #expect(collect.status == 0, "\(collect.stderr)")
        #expect(collect.stdout.contains("collect: 170 unit·years"))
        #expect(collect.stdout.contains("new 170"))
        #expect(FileManager.default.fileExists(atPath: directory.path("nianbao.sqlite").path))

        let rank = try nianbao("rank", "--year", "2017", "--indicator", "old.proactive.total")
        #expect(rank.status == 0)
        let luoshan = try #require(rank.stdout.split(separator: "\n").first { $0.contains("罗山街道") })
        #expect(luoshan.split(separator: " ").contains("181"), "the real seed's 181 items: \(luoshan)")

        let latest = try nianbao("rank", "--year", "2025", "--indicator", "rate.disclosed", "--format", "json")
        #expect(latest.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(latest.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 19)
        #expect(rows?.first { $0["单位编号"] as? String == "zimao" }?["状态"] as? String == "缺报")

        let trend = try nianbao("trend", "--indicator", "series.applications")
        #expect(trend.status == 0 && trend.stdout.contains("全市合计") && trend.stdout.contains("口径"))

        let status = try nianbao("status", "--year", "2025", "--format", "csv")
        #expect(status.stdout.contains("zimao,紫帽镇,2025,missing"))
        let late = try nianbao("status", "--year", "2024", "--format", "csv")
        #expect(late.stdout.contains("shenhu,深沪镇,2024,extracted,2021,2025-03-05,"), "published after the deadline")
        #expect(late.stdout.split(separator: "\n").filter { $0.contains(",是,") }.count == 1)

        let audit = try nianbao("audit", "--format", "csv")
        #expect(audit.stdout.contains("yonghe,永和镇,2020,t4.review.sum,fail"))

        let export = try nianbao("export", "figures", "--year", "2025", "--layout", "wide", "--out", "f.csv")
        #expect(export.status == 0)
        let bytes = [UInt8](try Data(contentsOf: directory.path("f.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: bytes, as: UTF8.self).contains("\r\nluoshan,罗山街道,350582004,2025,"))
        #expect(FileManager.default.fileExists(atPath: directory.path("f.dictionary.csv").path))

        // Coverage is written unit by unit as it is read: the same rows as `status`, in the config's order.
        let coverage = try nianbao("export", "coverage", "--out", "c.csv")
        #expect(coverage.status == 0 && coverage.stderr.contains("171 rows"), "\(coverage.stderr)")
        let written = String(decoding: try Data(contentsOf: directory.path("c.csv")), as: UTF8.self)
            .split(separator: "\r\n").map(String.init)
        let everyYear = try nianbao("status", "--format", "csv").stdout.split(separator: "\n").map(String.init)
        #expect(written.count == 1 + 19 * 9 && written.dropFirst() == everyYear.dropFirst(), "a row per unit·year")
        #expect(written.contains { $0.hasPrefix("shenhu,深沪镇,2024,extracted,2021,2025-03-05,") })

        let again = try nianbao("collect", "--quiet")
        #expect(again.status == 0 && again.stdout.isEmpty)
        let runs = try nianbao("runs", "--format", "csv")
        #expect(runs.stdout.contains("unchanged=170"))
    }

    @Test func aBrokenConfigExits64NamingTheKeyAndLineAndWritesNothing() throws {
        let config = directory.path("Config/nianbao.yaml")
        let original = try String(contentsOf: config, encoding: .utf8)
        let broken: [(String, String)] = [
            (
                original.replacingOccurrences(of: "\ncity: 晋江市\n", with: "\ncity: 晋江市\ncolor: blue\n"),
                "nianbao.yaml:5: color: unknown key"
            ),
            (
                original.replacingOccurrences(of: "\ncity: 晋江市\n", with: "\ncity: 晋江市\ncity: 泉州市\n"),
                "nianbao.yaml:5: city: key 'city' given twice"
            ),
            (
                original.replacingOccurrences(of: "  - id: meiling", with: "  - id: qingyang"),
                "units[1].id: duplicate unit id 'qingyang'"
            ),
            (
                original.replacingOccurrences(of: "demo/xibin-2019.html", with: "demo/xibin-2019.htm"),
                "cannot read file"
            ),
        ]
        for (text, message) in broken {
            try Data(text.utf8).write(to: config)
            let result = try nianbao("collect")
            #expect(result.status == 64)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: directory.path("nianbao.sqlite").path))
        }
    }

    @Test func extractReadsFilesAndRefusesNonReports() throws {
        let seed = try nianbao("extract", "Seeds/luoshan-2017.txt", "--format", "json")
        #expect(seed.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(seed.stdout.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "old" && object?["year"] as? Int == 2017)
        #expect((object?["figures"] as? [String: Any])?["old.proactive.total"] as? Double == 181)

        try Data((0..<2000).map { UInt8(($0 * 7919) % 251) }).write(to: directory.path("noise.bin"))
        let noise = try nianbao("extract", "noise.bin")
        #expect(noise.status == 65)
        #expect(noise.stderr.contains("noise.bin: not a report: binary data"))

        // Several files, printed one by one as they are read, still make one JSON array, the bad file included.
        let both = try nianbao(
            "extract", "Seeds/luoshan-2017.txt", directory.path("noise.bin").path, "--format", "json")
        #expect(both.status == 65)
        let array = try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [[String: Any]]
        #expect(array?.count == 2)
        #expect(array?.first?["format"] as? String == "old")
        #expect((array?.last?["error"] as? String)?.contains("binary data") == true)
    }

    @Test func anOptionThatAnExportKindDoesNotUseIsRefusedNotIgnored() throws {
        let refused = try nianbao("export", "figures", "--indicator", "t3.total.new_received", "--out", "f.csv")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--indicator applies to rankings, trends and totals, not to figures"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("f.csv").path))
        let wideAudits = try nianbao("export", "audits", "--layout", "wide", "--out", "a.csv")
        #expect(wideAudits.status == 64)
        #expect(wideAudits.stderr.contains("--layout applies to figures and trends, not to audits"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("a.csv").path))
    }

    @Test func extractReadsEveryFileBeneathAFolderInPathOrderSkippingHiddenOnes() throws {
        let folder = directory.path("reports")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("2017"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let seed = try Data(contentsOf: directory.path("Seeds/luoshan-2017.txt"))
        try seed.write(to: folder.appendingPathComponent("2017/luoshan.txt"))
        try seed.write(to: folder.appendingPathComponent("a-first.txt"))
        try Data("x".utf8).write(to: folder.appendingPathComponent(".DS_Store"))
        try Data("x".utf8).write(to: folder.appendingPathComponent(".git/config"))

        let all = try nianbao("extract", "reports", "--format", "json")
        #expect(all.status == 0, "\(all.stderr)")
        let array = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]]
        #expect(array?.compactMap { $0["file"] as? String } == ["reports/2017/luoshan.txt", "reports/a-first.txt"])
        #expect(array?.allSatisfy { $0["year"] as? Int == 2017 } == true)
        // A folder named by a link on the command line is read like the folder.
        try FileManager.default.createSymbolicLink(
            atPath: directory.path("linked").path, withDestinationPath: "reports")
        let linked = try JSONSerialization.jsonObject(
            with: Data(try nianbao("extract", "linked", "--format", "json").stdout.utf8))
        #expect(
            (linked as? [[String: Any]])?.compactMap { $0["file"] as? String } == [
                "linked/2017/luoshan.txt", "linked/a-first.txt",
            ])

        // One file found is still an array: a folder's output has one shape however many files it holds.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("2017"))
        let one = try nianbao("extract", "reports/", "--format", "json")
        #expect((try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [[String: Any]])?.count == 1)

        try FileManager.default.createDirectory(at: directory.path("empty"), withIntermediateDirectories: true)
        let none = try nianbao("extract", "empty")
        #expect(none.status == 64)
        #expect(none.stderr.contains("no files to read in empty"))
    }

    @Test(.enabled(if: Tools.has("sqlite3"), "needs the sqlite3 shell (apt-get install sqlite3)"))
    func aFailedDatabaseWriteExits74SavesNothingOfItAndTheNextRunRedoesIt() throws {
        let database = directory.path("nianbao.sqlite")
        func sqlite(_ query: String) throws -> String { try SQLiteShell.run(database, query) }
        #expect(try nianbao("collect", "--quiet", "--year", "2017").status == 0)
        // A full disk, simulated: every figure of 2018 is refused by the database.
        _ = try sqlite(
            "CREATE TRIGGER full_disk BEFORE INSERT ON figure_value WHEN NEW.year = 2018 "
                + "BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END;")
        let failed = try nianbao("collect", "--quiet", "--year", "2018")
        #expect(failed.status == 74, "\(failed.stderr)")
        #expect(
            failed.stderr.contains("cannot write to database") && failed.stderr.contains("disk is full (simulated)"))
        #expect(try sqlite("SELECT COUNT(*) FROM report WHERE year = 2018") == "0", "nothing half-written")
        #expect(try sqlite("SELECT COUNT(*) FROM source_state WHERE year = 2018") == "0", "so the next run asks again")
        #expect(try sqlite("SELECT COUNT(*) FROM report WHERE year = 2017") != "0", "earlier runs untouched")

        _ = try sqlite("DROP TRIGGER full_disk;")
        let again = try nianbao("collect", "--quiet", "--year", "2018")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            try sqlite("SELECT COUNT(*) FROM report WHERE year = 2018")
                == (try sqlite("SELECT COUNT(DISTINCT unit_id) FROM document_version WHERE year = 2018")))
        #expect(try sqlite("SELECT COUNT(*) FROM report WHERE year = 2018") != "0")
    }

    @Test(.enabled(if: Tools.has("sqlite3"), "needs the sqlite3 shell (apt-get install sqlite3)"))
    func aReextractWhoseWriteFailsExits74InPlainWords() throws {
        let database = directory.path("nianbao.sqlite")
        #expect(try nianbao("collect", "--quiet").status == 0)
        _ = try SQLiteShell.run(
            database,
            "CREATE TRIGGER full_disk BEFORE INSERT ON figure_value WHEN NEW.unit_id = 'zimao' "
                + "BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END;")
        let failed = try nianbao("reextract")
        #expect(failed.status == 74, "\(failed.stderr)")
        #expect(failed.stderr.hasPrefix("nianbao: cannot write to database"), "\(failed.stderr)")
        #expect(failed.stderr.contains("disk is full (simulated)") && !failed.stderr.contains("INSERT INTO"))
        _ = try SQLiteShell.run(database, "DROP TRIGGER full_disk;")
        let again = try nianbao("reextract")
        #expect(again.status == 0 && again.stdout.contains("re-extracted 170"), "\(again.stderr)")
    }

    @Test(.enabled(if: Tools.has("sqlite3"), "needs the sqlite3 shell (apt-get install sqlite3)"))
    func aSecondCollectWhileOneRunsExits75() throws {
        _ = try nianbao("collect", "--quiet", "--year", "2017")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sleep")
        holder.arguments = ["30"]
        try holder.run()
        defer { kill(holder.processIdentifier, SIGKILL) }
        let sql =
            "INSERT INTO collect_lock VALUES (1, \(holder.processIdentifier), '2026-01-01 00:00:00.000', '\(ProcessInfo.processInfo.hostName)')"
        _ = try SQLiteShell.run(directory.path("nianbao.sqlite"), sql)
        let blocked = try nianbao("collect")
        #expect(blocked.status == 75)
        #expect(blocked.stderr.contains("pid \(holder.processIdentifier)"))
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let resumed = try nianbao("collect", "--quiet")
        #expect(resumed.status == 0, "a stale lock from a dead process is taken over: \(resumed.stderr)")
    }
}
