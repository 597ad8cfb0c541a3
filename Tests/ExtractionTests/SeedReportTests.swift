import Documents
import Extraction
import ReportModel
import TestSupport
import Testing

@Suite("The real seed report (罗山街道 2017)")
struct SeedReportTests {
    let result: ExtractionResult

    init() throws {
        result = try Extractor.extract(try DocumentReader.read(contentsOf: RepositoryPaths.seedReport))
    }

    @Test func readsFormatUnitAndYear() {
        #expect(result.format == .old)
        #expect(result.year == 2017)
        #expect(result.unit == "罗山街道")
    }

    @Test func readsTheAppendixTableExactly() {
        let values = result.values
        let expected: [String: Double] = [
            "old.proactive.total": 181, "old.proactive.cumulative": 1051,
            "old.channel.website": 181, "old.channel.website_cumulative": 1051,
            "old.channel.gazette": 0, "old.apply.received": 0, "old.apply.in_person": 0, "old.apply.online": 0,
            "old.apply.letter": 0, "old.answer.total": 0, "old.answer.granted": 0, "old.answer.partial": 0,
            "old.answer.denied": 0, "old.answer.other": 0, "old.fee_waiver_yuan": 0, "old.review.total": 0,
            "old.litigation.total": 0,
        ]
        for (code, value) in expected { #expect(values[code] == .value(value), "\(code)") }
        #expect(values["old.complaints"] == .notPrinted, "the 申诉 row prints no number: missing, not 0")
    }

    @Test func readsTheSameWhateverTheLineEnds() throws {
        let text = try String(contentsOf: RepositoryPaths.seedReport, encoding: .utf8)
        for ending in ["\r\n", "\r"] {
            let bytes = Array(text.replacingOccurrences(of: "\n", with: ending).utf8)
            let read = try Extractor.extract(try DocumentReader.read(bytes, fileName: "luoshan-2017.txt"))
            #expect(
                read.values == result.values && read.year == 2017 && read.unit == "罗山街道", "\(ending.debugDescription)")
        }
    }

    @Test func readsProseFigures() {
        let values = result.values
        #expect(values["s1.proactive_items"] == .value(181))
        #expect(values["s1.applications"] == .value(0))
        #expect(values["s6.processing_fee_yuan"] == .value(0))
    }

    @Test func keepsTheCategoryBreakdownAndFlagsTheWrongPercentage() throws {
        #expect(result.items.count == 14)
        #expect(result.items.first == LabelledItem(label: "机构职能、人事类信息", count: 11, percent: 6))
        let sum = try #require(result.audit.first { $0.rule == "old.categories.sum" })
        #expect(sum.status == .pass)
        let percent = try #require(result.audit.first { $0.rule == "old.categories.percent" })
        #expect(percent.status == .fail, "15 of 181 is 8.3%, the report prints 8.1%")
        #expect(percent.message.contains("重大建设项目类信息"))
        #expect(!result.audit.contains { $0.status == .fail && $0.rule != "old.categories.percent" })
    }
}
