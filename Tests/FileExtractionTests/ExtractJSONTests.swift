import Foundation
import ReaderWorkers
import TestSupport
import Testing

@testable import FileExtraction

@Suite("nianbao extract's JSON is the text Foundation's encoder writes")
struct ExtractJSONTests {
    private func encoded(_ output: FileExtraction.Output) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(output))
    }

    @Test func everyDemoReportAndTheSeedWriteTheEncodersText() throws {
        let demo = RepositoryPaths.seeds.appendingPathComponent("demo")
        let files =
            try FileManager.default.contentsOfDirectory(atPath: demo.path).sorted()
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".txt") }.map { demo.appendingPathComponent($0).path }
            + [RepositoryPaths.seedReport.path]
        #expect(files.count > 150)
        for file in files {
            let output = FileExtraction.extract(file, year: nil, unit: nil, readers: DocumentReaders(.inProcess))
            #expect(output.prettyJSON == (try encoded(output)), "\(file)")
        }
    }

    @Test func escapesNumbersNullsAndEmptyPartsAsTheEncoderDoes() throws {
        let tricky = "引号\"反斜杠\\ 换行\n回车\r制表\t退格\u{8}换页\u{C}控制\u{1}\u{1F} 删除\u{7F} 斜杠/ 中文 \u{2028}"
        let outputs = [
            FileExtraction.Output(
                file: "a/b \(tricky).html", format: "2021", year: 2025, unit: tricky, published: "2026-01-20",
                figures: [
                    "t3.total.new_received": 181, "t2.fee.amount_wan": 12.5, "t3.total.result.total": nil,
                    "t4.review.upheld": 1e-7, "t4.review.corrected": 1e16, "t4.review.other": 1e15,
                    "t4.review.pending": -3, "t4.review.total": 0.30000000000000004,
                    "t4.lit_direct.upheld": 99_999_999_999_999.9, "t4.lit_direct.total": 0, "s1.proactive_items": -0.0,
                ],
                audit: [FileExtraction.AuditLine(rule: "t3.balance.total", status: "fail", message: tricky)],
                warnings: [tricky, ""], error: nil),
            FileExtraction.Output(
                file: "x.txt", format: "unknown", year: nil, unit: nil, published: nil, figures: [:],
                audit: [], warnings: [], error: "not a report: \(tricky)"),
        ]
        #expect(outputs[0].figures.inCodeByteOrder.count == 11, "every code is an indicator")
        for output in outputs {
            #expect(output.prettyJSON == (try encoded(output)))
        }
    }
}
