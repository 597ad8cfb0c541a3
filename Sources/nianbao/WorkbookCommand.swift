import ArgumentParser
import Export
import Foundation
import Workbook

struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "One Excel/WPS workbook of a year: 概况, 排名, 趋势, 质量, 问题清单, 全市汇总, 口径说明, 数据字典.",
        discussion: """
            The sheets hold the same values as the CSV exports (排名 = export rankings, 全市汇总 = totals), numbers
            as numbers and codes as text, with frozen headers and A4 landscape print setup.
            Example:
              nianbao workbook --year 2025 --out 2025.xlsx
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The report year (default: the latest year with a stored report).") var year: Int?
    @Option(help: "The .xlsx file to write.") var out: String

    func validate() throws {
        guard out.lowercased().hasSuffix(".xlsx") else {
            throw ValidationError("--out must name an .xlsx file (given: \(out))")
        }
    }

    func run() throws {
        Problems.sync(try global.loadConfiguration())
        let queries = try global.queries()
        let sheets = try Failure.guarding {
            let reportYear = try year ?? queries.latestYear()
            return (reportYear, try OfficeWorkbook.sheets(queries, year: reportYear))
        }
        do {
            try XLSXWorkbook.write(
                sheets.1, title: "\(queries.configuration.city)\(sheets.0)年度报告工作簿",
                to: URL(fileURLWithPath: out))
        } catch let error as WorkbookWriteError {
            throw Failure(message: "\(error)", code: .usage).exit()
        }
        FileHandle.standardError.write(Data("wrote \(sheets.1.count) sheets to \(out)\n".utf8))
    }
}
