import Foundation
import SwiftCSV
import TestSupport
import Testing

/// `nianbao workbook` on the demo city: read back by openpyxl against the CSV exports, and rendered by LibreOffice.
@Suite("The office's workbook", .serialized)
struct WorkbookEndToEndTests: RunsNianbaoInFolder {
    static let sheetNames = ["概况", "排名", "趋势", "质量", "问题清单", "全市汇总", "口径说明", "数据字典"]

    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory.withDemoCity()
    }

    /// The data rows of a sheet: below the title and header, down to the blank row before the notes.
    static func dataRows(_ sheet: XLSXReadBack.Sheet) -> [[XLSXReadBack.Value?]] {
        Array(sheet.rows.dropFirst(2).prefix { row in row.contains { $0 != nil } })
    }

    /// The data rows of the block under `caption` on a sheet laid out in blocks: below its header, down to the
    /// next blank row, as wide as its header.
    static func blockRows(_ sheet: XLSXReadBack.Sheet, caption: String) -> [[XLSXReadBack.Value?]] {
        guard let start = sheet.rows.firstIndex(where: { $0.first == .text(caption) }), start + 1 < sheet.rows.count,
            let width = sheet.rows[start + 1].lastIndex(where: { $0 != nil }).map({ $0 + 1 })
        else { return [] }
        return sheet.rows[(start + 2)...].prefix { row in row.contains { $0 != nil } }.map { Array($0.prefix(width)) }
    }

    /// A CSV's rows as text, without the header and without the formula guard's leading `'`.
    func csvRows(_ text: String) throws -> [[String]] {
        try CSV<Enumerated>(string: text).rows.map { row in row.map { $0.hasPrefix("'") ? String($0.dropFirst()) : $0 }
        }
    }

    func csvFile(_ arguments: String...) throws -> [[String]] {
        let result = try BinaryRunner.run(arguments + ["--profile", "plain", "--out", "export.csv"], in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
        return try csvRows(try String(contentsOf: directory.path("export.csv"), encoding: .utf8))
    }

    static func texts(_ rows: [[XLSXReadBack.Value?]]) -> [[String]] {
        rows.map { row in row.map { $0?.csvText ?? "" } }
    }

    @Test(.enabled(if: XLSXReadBack.available, "python3-openpyxl is installed by .ci/run"))
    func theWorkbookHoldsTheExportsValuesWithTheirTypes() throws {
        #expect(try nianbao("collect", "--quiet").status == 0)
        let written = try nianbao("workbook", "--year", "2025", "--out", "2025.xlsx")
        #expect(written.status == 0, "\(written.stderr)")
        let book = try XLSXReadBack.read(directory.path("2025.xlsx"))
        #expect(book.sheets == Self.sheetNames)

        let rankings = try #require(book.data["排名"])
        #expect(Self.texts(Self.dataRows(rankings)) == (try csvFile("export", "rankings", "--year", "2025")))
        #expect(
            Self.dataRows(rankings).allSatisfy { row in
                if case .text = row[0] { return true } else { return false }
            }, "指标代码 is text")

        let totals = try #require(book.data["全市汇总"])
        let printedTotals = try nianbao("totals", "--year", "2025", "--format", "csv")
        #expect(
            Self.texts(Self.blockRows(totals, caption: "主要指标合计与层级汇总核对（同 nianbao totals）"))
                == (try csvRows(printedTotals.stdout)), "the template's tables are checked in CityTablesEndToEndTests")

        let problems = try #require(book.data["问题清单"])
        let printedProblems = try nianbao("problems", "--year", "2025", "--format", "csv")
        #expect(Self.texts(Self.dataRows(problems)) == (try csvRows(printedProblems.stdout)))

        let trends = Self.dataRows(try #require(book.data["趋势"]))
        let applications = trends.filter { $0.first == .text("series.applications") }.map { Array($0.dropFirst(2)) }
        #expect(
            Self.texts(applications)
                == (try csvFile(
                    "export", "trends", "--indicator", "series.applications", "--layout", "wide", "--year", "2025")))
        #expect(Set(trends.compactMap { $0.first??.csvText }).count == 4, "the four headline indicators")

        let overview = try #require(book.data["概况"])
        let luoshan = try #require(Self.dataRows(overview).first { $0.first == .text("luoshan") })
        #expect(luoshan[2] == .text("350582004") && luoshan[3] == .number(2025), "行政区划代码 as text, the year as a number")
        let status = try nianbao("status", "--year", "2025", "--format", "csv")
        #expect(
            Self.texts(Self.dataRows(overview)).map { row in row.enumerated().filter { $0.offset != 2 }.map(\.element) }
                == (try csvRows(status.stdout)))

        for name in Self.sheetNames {
            let sheet = try #require(book.data[name])
            #expect(
                sheet.freeze?.hasSuffix(name == "全市汇总" ? "2" : "3") == true,
                "\(name): the title (and header) stay in view")
            #expect(sheet.orientation == "landscape" && sheet.paper == 9, "\(name): A4 landscape")
            #expect(sheet.titleRows != nil, "\(name): the title and header repeat on every page")
        }
        let quality = Self.dataRows(try #require(book.data["质量"]))
        #expect(
            quality.count == 19
                && quality.allSatisfy { row in row[2] == nil || { if case .number = row[2]! { true } else { false } }()
                })
        #expect(try nianbao("workbook", "--year", "2022", "--out", "2022.xlsx").status == 0)
        let problems2022 = Self.dataRows(try #require(try XLSXReadBack.read(directory.path("2022.xlsx")).data["问题清单"]))
        #expect(problems2022.count == 2, "陈埭镇's two failed checks")
        let validation = try #require(
            try XLSXReadBack.read(directory.path("2022.xlsx")).data["问题清单"]?.validations.first)
        #expect(validation["range"] == "I3:I4" && validation["type"] == "list", "the 状态 column offers the statuses")
        #expect(
            validation["formula"]??.contains("wont_fix") == true && validation["formula"]??.contains("已发单位") == true)
        #expect(
            Self.texts(problems2022)
                == (try csvRows(try nianbao("problems", "--year", "2022", "--format", "csv").stdout)))
        let dictionary = Self.dataRows(try #require(book.data["数据字典"]))
        #expect(dictionary.contains { $0[0] == .text("排名") && $0[1] == .text("名次") })
    }

    @Test(
        .enabled(
            if: Tools.has("soffice") && Tools.has("pdftotext") && Tools.has("pdftoppm"),
            "LibreOffice (soffice) renders the workbook, pdftotext and pdftoppm (poppler-utils) read the rendering"))
    func libreOfficeRendersTheSheets() throws {
        #expect(try nianbao("collect", "--quiet").status == 0)
        #expect(try nianbao("workbook", "--year", "2025", "--out", "2025.xlsx").status == 0)
        let profile = directory.path("lo-profile").absoluteString
        let convert = try BinaryRunner.run(
            [
                "--headless", "-env:UserInstallation=\(profile)", "--convert-to", "pdf",
                "--outdir", directory.url.path, "2025.xlsx",
            ],
            in: directory.url, program: URL(fileURLWithPath: try #require(Tools.path(of: "soffice"))))
        #expect(convert.status == 0, "\(convert.stderr)")
        let pdf = directory.path("2025.pdf")
        let text = try BinaryRunner.run(
            ["-layout", pdf.path, "-"], in: directory.url,
            program: URL(fileURLWithPath: try #require(Tools.path(of: "pdftotext"))))
        #expect(text.stdout.contains("晋江市2025年度报告 概况：覆盖与及时性"), "the 概况 sheet is printed with its title")
        #expect(text.stdout.contains("晋江市2025年度报告 主要指标排名"), "and the 排名 sheet")
        #expect(text.stdout.contains("罗山街道") && text.stdout.contains("350582004"))
        let render = try BinaryRunner.run(
            ["-png", "-r", "60", "-f", "1", "-l", "2", pdf.path, directory.path("page").path],
            in: directory.url, program: URL(fileURLWithPath: try #require(Tools.path(of: "pdftoppm"))))
        #expect(render.status == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
            .filter { $0.hasPrefix("page-") && $0.hasSuffix(".png") }.sorted()
        #expect(pages.count == 2, "pdftoppm names them page-1.png or page-01.png by the page count: \(pages)")
        for page in pages {
            let png = [UInt8](try Data(contentsOf: directory.path(page)))
            #expect(
                png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "\(page) is a real page, not blank")
        }
    }
}
