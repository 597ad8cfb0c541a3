import Foundation
import TestSupport
import Testing

/// `nianbao report` of an earlier year on the demo city: nothing from later years, coverage stated, the city named,
/// units without a rate in one line.
@Suite("The HTML report of a year", .serialized)
struct YearReportTests {
    @Test func theReportOf2024ShowsNoLaterYearAndSaysWhoReported() throws {
        let directory = try TemporaryDirectory.withDemoCity()
        #expect(try BinaryRunner.run(["collect", "--quiet"], in: directory.url).status == 0)
        #expect(try BinaryRunner.run(["report", "--year", "2024", "--out", "r.html"], in: directory.url).status == 0)
        let html = try String(contentsOf: directory.path("r.html"), encoding: .utf8)
        #expect(!html.contains(">2025</text>"), "no chart reaches past 2024")
        #expect(html.contains(">2024</text>") && html.contains(">2017</text>"))
        #expect(html.contains("晋江市收到申请数（可比序列），各年有数的单位（共 19 个）：2017 年 19、"), "coverage per charted year")
        #expect(html.contains(">晋江市收到申请数（可比序列）</text>") && !html.contains(">全市"), "the city is named")
        // A rate's units without a rate are named once, in the caption, not drawn as rows of 样本过少.
        #expect(!html.contains(">样本过少</text>") && html.contains("；样本过少：安海镇、"))
    }
}
