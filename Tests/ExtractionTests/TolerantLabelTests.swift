import Testing

@testable import Extraction

@Suite("Labels matched with misprints, never loosely")
struct TolerantLabelTests {
    let rows: [(key: String, keywords: [String])] = [
        ("internal_affairs", ["内部事务"]), ("unclear", ["仍不明确"]), ("repeat", ["重复申请"]),
        ("mass_repeat", ["大量反复"]), ("petition", ["信访", "举报投诉"]),
    ]

    @Test func aWrongDroppedOrDoubledCharacterStillNamesItsRow() {
        #expect(TolerantLabel.closest("5.属于三类内部事物信息", among: rows)?.key == "internal_affairs")
        #expect(TolerantLabel.closest("3.补正后申请内容仍不明", among: rows)?.key == "unclear")
        #expect(TolerantLabel.closest("2.重复复申请", among: rows)?.key == "repeat")
    }

    @Test func twoRowsEquallyCloseAreRefused() {
        // One edit from 大量反复 and one from 重复申请: no guess.
        #expect(TolerantLabel.closest("4.无正当理由大量返复申请", among: rows) == nil)
    }

    @Test func shortKeywordsAndFarLabelsMatchNothing() {
        #expect(TolerantLabel.closest("信仿举报", among: [("petition", ["信访"])]) == nil)
        #expect(TolerantLabel.closest("（七）总计", among: rows) == nil)
    }

    @Test func distanceIsToTheClosestStretch() {
        #expect(TolerantLabel.distance(Array("内部事务"), within: Array("属于三类内部事务信息")) == 0)
        #expect(TolerantLabel.distance(Array("内部事务"), within: Array("属于三类内部事物信息")) == 1)
        #expect(TolerantLabel.distance(Array("仍不明确"), within: Array("内容仍不明")) == 1)
    }

    @Test func misprintedRowsOfTable3AreRead() {
        let extractor = Table3Extractor(format: .v2021)
        #expect(extractor.rowKey(labels: ["（三）不予公开", "5.属于三类内部事物信息"]) == "result.denied.internal_affairs")
        #expect(extractor.rowKey(labels: ["（五）不予处理", "2.重复复申请"]) == "result.rejected.repeat")
        #expect(Table2Extractor(format: .v2021).row(for: "行政处法")?.prefix == "t2.penalty")
    }
}
