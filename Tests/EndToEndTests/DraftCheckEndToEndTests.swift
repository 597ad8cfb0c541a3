import DemoCity
import Foundation
import TestSupport
import Testing

/// `nianbao check` through the built binary on drafts of the demo city's unpublished report (紫帽镇 2025), written
/// as HTML pages beside a collected demo city: the problems found, the gate's exit code, the config's lists,
/// the outputs and the problem list.
@Suite("Checking drafts", .serialized)
struct DraftCheckEndToEndTests {
    let directory: TemporaryDirectory
    private static let golden = RepositoryPaths.root.appendingPathComponent("Tests/EndToEndTests/Golden")

    init() throws {
        directory = try TemporaryDirectory()
        for folder in ["Config", "Seeds"] {
            try FileManager.default.copyItem(
                at: RepositoryPaths.root.appendingPathComponent(folder), to: directory.path(folder))
        }
        let collect = try nianbao("collect", "--quiet")
        #expect(collect.status == 0, "\(collect.stderr)")
        let clean = Self.cleanDraft
        try clean.write(to: directory.path("zimao-2025-clean.html"), atomically: true, encoding: .utf8)
        try Self.brokenDraft(clean, copying: try Self.meilingOpening()).write(
            to: directory.path("zimao-2025-draft.html"), atomically: true, encoding: .utf8)
    }

    func nianbao(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: directory.url)
    }

    static var cleanDraft: String {
        String(decoding: DemoCity.bytes(of: DemoCity.unpublishedDraft) ?? [], as: UTF8.self)
    }

    /// The first sentence of 梅岭街道's stored 2025 report, as its page prints it.
    static func meilingOpening() throws -> String {
        let page = String(
            decoding: try #require(DemoCity.report("meiling", 2025).flatMap { DemoCity.bytes(of: $0) }),
            as: UTF8.self)
        let start = try #require(page.range(of: "<h2>一、总体情况</h2>\n<p>")).upperBound
        return String(page[start...].prefix { $0 != "。" })
    }

    /// The clean draft with five faults: section 六 removed, section 四 numbered 三、, 梅岭街道's opening sentence
    /// copied in, 本年新收·总计 14 printed as "1" in 其他 and "4" in 总计, and "所有申请均已按时办结" beside 3
    /// applications carried into next year.
    static func brokenDraft(_ clean: String, copying opening: String) throws -> String {
        var page = clean
        func replace(_ old: String, _ new: String) throws {
            let range = try #require(page.range(of: old), "the draft prints \(old)")
            page.replaceSubrange(range, with: new)
        }
        try replace("<h2>六、其他需要报告的事项</h2>\n<p>本年度未收取信息处理费。</p>", "")
        try replace("<h2>四、政府信息公开行政复议", "<h2>三、政府信息公开行政复议")
        try replace("<td>2</td><td>0</td><td>14</td></tr>", "<td>2</td><td>1</td><td>4</td></tr>")
        try replace("<h2>一、总体情况</h2>\n<p>", "<h2>一、总体情况</h2>\n<p>\(opening)。所有申请均已按时办结。")
        return page
    }

    /// The problems printed as JSON: rule → cells.
    func problems(_ result: BinaryRunner.Result) throws -> [String: String] {
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return Dictionary(
            rows.map { ($0["规则"] as? String ?? "", $0["单元格"] as? String ?? "") }, uniquingKeysWith: { $0 + "; " + $1 })
    }

    /// The demo config with `yaml` (its `check` key) at the end.
    func setCheckLists(_ yaml: String) throws {
        let config = directory.path("Config/nianbao.yaml")
        let text = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("Config/nianbao.yaml"), encoding: .utf8)
        try (text + "\n" + yaml + "\n").write(to: config, atomically: true, encoding: .utf8)
    }

    @Test func aBrokenDraftGetsExactlyItsProblemsAndBlocks() throws {
        let checked = try nianbao("check", "zimao-2025-draft.html", "--format", "json")
        #expect(checked.status == 1, "\(checked.stderr)")
        #expect(
            try problems(checked) == [
                "outline.missing": "section:6",
                "outline.numbering": "section:4",
                "copying": "unit:meiling",
                "split_number": "t3.other_org.new_received t3.total.new_received",
                "contradiction.all_closed": "t3.total.carried_forward",
            ])
        let table = try nianbao("check", "zimao-2025-draft.html")
        #expect(table.status == 1)
        let goldenFile = Self.golden.appendingPathComponent("check-zimao-2025.txt")
        if ProcessInfo.processInfo.environment["NIANBAO_UPDATE_GOLDEN"] == "1" {
            try Data(table.stdout.utf8).write(to: goldenFile)
        } else {
            let expected = try String(contentsOf: goldenFile, encoding: .utf8)
            #expect(
                table.stdout == expected,
                """
                check's table differs from Golden/check-zimao-2025.txt; if meant, run with NIANBAO_UPDATE_GOLDEN=1
                \(table.stdout)
                """)
        }
    }

    @Test func aCleanDraftPasses() throws {
        let checked = try nianbao("check", "zimao-2025-clean.html")
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.contains("zimao-2025-clean.html：未发现问题，可以公布"))
        // A draft naming another configured unit than --unit says is a blocking identity problem.
        let other = try nianbao("check", "zimao-2025-clean.html", "--unit", "meiling", "--format", "json")
        let identity = try problems(other)["unit_identity"]
        #expect(other.status == 1 && identity == "printed:unit", "\(other.stdout)")
    }

    @Test func theConfigListsMoveTheGate() throws {
        try setCheckLists("check: { warn: [outline, split_number, contradiction] }")
        let relaxed = try nianbao("check", "zimao-2025-draft.html", "--format", "csv")
        #expect(relaxed.status == 0, "only warnings are left: \(relaxed.stdout)\(relaxed.stderr)")
        #expect(!relaxed.stdout.contains(",block,"))
        try setCheckLists("check:\n  block: [copying]\n  warn: [outline, split_number, contradiction]")
        let strict = try nianbao("check", "zimao-2025-draft.html", "--format", "csv")
        #expect(strict.status == 1, "copying now blocks: \(strict.stdout)")
        #expect(strict.stdout.contains("copying,block,unit"))
    }

    @Test func anUnknownRuleInTheConfigIsRefused() throws {
        try setCheckLists("check:\n  block: [copyng]")
        let refused = try nianbao("check", "zimao-2025-draft.html")
        #expect(refused.status == 64)
        #expect(
            refused.stderr.contains("check.block[0]") && refused.stderr.contains("did you mean copying"),
            "\(refused.stderr)")
    }

    @Test func recordedProblemsJoinTheListAndTheCorrectedDraftFixesThem() throws {
        #expect(try nianbao("check", "zimao-2025-draft.html", "--record").status == 1)
        func listed() throws -> [[String: Any]] {
            let result = try nianbao("problems", "--unit", "zimao", "--year", "2025", "--format", "json")
            #expect(result.status == 0, "\(result.stderr)")
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        }
        let recorded = try listed()
        #expect(
            Set(recorded.compactMap { $0["规则"] as? String })
                == ["outline.missing", "outline.numbering", "copying", "split_number", "contradiction.all_closed"])
        #expect(
            recorded.allSatisfy { $0["状态"] as? String == "open" && ($0["说明"] as? String)?.hasPrefix("草稿：") == true })
        let checkJSON = try nianbao("check", "zimao-2025-draft.html", "--format", "json")
        let fingerprints =
            (try JSONSerialization.jsonObject(with: Data(checkJSON.stdout.utf8)) as? [[String: Any]] ?? [])
            .compactMap { $0["指纹"] as? String }
        #expect(Set(fingerprints) == Set(recorded.compactMap { $0["指纹"] as? String }), "the same fingerprints")

        #expect(try nianbao("check", "zimao-2025-clean.html", "--unit", "zimao", "--record").status == 0)
        let fixed = try listed()
        #expect(
            fixed.count == 5 && fixed.allSatisfy { $0["状态"] as? String == "fixed" && $0["处理人"] as? String == "nianbao" }
        )
    }

    /// The drafts as Word files, as a unit sends them: the HTML pages saved as DOCX by LibreOffice.
    @Test(.enabled(if: Tools.has("soffice"), "LibreOffice (soffice) saves the drafts as DOCX"))
    func wordDraftsGetTheSameProblems() throws {
        let profile = directory.path("lo-profile").absoluteString
        let convert = try BinaryRunner.run(
            [
                "--headless", "-env:UserInstallation=\(profile)", "--convert-to",
                "docx:MS Word 2007 XML", "--outdir", directory.path("docx").path,
                "zimao-2025-draft.html", "zimao-2025-clean.html",
            ],
            in: directory.url, program: URL(fileURLWithPath: try #require(Tools.path(of: "soffice"))))
        #expect(convert.status == 0, "\(convert.stderr)")
        let broken = try nianbao("check", "docx/zimao-2025-draft.docx", "--format", "json")
        #expect(broken.status == 1, "\(broken.stderr)")
        #expect(
            Set(try problems(broken).keys)
                == ["outline.missing", "outline.numbering", "copying", "split_number", "contradiction.all_closed"])
        let clean = try nianbao("check", "docx/zimao-2025-clean.docx")
        #expect(clean.status == 0, "\(clean.stdout)")
    }

    @Test(.enabled(if: XLSXReadBack.available, "python3-openpyxl is installed by .ci/run"))
    func theProblemsAsAWorkbookSheet() throws {
        let written = try nianbao("check", "zimao-2025-draft.html", "--format", "xlsx", "--out", "check.xlsx")
        #expect(written.status == 1, "\(written.stderr)")
        let book = try XLSXReadBack.read(directory.path("check.xlsx"))
        #expect(book.sheets == ["草稿检查"])
        let rows = try #require(book.data["草稿检查"]).rows
        let header = try #require(rows.dropFirst().first).map { $0?.csvText ?? "" }
        let rule = try #require(header.firstIndex(of: "规则"))
        let year = try #require(header.firstIndex(of: "年度"))
        let data = rows.dropFirst(2).prefix { $0.contains { $0 != nil } }
        #expect(Set(data.compactMap { $0[rule]?.csvText }).count == 5)
        #expect(data.allSatisfy { $0[year] == .number(2025) }, "the year is a number")
    }

    @Test func badUsageAndUnreadableFiles() throws {
        let unknown = try nianbao("check", "zimao-2025-draft.html", "--unit", "zimo")
        #expect(unknown.status == 64 && unknown.stderr.contains("zimao"), "\(unknown.stderr)")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: directory.path("photo.png"))
        let unreadable = try nianbao("check", "photo.png")
        #expect(unreadable.status == 65 && unreadable.stderr.contains("photo.png"), "\(unreadable.stderr)")
        let noOut = try nianbao("check", "zimao-2025-draft.html", "--format", "xlsx")
        #expect(noOut.status == 64)
    }
}
