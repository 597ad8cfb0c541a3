import Foundation
import Testing

@testable import Analysis

@Suite("Quality scores")
struct QualityScorerTests {
    let units = (0..<5).map { UnitInfo(id: "u\($0)", name: "单位\($0)", kind: "镇") }
    /// Sentences 1–3 are template wording every report prints; 10+ are each report's own.
    func input(
        _ index: Int, onTime: Bool? = true, obtainable: Bool = true, parts: (Int, Int)? = (9, 9), failed: Int = 0,
        changed: Bool = false, own: [Int64], previous: [Int64]? = nil, day: Int = 10
    ) -> QualityInput {
        QualityInput(
            unit: units[index], hasReport: true, onTime: onTime, obtainable: obtainable, parts: parts,
            failedRules: failed, changed: changed, sentences: [1, 2, 3] + own, previousSentences: previous,
            published: Date(timeIntervalSince1970: Double(day) * 86_400))
    }

    @Test func eachComponentAndTheWeightedTotal() {
        let inputs = [
            input(0, own: [10, 11, 12, 13]),
            input(1, onTime: false, failed: 2, own: [20, 21, 22, 23]),
            input(2, obtainable: false, parts: (6, 9), changed: true, own: [30, 31, 32, 33]),
            input(3, parts: nil, own: [40, 41, 42, 43], previous: [1, 2, 40, 41, 42, 43]),
            QualityInput(
                unit: units[4], hasReport: false, onTime: nil, obtainable: false, parts: nil, failedRules: 0,
                changed: false, sentences: [], previousSentences: nil),
        ]
        let scores = QualityScorer.score(inputs)
        #expect(scores[0].total == 100)
        #expect(scores[1].components["on_time"] == 0 && scores[1].components["consistent"] == 0.5)
        #expect(scores[1].total == 67.5, "100 − 20 (late) − 12.5 (half of consistent)")
        #expect(scores[2].components["complete"] == 2.0 / 3 && scores[2].components["stable"] == 0)
        let expected2: Double = 20 + 0 + 25 * 2.0 / 3 + 25 + 0 + 10
        #expect(scores[2].total == (expected2 * 10).rounded() / 10)
        #expect(scores[3].components["complete"] == nil, "a hand-typed report is not assessed for completeness")
        #expect(scores[3].similarityToPrevious == 1, "the template sentences 1–3 do not count; 40–43 are all copied")
        #expect(scores[3].components["original"] == 0)
        let expected3: Double = (20 + 10 + 25 + 10) / 0.75
        #expect(scores[3].total == (expected3 * 10).rounded() / 10)
        #expect(scores[4].total == nil)
    }

    @Test func copyingAnotherUnitCountsAgainstTheLaterReportOnly() {
        let scores = QualityScorer.score([
            input(0, own: [10, 11, 12, 13], day: 5),
            input(1, own: [10, 11, 12, 14], day: 9),
            input(2, own: [50, 51, 52, 53], day: 1), input(3, own: [60, 61], day: 2), input(4, own: [70], day: 3),
        ])
        #expect(scores[1].similarityToOthers?.unitId == "u0")
        #expect(scores[1].similarityToOthers?.value == 3.0 / 5)
        #expect(scores[1].components["original"] == 1, "0.6 is not above the 0.6 threshold")
        #expect(scores[0].similarityToOthers?.value == 0, "the original is not blamed for the later copy")
        let strict = QualityScorer.score([
            input(0, own: [10, 11, 12, 13], day: 5), input(1, own: [10, 11, 12, 13, 14], day: 9),
        ])
        // With two reports no sentence is template wording (that needs 3): 7 of 8 sentences are shared.
        #expect(strict[1].similarityToOthers?.value == 7.0 / 8)
        #expect(strict[1].components["original"] == 1 - (7.0 / 8 - 0.6) / 0.4)
    }

    /// The copy check looks only at reports that share a sentence; it must find what comparing every pair in order
    /// finds: the most similar earlier (or same-day) report, the first of equals, the first candidate at 0 when
    /// none shares a sentence, none when there is no candidate.
    @Test func theMostSimilarEarlierReportIsWhatComparingEveryPairFinds() {
        struct Generator: RandomNumberGenerator {  // SplitMix64: all 64 bits vary
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
                mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
                return mixed ^ (mixed >> 31)
            }
        }
        var random = Generator(state: 42)
        var (sharing, notSharing) = (0, 0)
        for round in 0..<20 {
            let inputs = (0..<40).map { index -> QualityInput in
                let unit = UnitInfo(id: "r\(round)u\(index)", name: "单位", kind: "镇")
                let sentences = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                    Int64.random(in: 1...12, using: &random)
                }
                let day = Int.random(in: 0...4, using: &random)
                return QualityInput(
                    unit: unit, hasReport: Int.random(in: 0..<10, using: &random) > 0, onTime: true,
                    obtainable: true, parts: nil, failedRules: 0, changed: false, sentences: sentences,
                    previousSentences: nil,
                    published: day == 0 ? nil : Date(timeIntervalSince1970: Double(day) * 86_400))
            }
            let weights = QualityWeights()
            let scores = QualityScorer.score(inputs, weights: weights)
            // The specification: every other report in order, the first strictly better one kept.
            let template = QualityScorer.templateSentences(inputs.map(\.sentences), share: weights.templateShare)
            let own = inputs.map { Set($0.sentences).subtracting(template) }
            for (index, input) in inputs.enumerated() where input.hasReport {
                var expected: (value: Double, unitId: String)?
                for (other, sentences) in own.enumerated()
                where other != index && inputs[other].hasReport
                    && !QualityScorer.isLater(inputs[other].published, than: input.published)
                {
                    let value = QualityScorer.jaccard(own[index], sentences)
                    if value > (expected?.value ?? -1) { expected = (value, inputs[other].unit.id) }
                }
                if let expected { if expected.value > 0 { sharing += 1 } else { notSharing += 1 } }
                #expect(scores[index].similarityToOthers?.value == expected?.value, "round \(round), report \(index)")
                #expect(scores[index].similarityToOthers?.unitId == expected?.unitId, "round \(round), report \(index)")
            }
        }
        #expect(sharing > 200 && notSharing > 20, "both cases were met: \(sharing) sharing, \(notSharing) not")
    }
}

@Suite("City totals and 层级汇总")
struct TotalsTests {
    let units = [
        UnitInfo(id: "district", name: "区", kind: "区"), UnitInfo(id: "a", name: "甲", kind: "镇", parent: "district"),
        UnitInfo(id: "b", name: "乙", kind: "镇", parent: "district"), UnitInfo(id: "c", name: "丙", kind: "镇"),
    ]

    func figures(_ values: [String: Double?]) -> [UnitYearFigures] {
        values.map {
            UnitYearFigures(unitId: $0.key, year: 2025, format: .v2021, values: ["t3.total.new_received": $0.value])
        }
    }

    @Test func theCityTotalLeavesOutSummariesAndMissingUnits() {
        let totals = Totals.cityTotals(
            ["t3.total.new_received", "series.applications"].map(indicator), year: 2025, units: units,
            figures: figures(["district": 30, "a": 10, "b": 12]))
        #expect(totals[0].total == 22 && totals[0].reporting == 2 && totals[0].units == 3)
        #expect(totals[1].total == 22)
        let none = Totals.cityTotals(
            ["t4.review.total"].map(indicator), year: 2025, units: units, figures: figures(["a": 1]))
        #expect(none[0].total == nil, "nobody prints it: missing, not 0")
    }

    /// Amounts in 万元 add up to what a person would write, and a summary printing that sum agrees with it.
    @Test func moneyAddsUpWithoutBinaryNoise() {
        let amounts: [String: Double?] = ["district": 504.72, "a": 123.45, "b": 381.27]
        let figures = amounts.map {
            UnitYearFigures(unitId: $0.key, year: 2025, format: .v2021, values: ["t2.fee.amount_wan": $0.value])
        }
        let totals = Totals.cityTotals([indicator("t2.fee.amount_wan")], year: 2025, units: units, figures: figures)
        #expect(totals[0].total == 504.72 && "\(totals[0].total ?? 0)" == "504.72")
        let rollUp = Totals.rollUps([indicator("t2.fee.amount_wan")], year: 2025, units: units, figures: figures)
        #expect(rollUp[0].childrenSum == 504.72 && rollUp[0].verdict == "一致")
    }

    @Test func aSummaryReportIsComparedWithTheSumOfItsUnits() {
        let mismatch = Totals.rollUps(
            ["t3.total.new_received"].map(indicator), year: 2025, units: units,
            figures: figures(["district": 30, "a": 10, "b": 12]))
        #expect(mismatch.count == 1)
        #expect(mismatch[0].printed == 30 && mismatch[0].childrenSum == 22 && mismatch[0].verdict == "不一致")
        let match = Totals.rollUps(
            ["t3.total.new_received"].map(indicator), year: 2025, units: units,
            figures: figures(["district": 22, "a": 10, "b": 12]))
        #expect(match[0].verdict == "一致")
        let partial = Totals.rollUps(
            ["t3.total.new_received"].map(indicator), year: 2025, units: units,
            figures: figures(["district": 22, "a": 10]))
        #expect(partial[0].verdict == "下级缺报，无法核对" && partial[0].childrenReporting == 1)
    }
}
