import Export
import Foundation
import TestSupport
import Testing
import Workbook

/// The .xlsx writer read back by openpyxl: types, layout and print setup.
@Suite("The xlsx writer")
struct XLSXWorkbookTests {
    static let table = DataTable(
        columns: [
            TableColumn("单位编号", meaning: "id"), TableColumn("行政区划代码", meaning: "code"),
            TableColumn("数值", meaning: "value"), TableColumn("说明", meaning: "note"),
        ],
        rows: [
            [.text("luoshan"), .text("0350582004"), .number(41), .text("=SUM(A1)")],
            [.text("xibin"), .text(""), .number(nil), .text("-3")],
            [.text("city"), .text("350582"), .number(12.5), .text("全市合计")],
        ],
        notes: ["缺报不按0计"])

    @Test(.enabled(if: XLSXReadBack.available, "python3-openpyxl is installed by .ci/run"))
    func cellsKeepTheirTypesAndSheetsTheirPrintSetup() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("book.xlsx")
        try XLSXWorkbook.write(
            [
                WorkbookSheet(name: "概况", title: "标题", table: Self.table, frozenColumns: 1),
                WorkbookSheet(name: "空表", title: "无数据", table: DataTable(columns: [], rows: [])),
            ],
            title: "测试", to: file)
        let book = try XLSXReadBack.read(file)
        #expect(book.sheets == ["概况", "空表"])
        let sheet = try #require(book.data["概况"])
        #expect(sheet.rows[0][0] == .text("标题"))
        #expect(sheet.merged == ["A1:D1"])
        #expect(sheet.rows[1].map { $0?.csvText } == ["单位编号", "行政区划代码", "数值", "说明"])
        #expect(sheet.rows[2] == [.text("luoshan"), .text("0350582004"), .number(41), .text("=SUM(A1)")])
        #expect(sheet.rows[3] == [.text("xibin"), nil, nil, .text("-3")], "missing is an empty cell, never 0")
        #expect(sheet.rows[4][2] == .number(12.5))
        #expect(sheet.rows[6][0] == .text("缺报不按0计"), "notes follow a blank row")
        #expect(sheet.freeze == "B3")
        #expect(sheet.orientation == "landscape" && sheet.paper == 9)
        #expect(sheet.titleRows?.contains("1:$2") == true || sheet.titleRows == "1:2")
        #expect(sheet.autofilter == "A2:D5")
        #expect((sheet.widths["B"] ?? 0) >= 12, "wide enough for the code")
        #expect(book.data["空表"]?.rows.first?.first == .text("无数据"))
    }

    @Test(.enabled(if: XLSXReadBack.available, "python3-openpyxl is installed by .ci/run"))
    func blocksFollowTheMainTableEachUnderItsCaptionAndHeader() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("book.xlsx")
        let block = DataTable(
            columns: [
                TableColumn("申请人情况", meaning: "row"), TableColumn("自然人", meaning: "a"),
                TableColumn("总计", meaning: "b"),
            ],
            rows: [[.text("一、本年新收"), .number(3), .number(nil)]], notes: ["块的说明"])
        var sheet = WorkbookSheet(name: "全市汇总", title: "汇总", table: Self.table)
        sheet.blocks = [SheetBlock(caption: "表三", table: block), SheetBlock(caption: "表三：各格计入单位数", table: block)]
        try XLSXWorkbook.write([sheet], title: "测试", to: file)
        let read = try #require(try XLSXReadBack.read(file).data["全市汇总"])
        #expect(read.rows[5].allSatisfy { $0 == nil }, "a blank row after the main table's three rows")
        #expect(
            read.rows[6].first == .text("表三") && read.rows[7].prefix(3).map { $0?.csvText } == ["申请人情况", "自然人", "总计"])
        #expect(Array(read.rows[8].prefix(3)) == [.text("一、本年新收"), .number(3), nil], "missing is empty in a block too")
        #expect(read.rows[10].first == .text("表三：各格计入单位数") && read.rows[12].first == .text("一、本年新收"))
        #expect(read.rows[14].first == .text("缺报不按0计") && read.rows[15].first == .text("块的说明"), "all notes at the end")
        #expect(
            read.freeze == "A2" && read.titleRows?.contains("2") == false, "only the title stays in view and repeats")
        #expect(read.autofilter == nil, "no filter over a form")
    }

    @Test func aFolderThatDoesNotExistIsNamedInTheError() throws {
        let path = "/nonexistent-\(getpid())/book.xlsx"
        #expect {
            try XLSXWorkbook.write(
                [WorkbookSheet(name: "表", title: "t", table: Self.table)], title: "t",
                to: URL(fileURLWithPath: path))
        } throws: { error in
            (error as? WorkbookWriteError)?.description.contains(path) == true
        }
    }

    @Test func aBadSheetNameIsRefused() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: WorkbookWriteError.self) {
            try XLSXWorkbook.write(
                [WorkbookSheet(name: "a/b", title: "t", table: Self.table)], title: "t",
                to: directory.path("bad.xlsx"))
        }
        #expect(
            !FileManager.default.fileExists(atPath: directory.path("bad.xlsx").path), "no half-written file is left")
    }
}

/// The .xlsx reader on what the writer writes.
@Suite("The xlsx reader")
struct XLSXReaderTests {
    @Test func readsBackTextAndNumbersByPosition() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("book.xlsx")
        try XLSXWorkbook.write(
            [
                WorkbookSheet(name: "其他", title: "t", table: XLSXWorkbookTests.table),
                WorkbookSheet(name: "问题清单", title: "标题", table: XLSXWorkbookTests.table),
            ],
            title: "t", to: file)
        let rows = try XLSXReader.rows(ofSheet: "问题清单", in: file)
        #expect(rows[0].first == "标题")
        #expect(rows[1] == ["单位编号", "行政区划代码", "数值", "说明"])
        #expect(rows[2] == ["luoshan", "0350582004", "41", "=SUM(A1)"])
        #expect(rows[4] == ["city", "350582", "12.5", "全市合计"])
        #expect(throws: WorkbookReadError.self) { try XLSXReader.rows(ofSheet: "无此表", in: file) }
        #expect(throws: WorkbookReadError.self) {
            try XLSXReader.rows(ofSheet: "问题清单", in: directory.path("missing.xlsx"))
        }
    }
}
