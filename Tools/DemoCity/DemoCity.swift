import Foundation
import ReportModel

/// The synthetic 晋江市 demo city built around the real seed report: every report, its truth, and its bytes.
public enum DemoCity {
    /// Every demo report in unit then year order (the unpublished one is absent; the seed is included).
    public static let reports: [DemoReport] = DemoUnits.all.flatMap { reports(for: $0) }

    /// The report of a unit·year, if it was published.
    public static func report(_ unitId: String, _ year: Int) -> DemoReport? {
        reports.first { $0.unit.id == unitId && $0.year == year }
    }

    /// A unit's reports in year order; the unpublished unit·year only when `includingUnpublished`.
    static func reports(for unit: DemoUnit, includingUnpublished: Bool = false) -> [DemoReport] {
        var result: [DemoReport] = []
        var cumulative: Int?
        var carried: [String: Int] = [:]
        var valid: Int?
        for year in DemoScenario.years {
            var random = SeededRandom(seed: "\(unit.id)|\(year)")
            let key = "\(unit.id)|\(year)"
            let format = ReportFormat.expected(forYear: year)
            var values: [String: Double]
            var items: [LabelledItem] = []
            if format == .old {
                let made = OldFormatFigures.make(previousCumulative: cumulative, random: &random)
                (values, items) = made
                cumulative = Int(values["old.proactive.cumulative"] ?? 0)
            } else {
                if format == .v2021 && year == 2021 { valid = nil }  // 规范性文件 counts restart with the new table
                let made = NewTemplateFigures.make(
                    format: format, isStreet: unit.kind == "街道", carriedOver: carried,
                    previousValid: valid, random: &random)
                values = made.values
                carried = made.carriedForward
                valid = made.valid
            }
            let planted = DemoScenario.planted[key] ?? []
            plant(planted, into: &values)
            let late = DemoScenario.late[key]
            // A copied report comes out after the one it copies.
            let copied = DemoProse.copies[key] != nil
            let published = (year + 1, late?.0 ?? 1, late?.1 ?? (copied ? 29 : random.int(8...28)))
            if !includingUnpublished && unit.id == DemoScenario.unpublished.unit
                && year == DemoScenario.unpublished.year
            {
                continue
            }
            let isSeed = unit.id == "luoshan" && year == 2017
            if isSeed { cumulative = Int(SeedTruth.figures["old.proactive.cumulative"] ?? 0) }
            let encoding: DemoEncoding =
                DemoScenario.gbkMislabelled.contains(key)
                ? .gbkMislabelled
                : DemoScenario.gbk.contains(key) ? .gbk : .utf8
            result.append(
                DemoReport(
                    unit: unit, year: year, format: format, fileKind: format == .old ? .text : .html,
                    encoding: encoding, figures: isSeed ? SeedTruth.figures : values,
                    plantedFailures: isSeed ? ["old.categories.percent"] : planted,
                    published: published, items: isSeed ? [] : items, isRealSeed: isSeed))
        }
        return result
    }

    /// Breaks the identities a planted report is meant to fail, changing printed totals (and the prose that repeats them).
    private static func plant(_ rules: Set<String>, into values: inout [String: Double]) {
        if rules.contains("t3.row.new_received") {
            values["t3.total.new_received", default: 0] += 1
            values["s1.applications"] = values["t3.total.new_received"]
        }
        if rules.contains("t4.review.sum") { values["t4.review.total", default: 0] += 1 }
        if rules.contains("old.apply.channels") { values["old.apply.in_person", default: 0] += 1 }
    }

    /// The bytes of a generated report (nil for the real seed, which is copied as it is).
    public static func bytes(of report: DemoReport, original: Bool = false) -> [UInt8]? {
        guard !report.isRealSeed else { return nil }
        var source = report
        if original { source = OriginalVersion.of(report) }
        switch source.fileKind {
        case .text:
            return Array(OldFormatText.render(source).utf8)
        case .html:
            switch source.encoding {
            case .utf8: return Array(NewTemplateHTML.render(source, charsetLabel: "utf-8").utf8)
            case .gbk: return GB18030Encoder.encode(NewTemplateHTML.render(source, charsetLabel: "gb2312"))
            case .gbkMislabelled: return GB18030Encoder.encode(NewTemplateHTML.render(source, charsetLabel: "utf-8"))
            }
        }
    }
}
