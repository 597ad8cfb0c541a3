import Documents
import Testing

@testable import Extraction

@Suite("The publication date printed on a report")
struct PublicationDateTests {
    private func date(_ text: String, paragraphs: [String] = [], year: Int? = 2024) -> String? {
        let document = Document(
            kind: .html, encoding: nil, title: nil, paragraphs: paragraphs, tables: [], links: [],
            warnings: [])
        return PublicationDateReader.read(document, fullText: text, reportYear: year)
    }

    @Test func aFieldDateIsReadInEveryPrintedForm() {
        #expect(date("发布日期：2025-03-05 来源：本站") == "2025-03-05")
        #expect(date("公开日期: 2025年3月5日") == "2025-03-05")
        #expect(date("发布时间 2025 / 1 / 20 10:32") == "2025-01-20")
        #expect(date("成文日期2025.12.31") == "2025-12-31")
        #expect(date("发布日期：2025-03-051") == "2025-03-05", "a day has at most two digits")
    }

    @Test func aDateThatCannotBeThePublicationIsPassedOverForTheNextField() {
        // The report year's own dates, impossible months and days, and broken dates are not publication dates.
        #expect(date("成文日期：2024-12-30 发布日期：2025-01-15") == "2025-01-15")
        #expect(date("发布日期：2025-13-01 公开日期：2025-02-30") == "2025-02-30", "only the ranges are checked")
        #expect(date("发布日期：2025-13-01") == nil)
        #expect(date("发布日期：20251-01-01") == nil)
        #expect(date("发布日期：2025年") == nil)
        #expect(date("发布日期：2025-01-01", year: nil) == "2025-01-01")
        #expect(date("没有日期的页面") == nil)
    }

    @Test func theSignatureDateIsTheFallbackAmongTheLastParagraphs() {
        let ending = ["某某街道办事处", "2025年 1月 31日"]
        #expect(date("", paragraphs: ["正文"] + ending) == "2025-01-31")
        #expect(date("发布日期：2025-02-01", paragraphs: ending) == "2025-02-01", "a field wins")
        #expect(date("", paragraphs: ["2025年1月31日 以后"]) == nil, "a signature is the whole paragraph")
        #expect(date("", paragraphs: ["2024年12月31日"]) == nil, "inside the report year")
        #expect(
            date("", paragraphs: ["2025年1月31日"] + Array(repeating: "正文", count: 6)) == nil,
            "only the last six paragraphs")
    }
}
