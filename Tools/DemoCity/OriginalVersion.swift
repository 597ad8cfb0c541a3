import ReportModel

/// The first-published version of the revised demo report: table 二 printed a wrong 规范性文件 count.
enum OriginalVersion {
    static func of(_ report: DemoReport) -> DemoReport {
        var figures = report.figures
        figures["t2.norm.made", default: 0] += 2
        figures["t2.norm.valid", default: 0] += 2
        return DemoReport(
            unit: report.unit, year: report.year, format: report.format, fileKind: report.fileKind,
            encoding: report.encoding, figures: figures, plantedFailures: report.plantedFailures,
            published: report.published, items: report.items, isRealSeed: false)
    }
}
