/// A rate computed from extracted figures, never extracted itself.
public struct DerivedRate: Sendable, Hashable {
    /// The rate code, for example `rate.disclosed`.
    public let code: String
    /// The Chinese name.
    public let label: String
    /// Codes summed into the numerator.
    public let numerator: [String]
    /// Codes summed into the denominator.
    public let denominator: [String]
    /// Which way is better when ranked.
    public let direction: RankDirection
    /// The formula as printed in method notes.
    public var formula: String { "(\(numerator.joined(separator: " + "))) ÷ (\(denominator.joined(separator: " + ")))" }

    /// The four rates of `docs/indicators.md`.
    public static let all: [DerivedRate] = [
        DerivedRate(
            code: "rate.disclosed", label: "实质公开率",
            numerator: ["t3.total.result.granted", "t3.total.result.partial"],
            denominator: ["t3.total.result.total"], direction: .higherIsBetter),
        DerivedRate(
            code: "rate.review_corrected", label: "复议纠错率",
            numerator: ["t4.review.corrected"], denominator: ["t4.review.total"], direction: .lowerIsBetter),
        DerivedRate(
            code: "rate.litigation_corrected", label: "诉讼纠错率",
            numerator: ["t4.lit_direct.corrected", "t4.lit_after_review.corrected"],
            denominator: ["t4.lit_direct.total", "t4.lit_after_review.total"], direction: .lowerIsBetter),
        DerivedRate(
            code: "rate.carried_forward", label: "结转率",
            numerator: ["t3.total.carried_forward"],
            denominator: ["t3.total.new_received", "t3.total.carried_over"], direction: .lowerIsBetter),
    ]

    private static let byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The rate named `code`, if any.
    public static func named(_ code: String) -> DerivedRate? { byCode[code] }

    /// The rate and its denominator in one report's figures; nil when an operand is missing or the denominator is 0.
    public func evaluate(_ figures: [String: Double?]) -> (rate: Double, denominator: Double)? {
        evaluate { figures[$0].flatMap { $0 } }
    }

    /// The rate and its denominator in a report whose printed numbers `figure` looks up by code (nil: not printed
    /// or printed blank).
    public func evaluate(_ figure: (String) -> Double?) -> (rate: Double, denominator: Double)? {
        func sum(_ codes: [String]) -> Double? {
            var total = 0.0
            for code in codes {
                guard let value = figure(code) else { return nil }
                total += value
            }
            return total
        }
        guard let top = sum(numerator), let bottom = sum(denominator), bottom > 0 else { return nil }
        return (top / bottom, bottom)
    }
}
