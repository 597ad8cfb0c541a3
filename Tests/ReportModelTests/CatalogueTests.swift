import ReportModel
import Testing

@Suite("Indicator catalogue")
struct CatalogueTests {
    @Test func codesAreUniqueAndLabelled() {
        let codes = IndicatorCatalogue.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(IndicatorCatalogue.all.allSatisfy { !$0.label.isEmpty && !$0.formats.isEmpty })
    }

    @Test func tableThreeHasSevenColumnsForEveryRowOfBothTemplates() {
        let t3 = IndicatorCatalogue.all.filter { $0.code.hasPrefix("t3.") }
        // 26 rows (2019: 23 + 2021: 25, sharing 22) × 7 columns
        #expect(t3.count == Table3Layout.rows.count * 7)
        #expect(Table3Layout.resultParts(for: .v2019).count == 19)
        #expect(Table3Layout.resultParts(for: .v2021).count == 21)
        for code in [
            "t3.total.new_received", "t3.natural.result.denied.third_party", "t3.legal.carried_forward",
            "t3.other_org.result.other.misc", "t3.total.result.other",
        ] {
            #expect(IndicatorCatalogue.indicator(code) != nil, "\(code)")
        }
        #expect(IndicatorCatalogue.indicator("t3.total.result.other")?.formats == [.v2019])
    }

    @Test func everyCodeFamilyOfTheSpecIsPresent() {
        let expected = [
            "t2.reg.made", "t2.norm.valid", "t2.license.decisions", "t2.fee.amount_wan",
            "t2v19.reg.new_made", "t2v19.other_service.change", "t2v19.procurement.amount_wan",
            "t4.review.upheld", "t4.lit_direct.pending", "t4.lit_after_review.total",
            "s1.proactive_items", "s1.applications", "s6.processing_fee_yuan",
            "old.proactive.total", "old.channel.website_cumulative", "old.response.press_conferences_leader",
            "old.apply.email", "old.answer.denied.not_gov_info", "old.litigation.corrected",
            "old.org.budget_wan", "old.trainees", "old.consultations",
        ]
        for code in expected { #expect(IndicatorCatalogue.indicator(code) != nil, "\(code)") }
        #expect(Table4Layout.codes.count == 15)
    }

    @Test func directionsFollowTheMeaning() {
        #expect(DerivedRate.named("rate.review_corrected")?.direction == .lowerIsBetter)
        #expect(DerivedRate.named("rate.disclosed")?.direction == .higherIsBetter)
    }
}

@Suite("Series and derived rates")
struct SeriesAndRateTests {
    @Test func seriesPicksTheCodesOfEachSideOfTheBreak() {
        let litigation = ComparableSeries.named("series.litigation")
        #expect(litigation?.value(in: ["t4.lit_direct.total": 2, "t4.lit_after_review.total": 3], format: .v2021) == 5)
        #expect(litigation?.value(in: ["old.litigation.total": 4], format: .old) == 4)
        #expect(litigation?.value(in: ["t4.lit_direct.total": 2], format: .v2021) == nil, "a missing part is missing")
    }

    @Test func aRateWithZeroDenominatorIsMissingNotZero() {
        let rate = DerivedRate.named("rate.review_corrected")!
        #expect(rate.evaluate(["t4.review.corrected": 0, "t4.review.total": 0]) == nil)
        let evaluated = rate.evaluate(["t4.review.corrected": 1, "t4.review.total": 4])
        #expect(evaluated?.rate == 0.25)
        #expect(evaluated?.denominator == 4)
        #expect(DerivedRate.named("rate.disclosed")!.evaluate(["t3.total.result.granted": 3]) == nil)
    }

    @Test func formatsAndNumbersPrintLikeReports() {
        #expect(ReportFormat.expected(forYear: 2018) == .old)
        #expect(ReportFormat.expected(forYear: 2020) == .v2019)
        #expect(ReportFormat.expected(forYear: 2021) == .v2021)
        #expect(NumberText.format(26) == "26")
        #expect(NumberText.format(12.35) == "12.35")
        #expect(NumberText.format(nil) == "")
    }
}
