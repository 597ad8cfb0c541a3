import Documents
import Extraction
import TestSupport
import Testing

@Suite("Figures stated in sentences")
struct ProseFigureTests {
    func read(_ text: String) throws -> [String: Double?] {
        let result = try Extractor.extract(try DocumentReader.read(Array(text.utf8), fileName: "report.txt"))
        return Dictionary(uniqueKeysWithValues: result.values.inCatalogueOrder.map { ($0.code, $0.value) })
    }

    @Test func theSeedsNoticeboardCountIsRead() throws {
        let result = try Extractor.extract(try DocumentReader.read(contentsOf: RepositoryPaths.seedReport))
        #expect(result.values["old.channel.noticeboard"] == .value(112))
    }

    @Test func theYearsTotalIsNotACountInBrackets() throws {
        let values = try read(
            """
            示例镇人民政府2016年政府信息公开工作年度报告
            一、概述
            全年共公开政府信息1730条（其中主动公开规范性文件412条），在政府网站公开信息1500条。
            回应公众关注热点5次。本年度未收到政府信息公开申请。未发生行政复议和行政诉讼。
            """)
        #expect(values["old.proactive.total"] == .some(1730))
        #expect(values["old.channel.website"] == .some(1500))
        #expect(values["old.response.hotspots"] == .some(5))
        #expect(values["old.apply.received"] == .some(0))
        #expect(values["old.review.total"] == .some(0) && values["old.litigation.total"] == .some(0))
    }

    @Test func aCountOnlyInsideBracketsIsNotTheTotal() throws {
        let values = try read(
            """
            示例镇人民政府2016年政府信息公开工作年度报告
            依申请公开：本年度未收到申请（其中主动公开政府信息412条）。
            """)
        #expect(values["old.proactive.total"] == nil)
    }
}
