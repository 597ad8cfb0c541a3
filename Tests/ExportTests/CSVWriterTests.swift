import Export
import Foundation
import SwiftCSV
import Testing

@Suite("CSV for analysts")
struct CSVWriterTests {
    let table = DataTable(
        columns: [
            TableColumn("单位名称", meaning: "名称"), TableColumn("行政区划代码", meaning: "代码"),
            TableColumn("数值", meaning: "值", unit: "件"),
        ],
        rows: [
            [.text("=1+1"), .text("010"), .number(-3)], [.text("罗山, \"街道\"\n第二行"), .text("350582002"), .number(nil)],
            [.text("@SUM(A1)"), .text("-x"), .number(12.35)],
        ])

    func write(_ profile: CSVProfile) throws -> (URL, [UInt8]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(UUID().uuidString).csv")
        try CSVWriter.export(table, to: url, profile: profile)
        return (url, [UInt8](try Data(contentsOf: url)))
    }

    @Test func excelProfileHasBomAndCRLFAndGuardsOnlyText() throws {
        let (url, bytes) = try write(.excel)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("单位名称,行政区划代码,数值\r\n'=1+1,010,-3\r\n"))
        #expect(text.contains("\"罗山, \"\"街道\"\"\n第二行\",350582002,\r\n"), "missing is an empty cell, never 0")
        #expect(text.contains("'@SUM(A1),'-x,12.35\r\n"), "numbers are never altered")
        let dictionary = try String(
            contentsOf: url.deletingPathExtension().appendingPathExtension("dictionary.csv"), encoding: .utf8)
        #expect(dictionary.contains("数值,值,件,"))
    }

    /// SwiftCSV, a standard CSV parser written independently of nianbao's writer, reads back the same values.
    @Test func plainProfileRoundTripsThroughAStandardParser() throws {
        let (_, bytes) = try write(.plain)
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let csv = try CSV<Enumerated>(string: String(decoding: bytes, as: UTF8.self), delimiter: .comma)
        #expect(csv.header == ["单位名称", "行政区划代码", "数值"])
        #expect(
            csv.rows == [
                ["'=1+1", "010", "-3"], ["罗山, \"街道\"\n第二行", "350582002", ""], ["'@SUM(A1)", "'-x", "12.35"],
            ])
    }

    @Test func aLineBreakOfEitherKindInsideAFieldIsQuoted() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(UUID().uuidString).csv")
        let breaks = DataTable(
            columns: [TableColumn("说明", meaning: "说明"), TableColumn("数值", meaning: "值")],
            rows: [[.text("甲\r\n乙"), .number(1)], [.text("丙\r丁"), .number(2)]])
        try CSVWriter.export(breaks, to: url, profile: .plain)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"甲\r\n乙\",1\n") && text.contains("\"丙\r丁\",2\n"))
        let csv = try CSV<Enumerated>(string: text, delimiter: .comma)
        #expect(csv.rows.count == 2, "each field stays in its row")
    }

    @Test func terminalTablesAlignChineseByDisplayWidth() {
        let rendered = TextTableRenderer.render(table).split(separator: "\n")
        #expect(TextTableRenderer.displayWidth("罗山a") == 5)
        #expect(rendered.count >= 5)
    }
}
