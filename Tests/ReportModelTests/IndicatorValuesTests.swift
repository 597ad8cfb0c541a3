import ReportModel
import Testing

@Suite("A report's values held by catalogue position")
struct IndicatorValuesTests {
    @Test func aBlankIsPrintedAnAbsentCodeIsNotAndCodesOutsideTheCatalogueAreNoFigures() {
        var values: IndicatorValues = ["t3.total.new_received": 12, "t3.total.result.total": nil, "not.a.code": 5]
        #expect(values["t3.total.new_received"] == .value(12))
        #expect(values["t3.total.result.total"] == .blank, "printed blank")
        #expect(values["t3.total.carried_over"] == .notPrinted, "not printed")
        #expect(values["not.a.code"] == .notPrinted)
        values["not.a.code"] = .value(1)
        let printed = values.inCatalogueOrder
        #expect(printed.map(\.code) == ["t3.total.new_received", "t3.total.result.total"])
        #expect(printed.map(\.value) == [12, nil])
        #expect(IndicatorValues(["t3.total.result.total": nil, "t3.total.new_received": 12]) == values)
        let position = try? #require(IndicatorCatalogue.position(of: "t3.total.carried_over"))
        values[position: position ?? 0] = .value(4)
        #expect(values["t3.total.carried_over"] == .value(4))
    }

    @Test func codesComeInCatalogueOrderOrInTheByteOrderOfSortedJSONKeys() {
        let codes = [
            "t4.review.total", "s1.proactive_items", "t2.reg.made", "t3.natural.new_received", "t2v19.reg.new_made",
        ]
        var values = IndicatorValues()
        for (index, code) in codes.enumerated() { values[code] = .value(Double(index)) }
        let catalogue = IndicatorCatalogue.all.map(\.code)
        #expect(values.inCatalogueOrder.map(\.code) == catalogue.filter(codes.contains))
        #expect(
            values.inCodeByteOrder.map(\.code) == codes.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) })
        #expect(values.inCodeByteOrder.first { $0.code == "t2.reg.made" }?.value == 2)
    }
}
