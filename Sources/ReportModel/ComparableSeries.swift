/// A figure that can be followed across the 2019 format break (with a 口径 note wherever it is).
public struct ComparableSeries: Sendable, Hashable {
    /// The series code, for example `series.applications`.
    public let code: String
    /// The Chinese name.
    public let label: String
    /// Codes summed for 2019-and-later reports.
    public let newCodes: [String]
    /// Codes summed for 2008–2018 reports.
    public let oldCodes: [String]
    /// Which way is better when ranked.
    public let direction: RankDirection

    /// The codes to sum for a report of `format`.
    public func codes(for format: ReportFormat) -> [String] { format == .old ? oldCodes : newCodes }

    /// The note every output joining the two formats carries.
    public static let breakNote = "2019年起按新模板统计（国办公开办函〔2019〕60号），与2018年及以前口径不同"

    /// All comparable series of `docs/indicators.md`.
    public static let all: [ComparableSeries] = [
        ComparableSeries(
            code: "series.applications", label: "收到申请数（可比序列）",
            newCodes: ["t3.total.new_received"], oldCodes: ["old.apply.received"], direction: .neutral),
        ComparableSeries(
            code: "series.granted", label: "予以公开数（可比序列）",
            newCodes: ["t3.total.result.granted"], oldCodes: ["old.answer.granted"], direction: .neutral),
        ComparableSeries(
            code: "series.partial", label: "部分公开数（可比序列）",
            newCodes: ["t3.total.result.partial"], oldCodes: ["old.answer.partial"], direction: .neutral),
        ComparableSeries(
            code: "series.review", label: "行政复议数（可比序列）",
            newCodes: ["t4.review.total"], oldCodes: ["old.review.total"], direction: .neutral),
        ComparableSeries(
            code: "series.litigation", label: "行政诉讼数（可比序列）",
            newCodes: ["t4.lit_direct.total", "t4.lit_after_review.total"],
            oldCodes: ["old.litigation.total"], direction: .neutral),
        ComparableSeries(
            code: "series.proactive_items", label: "主动公开政府信息数（可比序列）",
            newCodes: ["s1.proactive_items"], oldCodes: ["old.proactive.total"], direction: .higherIsBetter),
    ]

    private static let byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The series named `code`, if any.
    public static func named(_ code: String) -> ComparableSeries? { byCode[code] }

    /// The value of this series in one report's figures: the sum of its codes, or nil when any is missing.
    public func value(in figures: [String: Double?], format: ReportFormat) -> Double? {
        value(format: format) { figures[$0].flatMap { $0 } }
    }

    /// The value of this series in a report of `format` whose printed numbers `figure` looks up by code (nil: not
    /// printed or printed blank).
    public func value(format: ReportFormat, _ figure: (String) -> Double?) -> Double? {
        var sum = 0.0
        for code in codes(for: format) {
            guard let value = figure(code) else { return nil }
            sum += value
        }
        return sum
    }
}
