import Foundation
import SwiftCSV
import TestSupport
import Testing

/// Deadlines per kind and per unit on the demo city's 2024 reports: 逾期 in `status` and the workbook's 概况, and
/// the quality score's 按时, follow each unit's own deadline.
@Suite("Deadlines per kind and per unit, end to end", .serialized)
struct DeadlineEndToEndTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
        for folder in ["Config", "Seeds"] {
            try FileManager.default.copyItem(
                at: RepositoryPaths.root.appendingPathComponent(folder), to: directory.path(folder))
        }
        // 街道 publish by 01-20; 罗山街道 keeps the city's 01-31; 安海镇 (published 2025-01-09) by 01-05.
        var config = try String(contentsOf: directory.path("Config/nianbao.yaml"), encoding: .utf8)
        config = config.replacingOccurrences(
            of: "\ndeadline: \"01-31\"", with: "\ndeadline: \"01-31\"\ndeadline_by_kind: { 街道: \"01-20\" }"
        )
        .replacingOccurrences(of: "    name: 罗山街道\n", with: "    name: 罗山街道\n    deadline: \"01-31\"\n")
        .replacingOccurrences(of: "    name: 安海镇\n", with: "    name: 安海镇\n    deadline: \"01-05\"\n")
        try directory.write("Config/levels.yaml", config)
    }

    func nianbao(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: directory.url)
    }

    /// The ids of the units `status` marks 逾期 in 2024 under `config`.
    func lateUnits(config: String) throws -> Set<String> {
        let status = try nianbao("status", "--config", config, "--year", "2024", "--format", "csv")
        #expect(status.status == 0, "\(status.stderr)")
        let csv = try CSV<Named>(string: status.stdout)
        return Set(csv.rows.filter { $0["逾期"] == "是" }.compactMap { $0["单位编号"] })
    }

    @Test func aUnitWithAnEarlierDeadlineIsLateWhereOthersAreNot() throws {
        #expect(try nianbao("collect", "--quiet").status == 0)
        #expect(try lateUnits(config: "Config/nianbao.yaml") == ["shenhu"], "one deadline for all: only 深沪镇 (03-05)")
        #expect(
            try lateUnits(config: "Config/levels.yaml") == ["shenhu", "meiling", "anhai"],
            "梅岭街道 (01-22) misses the 街道 deadline, 罗山街道 (01-27) has its own 01-31, 安海镇 (01-09) its own 01-05")

        let quality = try nianbao("quality", "--config", "Config/levels.yaml", "--year", "2024", "--format", "csv")
        let onTime = Dictionary(
            try CSV<Named>(string: quality.stdout).rows.map { ($0["单位编号"] ?? "", $0["按时"] ?? "") },
            uniquingKeysWith: { first, _ in first })
        #expect(onTime["meiling"] == "0" && onTime["anhai"] == "0" && onTime["shenhu"] == "0")
        #expect(onTime["luoshan"] == "1" && onTime["xiyuan"] == "1" && onTime["cizao"] == "1")

        let written = try nianbao("workbook", "--config", "Config/levels.yaml", "--year", "2024", "--out", "2024.xlsx")
        #expect(written.status == 0, "\(written.stderr)")
        if XLSXReadBack.available {
            let overview = try #require(try XLSXReadBack.read(directory.path("2024.xlsx")).data["概况"])
            let header = try #require(overview.rows.dropFirst().first).map { $0?.csvText ?? "" }
            let late = try #require(header.firstIndex(of: "逾期"))
            let lateInSheet = overview.rows.dropFirst(2).filter { $0.count > late && $0[late] == .text("是") }
                .compactMap { $0.first??.csvText }
            #expect(Set(lateInSheet) == ["shenhu", "meiling", "anhai"])
            let dictionary = try #require(try XLSXReadBack.read(directory.path("2024.xlsx")).data["数据字典"])
            #expect(
                dictionary.rows.contains { row in
                    row.count > 2 && row[0] == .text("概况") && row[1] == .text("逾期")
                        && row[2]?.csvText.contains("另有规定的类别或单位按其截止日") == true
                })
        }
    }
}
