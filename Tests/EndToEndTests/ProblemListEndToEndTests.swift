import Foundation
import TestSupport
import Testing

/// The problem list across runs on the demo city: statuses set in the workbook survive collect, reextract and a
/// new version, and a problem turns fixed by itself when the corrected report arrives.
@Suite("The problem list across runs", .serialized)
struct ProblemListEndToEndTests: RunsNianbaoInFolder {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory.withDemoCity()
    }

    /// chendai 2022's problems as JSON objects keyed by fingerprint.
    func chendai2022() throws -> [String: [String: Any]] {
        let listed = try nianbao("problems", "--unit", "chendai", "--year", "2022", "--format", "json")
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["指纹"] as? String ?? "", $0) })
    }

    func editSeed(_ change: (String) -> String) throws {
        let seed = directory.path("Seeds/demo/chendai-2022.html")
        try change(try String(contentsOf: seed, encoding: .utf8)).write(to: seed, atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: XLSXReadBack.available, "python3-openpyxl is installed by .ci/run"))
    func aStatusSetInTheWorkbookSurvivesRunsAndTheFixIsFound() throws {
        #expect(try nianbao("collect", "--quiet").status == 0)
        let found = try chendai2022()
        let rules = Set(found.values.compactMap { $0["规则"] as? String })
        #expect(rules == ["t3.balance.total", "t3.row.new_received"], "the planted inconsistency: \(found)")
        #expect(found.values.allSatisfy { $0["状态"] as? String == "open" })
        let balance = try #require(found.first { $0.value["规则"] as? String == "t3.balance.total" }?.key)
        let row = try #require(found.first { $0.value["规则"] as? String == "t3.row.new_received" }?.key)

        // The office marks one problem as sent in the workbook, and imports it.
        #expect(try nianbao("workbook", "--year", "2022", "--out", "2022.xlsx").status == 0)
        let book = directory.path("2022.xlsx")
        #expect(
            try XLSXReadBack.edit(
                book, sheet: "问题清单", keyColumn: "指纹", key: balance,
                set: [("状态", "已发单位"), ("备注", "2月3日发函")]))
        let imported = try nianbao("problems", "import", "2022.xlsx")
        #expect(
            imported.status == 0 && imported.stdout.contains("1 statuses changed"),
            "\(imported.stdout)\(imported.stderr)")
        func check(_ after: String) throws {
            let now = try chendai2022()
            #expect(now[balance]?["状态"] as? String == "sent", "after \(after)")
            #expect(now[balance]?["备注"] as? String == "2月3日发函", "after \(after)")
            #expect(now[balance]?["处理人"] as? String == "workbook", "after \(after)")
            #expect(now[row]?["状态"] as? String == "open", "after \(after)")
        }
        try check("import")

        #expect(try nianbao("collect", "--quiet", "--force", "--unit", "chendai", "--year", "2022").status == 0)
        try check("collect")
        #expect(try nianbao("reextract", "--year", "2022").status == 0)
        try check("reextract")
        try editSeed { $0.replacingOccurrences(of: "</body>", with: "<p>（2026年更新版）</p></body>") }
        #expect(try nianbao("collect", "--quiet", "--force", "--unit", "chendai", "--year", "2022").status == 0)
        try check("a new version showing the same problems")

        // The corrected report: the printed total 16 becomes 15, which both identities accept.
        let misprinted = try String(contentsOf: directory.path("Seeds/demo/chendai-2022.html"), encoding: .utf8)
        try editSeed {
            $0.replacingOccurrences(
                of: "<td>0</td><td>0</td><td>0</td><td>16</td>",
                with: "<td>0</td><td>0</td><td>0</td><td>15</td>")
        }
        #expect(try nianbao("collect", "--quiet", "--force", "--unit", "chendai", "--year", "2022").status == 0)
        let fixed = try chendai2022()
        for fingerprint in [balance, row] {
            #expect(fixed[fingerprint]?["状态"] as? String == "fixed")
            #expect(fixed[fingerprint]?["处理人"] as? String == "nianbao")
            #expect(fixed[fingerprint]?["修复版本"] as? Int != nil, "the version that fixed it")
        }
        #expect(fixed[balance]?["备注"] as? String == "2月3日发函", "the office's note stays")

        // A later version printing the old misprint again reopens the problems it shows.
        try editSeed { _ in misprinted.replacingOccurrences(of: "（2026年更新版）", with: "（2026年再版）") }
        #expect(try nianbao("collect", "--quiet", "--force", "--unit", "chendai", "--year", "2022").status == 0)
        let reopened = try chendai2022()
        for fingerprint in [balance, row] {
            #expect(reopened[fingerprint]?["状态"] as? String == "open" && reopened[fingerprint]?["修复版本"] as? Int == nil)
        }
        #expect(Set(reopened.keys).isSuperset(of: [balance, row]))
    }

    @Test(.enabled(if: XLSXReadBack.available, "python3-openpyxl is installed by .ci/run"))
    func setAndABadImportAreCheckedBeforeAnythingChanges() throws {
        #expect(try nianbao("collect", "--quiet").status == 0)
        let fingerprint = try #require(try chendai2022().keys.sorted().first)
        let set = try nianbao("problems", "set", fingerprint, "accepted", "--note", "印刷错误，已说明", "--by", "王")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try chendai2022()[fingerprint]?["状态"] as? String == "accepted")
        #expect(try nianbao("problems", "--status", "accepted", "--format", "csv").stdout.contains("印刷错误，已说明"))
        let unknown = try nianbao("problems", "set", "0000000000000000", "sent")
        #expect(unknown.status == 64 && unknown.stderr.contains("0000000000000000"))

        #expect(try nianbao("workbook", "--year", "2022", "--out", "2022.xlsx").status == 0)
        #expect(
            try XLSXReadBack.edit(
                directory.path("2022.xlsx"), sheet: "问题清单", keyColumn: "指纹", key: fingerprint,
                set: [("状态", "done")]))
        let bad = try nianbao("problems", "import", "2022.xlsx")
        #expect(bad.status == 64 && bad.stderr.contains("unknown status 'done'"), "\(bad.stderr)")
        #expect(try chendai2022()[fingerprint]?["状态"] as? String == "accepted", "nothing changed")
    }
}
