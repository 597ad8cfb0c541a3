import ReportModel
import Testing

@testable import Extraction

@Suite("A report's figures, one per code")
struct FigureSetTests {
    @Test func aCodePrintedTwiceKeepsItsFirstValueAndPlaceAndIsNotedWhenTheValuesDiffer() throws {
        let code = "t3.total.new_received"
        let other = try #require(IndicatorCatalogue.all.map(\.code).first { $0 != code })
        var set = FigureSet()
        set.add(code, CellValue.parse("12"), table: "表三", row: "一、本年新收政府信息公开申请数量", column: "总计")
        set.add(other, CellValue.parse("3"), table: "表二", row: "规章", column: "本年新制发件数")
        set.add(code, CellValue.parse("12"), table: "表三", row: "一、本年新收政府信息公开申请数量", column: "总计")
        #expect(set.warnings.isEmpty)
        set.add(code, CellValue.parse("15"), table: "附表", row: "申请数", column: "合计")
        #expect(set.figures.map(\.code) == [code, other])
        #expect(set[code]?.value == 12)
        #expect(set[other]?.value == 3)
        #expect(set.warnings == ["\(code) printed twice: 12 (kept) and 15 (附表 申请数)"])
        // A code outside the catalogue is not a figure.
        set.add("not.a.code", CellValue.parse("1"), table: "表三", row: "x", column: "y")
        #expect(set.figures.count == 2)
    }
}
