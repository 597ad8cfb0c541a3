import Foundation
import SwiftCSV
import TestSupport
import Testing

/// The workbook's 全市汇总 on the demo city: tables 二, 三 and 四 in the template's layout, every cell equal to
/// `nianbao totals` of the code `nianbao indicators` places at that row and column, with the units counted and
/// the gaps of each 层级汇总.
@Suite("全市汇总 in the template's layout", .serialized)
struct CityTablesEndToEndTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
        for folder in ["Config", "Seeds"] {
            try FileManager.default.copyItem(
                at: RepositoryPaths.root.appendingPathComponent(folder), to: directory.path(folder))
        }
        // 梅岭街道, 西园街道 and 紫帽镇 (no 2025 report) roll up into 青阳街道.
        var config = try String(contentsOf: directory.path("Config/nianbao.yaml"), encoding: .utf8)
        for name in ["梅岭街道", "西园街道", "紫帽镇"] {
            config = config.replacingOccurrences(
                of: "    name: \(name)\n", with: "    name: \(name)\n    parent: qingyang\n")
        }
        try directory.write("Config/levels.yaml", config)
    }

    func nianbao(_ arguments: [String]) throws -> BinaryRunner.Result {
        let result = try BinaryRunner.run(arguments, in: directory.url)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    /// One cell of a template block read back: which table, row and column it stands at, and its value.
    struct PlacedCell {
        var table: String, row: String, column: String, value: XLSXReadBack.Value?, isCount: Bool
    }

    /// The cells of every block captioned 表二/表三/表四, with the row and column `nianbao indicators` names.
    static func templateCells(_ sheet: XLSXReadBack.Sheet) -> [PlacedCell] {
        var cells: [PlacedCell] = []
        var index = 0
        while index < sheet.rows.count {
            let row = sheet.rows[index]
            guard case .text(let caption)? = row.first ?? nil, caption.hasPrefix("表"),
                row.dropFirst().allSatisfy({ $0 == nil }),
                index + 1 < sheet.rows.count
            else {
                index += 1
                continue
            }
            let table = String(caption.prefix(2))
            let item = caption.components(separatedBy: "第二十条").dropFirst().first?.components(separatedBy: "：").first
            // A header row spanning several columns (法人或其他组织, 行政复议) comes first when there is one.
            let hasGroups = sheet.rows[index + 1].first == .some(nil)
            let groups = hasGroups ? Self.spread(sheet.rows[index + 1].map { $0?.csvText ?? "" }) : []
            let header = sheet.rows[index + (hasGroups ? 2 : 1)].map { $0?.csvText ?? "" }
            index += hasGroups ? 3 : 2
            while index < sheet.rows.count, let label = sheet.rows[index].first ?? nil {
                for (position, value) in sheet.rows[index].enumerated().dropFirst()
                where position < header.count && !header[position].isEmpty {
                    var rowName = label.csvText
                    let column = header[position].replacingOccurrences(of: "单位：", with: "")
                    if let item { rowName = "\(item) \(rowName)" }
                    if table == "表四", position < groups.count { rowName = groups[position] }
                    cells.append(
                        PlacedCell(
                            table: table, row: rowName, column: column, value: value,
                            isCount: caption.hasSuffix("各格计入单位数")))
                }
                index += 1
            }
        }
        return cells
    }

    /// A merged header row as openpyxl reads it (the text in the first cell of each merged range, the rest
    /// empty), each column given the text of the range it lies in.
    static func spread(_ row: [String]) -> [String] {
        var last = ""
        return row.map { text in
            if !text.isEmpty { last = text }
            return last
        }
    }

    /// Each code's city total and units counted, as `nianbao totals --format csv` prints them.
    func printedTotals(year: Int, codes: [String], config: String) throws -> [String: (
        total: Double?, counted: Double?
    )] {
        let printed = try nianbao(
            ["totals", "--config", config, "--year", String(year), "--format", "csv"]
                + codes.flatMap { ["--indicator", $0] })
        let rows = try CSV<Named>(string: printed.stdout).rows.filter { $0["范围"] == "全市" }
        return Dictionary(
            rows.map { ($0["指标代码"] ?? "", (Double($0["合计"] ?? ""), Double($0["有数单位"] ?? ""))) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Checks the template blocks of `year`'s workbook against `totals`; returns the codes found.
    func checkTemplateCells(year: Int, format: String, config: String) throws -> Set<String> {
        #expect(
            try nianbao(["workbook", "--config", config, "--year", String(year), "--out", "\(year).xlsx"]).status == 0)
        let sheet = try #require(try XLSXReadBack.read(directory.path("\(year).xlsx")).data["全市汇总"])
        let indicators = try CSV<Named>(string: try nianbao(["indicators", "--format", "csv"]).stdout).rows
            .filter { ($0["格式"] ?? "").split(separator: " ").contains(Substring(format)) }
        let codes = Dictionary(
            indicators.map { ("\($0["表"] ?? "")|\($0["行"] ?? "")|\($0["列"] ?? "")", $0["code"] ?? "") },
            uniquingKeysWith: { first, _ in first })
        let cells = Self.templateCells(sheet)
        var placed: [String] = []
        var expected: [(String, Bool, XLSXReadBack.Value?)] = []
        for cell in cells {
            guard let code = codes["\(cell.table)|\(cell.row)|\(cell.column)"] else {
                if cell.value == nil { continue }  // a heading row, such as 三、本年度办理结果
                Issue.record("\(cell.table) \(cell.row) \(cell.column): no code of `nianbao indicators` stands there")
                continue
            }
            if !cell.isCount { placed.append(code) }
            expected.append((code, cell.isCount, cell.value))
        }
        #expect(Set(placed).count == placed.count, "each code stands once")
        let totals = try printedTotals(year: year, codes: Array(Set(placed)).sorted(), config: config)
        for (code, isCount, value) in expected {
            let printed = isCount ? totals[code]?.counted : totals[code]?.total
            switch value {
            case .number(let number)?:
                #expect(
                    abs(number - (printed ?? .nan)) < 1e-9,
                    "\(code): \(number) ≠ totals' \(String(describing: printed))")
            default: #expect(printed == nil, "\(code): empty cell, totals prints \(String(describing: printed))")
            }
        }
        return Set(placed)
    }

    @Test(.enabled(if: XLSXReadBack.available, "python3-openpyxl is installed by .ci/run"))
    func theTemplatesTablesEqualTotalsWithUnitsCountedAndGaps() throws {
        _ = try nianbao(["collect", "--quiet"])
        let codes2021 = try checkTemplateCells(year: 2025, format: "2021", config: "Config/levels.yaml")
        #expect(codes2021.count == 10 + 25 * 7 + 15, "table 二's ten cells, table 三's 25 rows × 7 columns, table 四's 15")
        #expect(codes2021.contains("t3.natural.result.other.misc") && codes2021.contains("t2.fee.amount_wan"))

        let sheet = try #require(try XLSXReadBack.read(directory.path("2025.xlsx")).data["全市汇总"])
        let gaps = Array(sheet.rows.dropFirst(2).prefix { row in row.contains { $0 != nil } })
        #expect(
            gaps.map { Array($0.prefix(6)) } == [
                [.text("全市"), .number(18), .number(17), .text("紫帽镇"), nil, nil],
                [.text("青阳街道"), .number(3), .number(2), .text("紫帽镇"), nil, nil],
            ], "青阳街道 sums three units: the city counts the three instead of it")
        #expect(sheet.rows[4].allSatisfy { $0 == nil } && sheet.rows[5].first == .text("表二 第二十条第（一）项"))
        let printed = try nianbao(["totals", "--config", "Config/levels.yaml", "--year", "2025", "--format", "csv"])
        #expect(
            WorkbookEndToEndTests.texts(
                WorkbookEndToEndTests.blockRows(sheet, caption: "主要指标合计与层级汇总核对（同 nianbao totals）"))
                == (try CSV<Enumerated>(string: printed.stdout).rows), "the roll-up checks of 青阳街道 too")
        #expect(printed.stdout.contains("青阳街道,"))

        let codes2019 = try checkTemplateCells(year: 2020, format: "2019", config: "Config/nianbao.yaml")
        #expect(
            codes2019.count == 23 * 7 + 15 && codes2019.contains("t3.total.result.other"),
            "2019: （六）其他处理 is one row, no table 二")
        let notes = try #require(try XLSXReadBack.read(directory.path("2020.xlsx")).data["全市汇总"]).rows.compactMap {
            $0.first ?? nil
        }
        #expect(notes.contains(.text("版式为2019年模板的表三、表四；其表二的采购总金额有元与万元两种口径，不按模板汇总")))
    }
}
