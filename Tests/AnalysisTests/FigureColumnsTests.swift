import Analysis
import ReportModel
import Testing

@Suite("Figures of many reports in one block")
struct FigureColumnsTests {
    let codes = ["t3.total.new_received", "t4.review.total"]

    @Test func aSlotTellsAPrintedValueFromAPrintedBlankFromNothing() {
        // Report 0 prints both; report 1 prints a blank total and not the other code.
        let columns = FigureColumns(codes: codes, slots: [.value(7), .value(0), .blank, .notPrinted])
        let first = FigureValues(columns, row: 0)
        let second = FigureValues(columns, row: 1)
        #expect(first["t3.total.new_received"] == .value(7))
        #expect(first["t4.review.total"] == .value(0), "0 is printed, not missing")
        #expect(second["t3.total.new_received"] == .blank, "a printed blank")
        #expect(second["t4.review.total"] == .notPrinted, "not printed")
        #expect(first["t4.review.corrected"] == .notPrinted, "a code the block does not hold")
        #expect(second.dictionary == ["t3.total.new_received": Double?.none])
        #expect(
            first == FigureValues(["t4.review.total": 0, "t3.total.new_received": 7]), "the same figures are equal")
        #expect(first != second)
    }

    @Test func ratesAndSeriesResolveFromTheBlockAsFromADictionary() {
        let rateCodes = ["t4.review.corrected", "t4.review.total"]
        let columns = FigureColumns(
            codes: rateCodes, slots: [.value(3), .value(40), .value(1), .value(0), .notPrinted, .value(10)])
        let rows = (0..<3).map {
            UnitYearFigures(unitId: "u\($0)", year: 2025, format: .v2021, values: FigureValues(columns, row: $0))
        }
        let resolver = IndicatorValue.Resolver(indicator("rate.review_corrected"), minimumDenominator: 0)
        #expect(resolver.resolve(rows[0]).value == 3.0 / 40 && resolver.resolve(rows[0]).status == .ranked)
        #expect(resolver.resolve(rows[1]).status == .noDenominator)
        #expect(resolver.resolve(rows[2]).status == .notPrinted)
        let series = IndicatorValue.Resolver(indicator("series.review"), minimumDenominator: 0)
        #expect(series.resolve(rows[0]).value == 40)
    }

    @Test func aTrendRowFindsItsCellByYear() {
        let data = [
            UnitYearFigures(unitId: "a", year: 2020, format: .v2019, values: ["t3.total.new_received": 2]),
            UnitYearFigures(unitId: "a", year: 2022, format: .v2021, values: ["t3.total.new_received": 5]),
        ]
        let units = [UnitInfo(id: "a", name: "单位a", kind: "镇")]
        let trend = TrendBuilder.trend(
            indicator("t3.total.new_received"), years: [2020, 2021, 2022], units: units, figures: data)
        let row = trend.rows[0]
        #expect(row.cells.count == 3)
        #expect(row[2020]?.value == 2 && row[2021]?.status == .missing && row[2022]?.value == 5)
        #expect(row[2019] == nil && row[2023] == nil, "years outside the table")
        #expect(row.values == [2020: 2, 2022: 5])
        let gapped = TrendBuilder.trend(
            indicator("t3.total.new_received"), years: [2020, 2022], units: units, figures: data)
        #expect(gapped.rows[0][2022]?.value == 5 && gapped.rows[0][2021] == nil, "years need not follow each other")
    }
}
