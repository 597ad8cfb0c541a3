import Analysis
import ReportModel
import Testing

@Suite("Rankings")
struct RankerTests {
    let units = ["a", "b", "c", "d", "e", "f"].map { UnitInfo(id: $0, name: "单位\($0)", kind: $0 < "d" ? "街道" : "镇") }

    func figures(_ year: Int, _ values: [String: [String: Double?]]) -> [UnitYearFigures] {
        values.map { UnitYearFigures(unitId: $0.key, year: year, format: .v2021, values: $0.value) }
    }

    @Test func tiesShareAPlaceAndMissingUnitsAreNeverRankedAsZero() {
        let data = figures(
            2025,
            [
                "a": ["t3.total.new_received": 10], "b": ["t3.total.new_received": 20],
                "c": ["t3.total.new_received": 20], "d": ["t3.total.new_received": 5],
                "e": ["t4.review.total": 1],
            ])
        let ranking = Ranker.rank(indicator("t3.total.new_received"), year: 2025, units: units, figures: data)
        #expect(ranking.rows.map(\.unit.id) == ["b", "c", "a", "d", "e", "f"])
        #expect(ranking.rows.map(\.rank) == [1, 1, 3, 4, nil, nil])
        #expect(ranking.rows[4].status == .notPrinted)
        #expect(ranking.rows[5].status == .missing)
        #expect(ranking.cityTotal == 55)
        #expect(ranking.reportingUnits == 4)
        #expect(ranking.rows[2].share == 10.0 / 55)
        #expect(ranking.rows.map(\.percentile) == [100, 100, 1.0 / 3 * 100, 0, nil, nil])
    }

    @Test func lowerIsBetterForCorrectionRatesAndSmallDenominatorsAreNotRanked() {
        let data = figures(
            2025,
            [
                "a": ["t4.review.corrected": 1, "t4.review.total": 40],
                "b": ["t4.review.corrected": 8, "t4.review.total": 40],
                "c": ["t4.review.corrected": 0, "t4.review.total": 31],
                "d": ["t4.review.corrected": 1, "t4.review.total": 2],
                "e": ["t4.review.corrected": 0, "t4.review.total": 0],
            ])
        let ranking = Ranker.rank(
            indicator("rate.review_corrected"), year: 2025, units: units, figures: data, minimumDenominator: 30)
        #expect(ranking.rows.map(\.unit.id) == ["c", "a", "b", "d", "e", "f"])
        #expect(ranking.rows.map(\.rank) == [1, 2, 3, nil, nil, nil])
        #expect(ranking.rows.map(\.status) == [.ranked, .ranked, .ranked, .tooFew, .noDenominator, .missing])
        #expect(ranking.rows[3].value == 0.5, "too few to rank, but the value is shown")
        #expect(ranking.cityTotal == nil, "rates are not summed")
    }

    @Test func peerGroupsAndChangeSinceLastYear() {
        let data =
            figures(2024, ["a": ["t3.total.new_received": 30], "b": ["t3.total.new_received": 10]])
            + figures(
                2025,
                [
                    "a": ["t3.total.new_received": 5], "b": ["t3.total.new_received": 12],
                    "d": ["t3.total.new_received": 99],
                ])
        let ranking = Ranker.rank(
            indicator("t3.total.new_received"), year: 2025, units: units, figures: data, group: "街道")
        #expect(ranking.rows.map(\.unit.id) == ["b", "a", "c"])
        #expect(
            ranking.rows[0].rankChange == 1 && ranking.rows[0].valueChange == 2 && ranking.rows[0].previousRank == 2)
        #expect(ranking.rows[1].rankChange == -1 && ranking.rows[1].valueChange == -25)
    }

    @Test func seriesJoinBothFormatsAndSayWhereTheBreakIs() {
        let data = [
            UnitYearFigures(unitId: "a", year: 2018, format: .old, values: ["old.apply.received": 4]),
            UnitYearFigures(unitId: "a", year: 2019, format: .v2019, values: ["t3.total.new_received": 6]),
            UnitYearFigures(unitId: "b", year: 2019, format: .v2019, values: ["t3.total.new_received": 0]),
        ]
        let trend = TrendBuilder.trend(
            indicator("series.applications"), years: [2018, 2019], units: Array(units.prefix(2)),
            figures: data)
        #expect(trend.rows[0][2018]?.value == 4)
        #expect(trend.rows[0][2019]?.value == 6)
        #expect(trend.rows[0][2019]?.change == 2)
        #expect(trend.rows[0][2019]?.percentChange == 50)
        #expect(trend.rows[1][2018]?.status == .missing)
        #expect(trend.cityTotal[2019]?.value == 6 && trend.cityTotal[2019]?.change == 2)
        #expect(trend.reporting[2019] == 2)
        #expect(trend.notes.contains { $0.contains("2018→2019") && $0.contains("口径") })
        let raw = TrendBuilder.trend(
            indicator("t3.total.new_received"), years: [2018, 2019], units: units, figures: data)
        #expect(raw.notes.contains { $0.contains("series.*") })
    }
}
