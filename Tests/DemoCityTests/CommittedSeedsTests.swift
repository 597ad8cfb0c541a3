import DemoCity
import Foundation
import TestSupport
import Testing

@Suite("The committed demo city is exactly what the generator makes")
struct CommittedSeedsTests {
    @Test func everySeedFileMatchesTheGenerator() throws {
        for report in DemoCity.reports {
            let committed = [UInt8](
                try Data(
                    contentsOf: RepositoryPaths.seeds.appendingPathComponent(
                        report.isRealSeed ? report.fileName : "demo/\(report.fileName)")))
            if let generated = DemoCity.bytes(of: report) {
                #expect(committed == generated, "\(report.fileName) differs: run `swift run nianbao-demo`")
            } else {
                #expect(String(decoding: committed, as: UTF8.self).contains("罗山街道2017年政府信息公开工作年度报告"))
            }
        }
        let config = try String(contentsOf: RepositoryPaths.config, encoding: .utf8)
        #expect(config == DemoConfig.yaml())
    }

    @Test func theDemoShowsWhatItPromises() {
        let reports = DemoCity.reports
        #expect(reports.count == 19 * 9 - 1, "19 units × 2017–2025, one not published")
        #expect(Set(reports.map(\.format)) == [.old, .v2019, .v2021])
        #expect(reports.contains { $0.encoding != .utf8 })
        #expect(reports.filter { !$0.plantedFailures.isEmpty }.count == 4, "three planted + the seed's own misprint")
        #expect(DemoCity.report("zimao", 2025) == nil)
        for report in reports where !report.isRealSeed {
            let text = String(decoding: DemoCity.bytes(of: report) ?? [], as: UTF8.self)
            #expect(report.encoding != .utf8 || text.contains("示例数据"), "\(report.fileName) says it is demo data")
        }
    }
}

@Suite("The speed batch")
struct DemoBatchTests {
    @Test func aBatchMixesFormatsAndEncodingsAndIsWrittenWhole() throws {
        let batch = DemoBatch.reports(count: 40)
        #expect(batch.count == 40)
        #expect(Set(batch.map(\.format)) == [.old, .v2019, .v2021])
        #expect(Set(batch.map(\.fileName)).count == 40, "file names are unique")
        let pages = batch.filter { $0.fileKind == .html }
        #expect(pages.filter { $0.encoding == .gbk }.count == pages.count / 8, "one page in eight is GB18030")
        let folder = try TemporaryDirectory()
        let written = try DemoBatch.write(count: 40, to: folder.url)
        #expect(written.files.count == 40)
        let sizes = try written.files.map { try Data(contentsOf: $0).count }
        #expect(sizes.reduce(0, +) == written.bytes)
        for report in batch where report.encoding != .utf8 {
            let bytes = [UInt8](try Data(contentsOf: folder.url.appendingPathComponent(report.fileName)))
            #expect(String(validating: bytes, as: UTF8.self) == nil, "\(report.fileName) is written in GB18030")
        }
    }

    @Test func publishedPagesAreAsLargeAsRealOnesAndCompactOnesAreNot() throws {
        let published = try DemoBatch.write(count: 90, to: TemporaryDirectory().url)
        let compact = try DemoBatch.write(count: 90, compact: true, to: TemporaryDirectory().url)
        #expect(
            (20_000...30_000).contains(published.bytes / 90), "published reports average \(published.bytes / 90) bytes")
        #expect(compact.bytes / 90 < 10_000, "compact reports average \(compact.bytes / 90) bytes")
    }

    @Test func pagesPastedFromWordCarryItsMarkupAndTypedPagesDoNot() throws {
        let pages = DemoBatch.reports(count: 36).filter { $0.fileKind == .html && $0.encoding == .utf8 }
        for page in pages {
            let html = String(decoding: DemoCity.bytes(of: page) ?? [], as: UTF8.self)
            let pasted = page.layout == .pastedFromWord
            #expect(html.contains("class=\"MsoNormal\"") == pasted, "\(page.fileName)")
            #expect(html.contains("<h2>") == !pasted, "\(page.fileName)")
            #expect(
                html.contains("<td style=\"border:solid windowtext 1pt\"><p align=\"center\">") == pasted,
                "\(page.fileName)")
            #expect(
                html.contains("<span>自然</span><span>人</span>") == pasted, "\(page.fileName): a label split across runs")
            #expect(
                (html.firstMatch(of: /<span lang="EN-US">\d<\/span><span lang="EN-US">\d+<\/span>/) != nil) == pasted,
                "\(page.fileName): a number split across runs")
            #expect(html.contains("网站标识码"), "\(page.fileName) is a whole portal page")
            #expect(html.contains("（五）监督保障"), "\(page.fileName) has the full prose")
        }
    }
}
