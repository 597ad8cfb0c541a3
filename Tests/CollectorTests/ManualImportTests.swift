import Foundation
import ReportModel
import Storage
import SwiftCSV
import TestSupport
import Testing

@testable import Collector
@testable import DemoCity

@Suite("Importing figures typed by hand")
struct ManualImportTests {
    @Test func importedFiguresAreStoredAuditedAndKeptThroughReextract() throws {
        let demo = try DemoCopy()
        let csv = """
            \u{FEFF}单位编号,年度,指标代码,数值,备注
            zimao,2025,t3.total.new_received,5,第3页
            zimao,2025,t3.natural.new_received,4,
            zimao,2025,t3.commercial.new_received,2,"表三，第一行"
            zimao,2025,t4.review.total,,印为空白
            """
        let file = try demo.directory.write("zimao-2025.csv", csv)
        let imported = try ManualImport.run(demo.configuration, file: file, source: "扫描件")
        #expect(imported.count == 1)
        #expect(imported[0].format == .v2021 && imported[0].figures == 4)
        #expect(imported[0].failedRules == ["t3.row.new_received"], "5 ≠ 4 + 2 is flagged like any report")
        let store = try demo.store
        let stored = try store.figures(units: ["zimao"])
        #expect(stored.first { $0.code == "t3.total.new_received" }?.kind == .manual)
        #expect(stored.first { $0.code == "t3.total.new_received" }?.provenance.row == "扫描件")
        #expect(stored.first { $0.code == "t3.commercial.new_received" }?.provenance.column == "表三，第一行")
        #expect(stored.first { $0.code == "t4.review.total" }.map { $0.value == nil } == true)
        #expect(try store.reportSummaries(year: 2025).first { $0.unitId == "zimao" }?.status == .manual)
        _ = try Reextract.run(demo.configuration, year: 2025)
        #expect(try store.figureValues(unitId: "zimao", year: 2025)?["t3.total.new_received"] == .some(5))
    }

    @Test func theArchivedRowsKeepANoteWithLineBreaksInOneField() throws {
        let demo = try DemoCopy()
        let csv =
            "unit,year,code,value,note\r\nzimao,2025,t3.total.new_received,5,\"第3页\r\n左栏\"\r\n"
            + "zimao,2025,t4.review.total,1,\"第4页\"\r\n"
        let file = try demo.directory.write("zimao-2025.csv", csv)
        _ = try ManualImport.run(demo.configuration, file: file, source: nil)
        let store = try demo.store
        let id = try #require(
            try store.latestVersionIds(year: 2025).first {
                try store.documentVersion(id: $0)?.unitId == "zimao"
            })
        let archived = String(decoding: try #require(try store.documentVersion(id: id)).content, as: UTF8.self)
        let rows = try CSV<Enumerated>(string: archived, delimiter: .comma).rows
        #expect(rows.count == 2, "two figures, two rows: \(archived)")
        #expect(rows.first?.last == "第3页\r\n左栏")
    }

    @Test func aCSVThatExcelSavedInGBKIsReadLikeUTF8() throws {
        let demo = try DemoCopy()
        let csv = "单位编号,年度,指标代码,数值,备注\r\nzimao,2025,t3.total.new_received,5,第3页\r\n"
        let file = demo.directory.path("zimao-gbk.csv")
        try Data(GB18030Encoder.encode(csv)).write(to: file)
        #expect(try [UInt8](Data(contentsOf: file)) != Array(csv.utf8), "the file is not UTF-8")
        let imported = try ManualImport.run(demo.configuration, file: file, source: nil)
        #expect(imported.count == 1 && imported[0].figures == 1)
        let stored = try demo.store.figures(units: ["zimao"]).first { $0.code == "t3.total.new_received" }
        #expect(stored?.value == 5 && stored?.provenance.column == "第3页")

        try Data([0x00, 0xFF, 0xFE, 0x81]).write(to: file)
        #expect { try ManualImport.run(demo.configuration, file: file, source: nil) } throws: { error in
            "\(error)".contains("cannot read the file as UTF-8 or GBK text")
        }
    }

    @Test func oneBadRowAndNothingIsImported() throws {
        let demo = try DemoCopy()
        let csv = """
            unit,year,code,value
            zimao,2025,t3.total.new_received,5
            nowhere,2025,t3.total.new_received,5
            zimao,20x5,t3.bogus,五
            zimao,2025,t3.total.new_received,6
            """
        let file = try demo.directory.write("bad.csv", csv)
        #expect {
            try ManualImport.run(demo.configuration, file: file, source: nil)
        } throws: { error in
            let text = "\(error)"
            return text.contains("line 3: unit 'nowhere' is not in the config")
                && text.contains(
                    "line 4: year '20x5' is not a report year; code 't3.bogus' is not in docs/indicators.md; value '五' is not a number"
                )
                && text.contains("line 5: t3.total.new_received for zimao 2025 already given on line 2")
        }
        #expect(!FileManager.default.fileExists(atPath: demo.configuration.database.path), "nothing was written")
    }

    @Test func theFormatFollowsTheCodes() {
        #expect(ManualImport.inferFormat(["old.proactive.total"], year: 2020) == .old)
        #expect(ManualImport.inferFormat(["t3.total.result.other"], year: 2022) == .v2019)
        #expect(ManualImport.inferFormat(["t2.norm.made"], year: 2020) == .v2021)
        #expect(ManualImport.inferFormat(["t3.total.new_received"], year: 2020) == .v2019)
    }
}
