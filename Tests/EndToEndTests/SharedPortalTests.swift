import Foundation
import TestSupport
import Testing

/// Seven units publishing on one portal (as a city's units mostly do), collected by the built binary as cron would:
/// a withdrawn page (403), a path robots.txt disallows, a unit pointed at another unit's report, and a unit that
/// ignores robots.txt. One bad URL must cost only its own unit·year, and nothing wrong may go in silently.
@Suite(
    "A portal shared by many units", .serialized,
    .enabled(
        if: Tools.has("python3") && Tools.has("sqlite3"),
        "needs python3 and the sqlite3 shell (apt-get install sqlite3)"))
struct SharedPortalTests {
    private let folder: TemporaryDirectory
    private let server: LoopbackServer

    init() throws {
        folder = try TemporaryDirectory()
        let portal = folder.path("portal")
        try FileManager.default.createDirectory(
            at: portal.appendingPathComponent("closed"), withIntermediateDirectories: true)
        for unit in ["qingyang", "meiling", "luoshan", "xiyuan", "xintang", "lingyuan"] {
            let seed = RepositoryPaths.seeds.appendingPathComponent("demo/\(unit)-2024.html")
            let place = unit == "xintang" || unit == "lingyuan" ? "closed/\(unit).html" : "\(unit).html"
            try FileManager.default.copyItem(at: seed, to: portal.appendingPathComponent(place))
        }
        try folder.write(
            "portal/robots.txt",
            """
            # the portal's rules
            User-agent: *
            Disallow: /files/closed/
            Crawl-delay: 0.3

            """)
        server = try LoopbackServer(root: portal)
        try writeConfig(xiyuan: "files/luoshan.html")
    }

    /// The config, with xiyuan's 2024 source at `xiyuan` (a path on the portal).
    private func writeConfig(xiyuan: String) throws {
        func unit(_ id: String, _ name: String, _ path: String, _ extra: String = "") -> String {
            "  - { id: \(id), name: \(name), kind: 街道, reports: { 2024: \"\(server.url(path))\" }\(extra) }"
        }
        try folder.write(
            "nianbao.yaml",
            """
            version: 1
            city: 晋江市
            database: db.sqlite
            years: { from: 2024, to: 2024 }
            fetch: { concurrency: 4, per_host: 2, delay_ms: 0, retries: 0, timeout_s: 10 }
            units:
            \(unit("qingyang", "青阳街道", "status/403"))
            \(unit("meiling", "梅岭街道", "files/meiling.html"))
            \(unit("luoshan", "罗山街道", "files/luoshan.html"))
            \(unit("xiyuan", "西园街道", xiyuan, ", aliases: [西园街道办事处]"))
            \(unit("xintang", "新塘街道", "files/closed/xintang.html"))
            \(unit("lingyuan", "灵源街道", "files/closed/lingyuan.html", ", ignore_robots: true"))
            \(unit("anhai", "安海镇", "files/missing.html"))
            """)
    }

    private func nianbao(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(
            arguments + ["--config", "nianbao.yaml"], in: folder.url, environment: ["TZ": "Asia/Shanghai"])
    }

    private func sqlite(_ query: String) throws -> String {
        try SQLiteShell.run(folder.path("db.sqlite"), query)
    }

    @Test func oneBadURLCostsOnlyItsUnitAndAMismatchIsKeptOut() throws {
        let collect = try nianbao("collect")
        #expect(collect.status == 1, "\(collect.stdout)\n\(collect.stderr)")
        let items = try sqlite("SELECT unit_id, outcome, COALESCE(failure_kind, '') FROM run_item ORDER BY unit_id")
        #expect(
            items == """
                anhai|not_published|
                lingyuan|new|
                luoshan|new|
                meiling|new|
                qingyang|failed|forbidden
                xintang|failed|robots
                xiyuan|mismatch|mismatch
                """, "\(items)")
        // robots.txt was asked once, first, and its Crawl-delay spaced every request to the portal.
        let log = try server.requestLog(includingRobots: true).requests
        #expect(!log.contains { $0.path == "/files/closed/xintang.html" }, "a disallowed path is not asked")
        // (lingyuan ignores robots.txt, its Crawl-delay too: it did not wait for it.)
        let obeying = log.filter { !$0.path.contains("lingyuan") }
        #expect(log.filter { $0.path == "/robots.txt" }.count == 1 && obeying.first?.path == "/robots.txt")
        let gaps = zip(obeying.dropFirst(), obeying).map { $0.time - $1.time }
        #expect(gaps.count == 5 && gaps.allSatisfy { $0 >= 0.29 }, "Crawl-delay 0.3 s: \(gaps)")
        #expect(collect.stderr.contains("robots.txt is NOT obeyed for lingyuan"), "\(collect.stderr)")
        #expect(collect.stdout.contains("xiyuan 2024 (mismatch)"), "\(collect.stdout)")
        #expect(collect.stderr.contains("西园街道"), "\(collect.stderr)")

        // The mismatch is archived, shown, and its figures are nowhere.
        #expect(try sqlite("SELECT status, printed_unit FROM report WHERE unit_id = 'xiyuan'") == "mismatch|罗山街道办事处")
        #expect(try sqlite("SELECT COUNT(*) FROM document_version WHERE unit_id = 'xiyuan'") == "1")
        #expect(try sqlite("SELECT COUNT(*) FROM figure WHERE unit_id = 'xiyuan'") == "0")
        let status = try nianbao("status", "--format", "csv")
        #expect(status.stdout.contains("xiyuan,西园街道,2024,mismatch"), "\(status.stdout)")
        #expect(status.stdout.contains("qingyang,青阳街道,2024,failed"), "\(status.stdout)")
        let audit = try nianbao("audit", "--format", "csv")
        #expect(audit.stdout.contains("xiyuan,西园街道,2024,unit_identity,fail"), "\(audit.stdout)")
        let rank = try nianbao("rank", "--year", "2024", "--indicator", "t3.total.new_received", "--format", "csv")
        let ranked = rank.stdout.split(separator: "\n").filter { $0.contains(",xiyuan,") }
        #expect(ranked.count == 1 && ranked[0].contains("缺报"), "\(rank.stdout)")
        let quality = try nianbao("quality", "--year", "2024", "--format", "csv")
        #expect(
            quality.stdout.split(separator: "\n").contains { $0.hasPrefix("xiyuan,") && $0.contains("缺报") },
            "\(quality.stdout)")
    }

    @Test func cronSeesEveryProblemOnceUntilItIsFixedAndAFixedSourceIsAskedAtOnce() throws {
        // "2026-12-05T16:31:02+08:00 run 1 …": local time with its zone (TZ), then the run id.
        let stamp = #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00 run (\d+) (.*)$/#
        func lines(_ text: String) throws -> [(run: Substring, text: Substring)] {
            try text.split(separator: "\n").map { line in
                let match = try #require(try stamp.wholeMatch(in: line), "not stamped: \(line)")
                return (match.1, match.2)
            }
        }
        let first = try nianbao("collect", "--quiet")
        #expect(first.status == 1 && first.stdout.isEmpty, "\(first.stdout)")
        let logged = try lines(first.stderr)
        #expect(logged.allSatisfy { $0.run == "1" })
        let problems = logged.map(\.text).filter { !$0.hasPrefix("note:") && !$0.hasPrefix("collect:") }
        #expect(
            problems.map { $0.split(separator: " ").prefix(3).joined(separator: " ") }.sorted()
                == ["qingyang 2024 failed:", "xintang 2024 failed:", "xiyuan 2024 mismatch:"], "\(first.stderr)")
        #expect(logged.last?.text.hasPrefix("collect: 7 unit·years") == true)
        #expect(
            logged.last?.text.hasSuffix("failed 2, mismatch 1, new 3, not_published 1; exit 1") == true,
            "\(logged.last?.text ?? "")")

        // The next cron run asks none of the failing sources, and still exits 1 and names each of them.
        let second = try nianbao("collect", "--quiet")
        #expect(second.status == 1)
        let waiting = try lines(second.stderr).map(\.text).filter { $0.contains("backing_off") }
        #expect(waiting.count == 3 && waiting.allSatisfy { $0.contains("next attempt 20") }, "\(second.stderr)")
        #expect(try lines(second.stderr).last?.text.hasSuffix("3 backing off past the deadline; exit 1") == true)
        let dry = try nianbao("collect", "--dry-run")
        #expect(dry.stdout.contains("not due: 3 unit·years"), "\(dry.stdout)")
        #expect(
            dry.stdout.contains("xiyuan 2024 next attempt 20") && dry.stdout.contains("(mismatch)"), "\(dry.stdout)")
        let units = try nianbao("units", "--format", "csv")
        let xiyuan = units.stdout.split(separator: "\n").first { $0.hasPrefix("xiyuan,") } ?? ""
        #expect(xiyuan.contains("2024 mismatch → 20") && xiyuan.contains("+0800"), "\(units.stdout)")

        // Corrected in the config, the source is asked at once: its back-off is reset, no --force needed.
        try writeConfig(xiyuan: "files/xiyuan.html")
        let planned = try nianbao("collect", "--dry-run")
        #expect(
            planned.stdout.contains("xiyuan 2024 \(server.url("files/xiyuan.html")) (source changed in the config"),
            "\(planned.stdout)")
        let fixed = try nianbao("collect")
        #expect(
            try sqlite("SELECT outcome FROM run_item WHERE unit_id = 'xiyuan' AND run_id = 3") == "new",
            "\(fixed.stdout)\n\(fixed.stderr)")
        #expect(
            try sqlite(
                "SELECT status, consecutive_failures FROM report JOIN source_state USING (unit_id, year) "
                    + "WHERE unit_id = 'xiyuan'") == "extracted|0")
    }

    @Test func aRepublishedReportShowsItsVersionsAndWhatChanged() throws {
        let demo = RepositoryPaths.seeds.appendingPathComponent("demo")
        let page = folder.path("portal/anhai.html")
        try FileManager.default.copyItem(at: demo.appendingPathComponent("revisions/anhai-2023.html"), to: page)
        try folder.write(
            "nianbao.yaml",
            """
            version: 1
            city: 晋江市
            database: db.sqlite
            years: { from: 2023, to: 2023 }
            fetch: { delay_ms: 0, retries: 0 }
            units:
              - { id: anhai, name: 安海镇, reports: { 2023: "\(server.url("files/anhai.html"))" } }
            """)
        #expect(try nianbao("collect").status == 0)
        #expect(try nianbao("changes").stdout == "no report changed after publication\n")
        // Republished with table 二 corrected and one sentence reworded.
        let revised = try String(contentsOf: demo.appendingPathComponent("anhai-2023.html"), encoding: .utf8)
        try revised.replacingOccurrences(of: "本报告已于发布后修订", with: "本报告已于2024年3月1日修订")
            .write(to: page, atomically: true, encoding: .utf8)
        let second = try nianbao("collect", "--quiet")
        #expect(second.stderr.contains(" run 2 anhai 2023 changed: changed after publication"), "\(second.stderr)")
        let changes = try nianbao("changes", "--unit", "anhai")
        let lines = changes.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "anhai 安海镇 2023: 2 versions of \(server.url("files/anhai.html"))", "\(changes.stdout)")
        #expect(lines.count == 8 && lines[1].hasPrefix("  v1  20") && lines[1].contains("+0800  sha256 "))
        #expect(
            Array(lines.suffix(5)) == [
                "  v1 → v2:",
                "    t2.norm.made 行政规范性文件·本年制发件数: 4 → 2",
                "    t2.norm.valid 行政规范性文件·现行有效件数: 12 → 10",
                "    - （本报告已于发布后修订，更正了表二数据。）",
                "    + （本报告已于2024年3月1日修订，更正了表二数据。）",
            ], "\(changes.stdout)")
        #expect(try nianbao("changes", "--unit", "anhia").status == 64)
    }

    @Test func aHandTypedFigureIsNeverReplacedByAMachineReadSilently() throws {
        try folder.write(
            "typed.csv",
            """
            unit,year,code,value,公开日期
            luoshan,2024,t3.total.new_received,99,2025/1/20
            """)
        let imported = try nianbao("import", "typed.csv", "--source", "扫描件")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try sqlite("SELECT published_on FROM report WHERE unit_id = 'luoshan'") == "2025-01-20")
        try folder.write("outside.csv", "unit,year,code,value,公开日期\nluoshan,2019,t3.total.new_received,1,2020-02-30\n")
        let refused = try nianbao("import", "outside.csv")
        #expect(refused.status == 64)
        #expect(
            refused.stderr.contains(
                "line 2: year 2019 is outside the config's years 2024–2024; "
                    + "公开日期 '2020-02-30' is not a date"), "\(refused.stderr)")

        let collect = try nianbao("collect", "--quiet", "--unit", "luoshan")
        #expect(collect.stderr.contains("luoshan 2024 conflict: "), "\(collect.stderr)")
        #expect(try sqlite("SELECT value FROM figure WHERE unit_id = 'luoshan'") == "99.0", "the typed figure stays")
        let status = try nianbao("status", "--format", "csv")
        #expect(
            status.stdout.split(separator: "\n").contains { $0.hasPrefix("luoshan,") && $0.contains("冲突") },
            "\(status.stdout)")
        #expect(try nianbao("audit", "--format", "csv").stdout.contains("luoshan,罗山街道,2024,manual_conflict,uncertain"))
        // The office chooses the typed figures: the conflict is gone.
        #expect(try nianbao("resolve", "luoshan", "2024", "--keep", "typed").status == 0)
        #expect(!(try nianbao("audit", "--format", "csv").stdout.contains("manual_conflict")))
        #expect(try sqlite("SELECT value FROM figure WHERE unit_id = 'luoshan'") == "99.0")
        // The page is published again; this time the office takes what was read.
        let page = folder.path("portal/luoshan.html")
        try (try Data(contentsOf: page) + Data("<!-- 更新 -->".utf8)).write(to: page)
        _ = try nianbao("collect", "--quiet", "--unit", "luoshan")
        #expect(try nianbao("audit", "--format", "csv").stdout.contains("luoshan,罗山街道,2024,manual_conflict"))
        let taken = try nianbao("resolve", "luoshan", "2024", "--keep", "machine")
        #expect(taken.status == 0 && taken.stdout.contains("took the 203 figures"), "\(taken.stdout)\(taken.stderr)")
        #expect(try sqlite("SELECT status FROM report WHERE unit_id = 'luoshan'") == "extracted")
        #expect(
            try sqlite("SELECT value FROM figure WHERE unit_id = 'luoshan' AND code = 't3.total.new_received'")
                == "35.0")
        let again = try nianbao("resolve", "luoshan", "2024", "--keep", "machine")
        #expect(again.status == 64 && again.stderr.contains("has no conflict"), "\(again.stderr)")
    }

    @Test func statusTellsAListingWithoutTheYearFromA404() throws {
        try folder.write("portal/list.html", "<html><body><a href=\"/files/other.html\">通知公告</a></body></html>")
        try folder.write(
            "nianbao.yaml",
            """
            version: 1
            city: 晋江市
            database: db.sqlite
            years: { from: 2024, to: 2024 }
            fetch: { delay_ms: 0, retries: 0 }
            units:
              - { id: listed, name: 青阳街道, listing: "\(server.url("files/list.html"))" }
              - { id: gone, name: 梅岭街道, reports: { 2024: "\(server.url("files/gone.html"))" } }
            """)
        #expect(try nianbao("collect").status == 0)
        let status = try nianbao("status", "--format", "csv").stdout
        #expect(
            status.contains("listed,青阳街道,2024,missing,,,,,,,列表页 \(server.url("files/list.html")) 未列出该年度报告"),
            "\(status)")
        #expect(status.contains("gone,梅岭街道,2024,missing,,,,,,,尚未发布（404）"), "\(status)")
    }
}
