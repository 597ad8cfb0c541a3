import ReportModel

/// Every code `rank`, `trend`, `totals` and `export` take — catalogue indicators with where they are printed,
/// comparable series and derived rates — as a table, optionally only those whose code or Chinese name contains a
/// text.
public enum IndicatorList {
    /// The codes whose code or name contains `search` (all when nil), in catalogue order, then series and rates.
    public static func table(search: String? = nil) -> DataTable {
        let needle = search?.lowercased()
        func matches(_ code: String, _ label: String) -> Bool {
            guard let needle, !needle.isEmpty else { return true }
            return code.lowercased().contains(needle) || label.contains(needle)
        }
        var rows: [[TableCell]] = []
        for indicator in IndicatorCatalogue.all where matches(indicator.code, indicator.label) {
            let formats = ReportFormat.allCases.filter { $0 != .unknown && indicator.formats.contains($0) }
                .map(\.rawValue).joined(separator: " ")
            let place = IndicatorPlacement.of(indicator.code)
            rows.append([
                .text(indicator.code), .text(indicator.label), .text(place?.kind ?? "—"), .text(place?.table ?? "—"),
                .text(place?.row ?? "—"), .text(place?.column ?? "—"), .text(indicator.unit.rawValue),
                .text(formats), .text(indicator.direction.rawValue), .text(""),
            ])
        }
        for series in ComparableSeries.all where matches(series.code, series.label) {
            rows.append([
                .text(series.code), .text(series.label), .text("series"), .text("—"), .text("—"), .text("—"),
                .text(""), .text("old 2019 2021"),
                .text(series.direction.rawValue),
                .text(
                    "2019 起: \(series.newCodes.joined(separator: " + "))；2018 及以前: \(series.oldCodes.joined(separator: " + "))"
                ),
            ])
        }
        for rate in DerivedRate.all where matches(rate.code, rate.label) {
            rows.append([
                .text(rate.code), .text(rate.label), .text("rate"), .text("—"), .text("—"), .text("—"),
                .text(IndicatorUnit.ratio.rawValue),
                .text("2019 2021"), .text(rate.direction.rawValue), .text(rate.formula),
            ])
        }
        let columns = [
            TableColumn("code", meaning: "the code --indicator takes"), TableColumn("中文名称", meaning: "指标名称"),
            TableColumn(
                "kind",
                meaning: "cell, prose, cell or prose (read from reports), — (catalogued, not read), "
                    + "series (comparable across formats), rate (computed)"),
            TableColumn("表", meaning: "表二, 表三, 表四, 附表 (old-format appendix) or 正文 (prose)"),
            TableColumn("行", meaning: "the printed row label"), TableColumn("列", meaning: "the printed column label"),
            TableColumn("单位", meaning: "件, 条, 个, 人, 次, 元, 万元 or 比率"),
            TableColumn("格式", meaning: "the report formats that print it: old, 2019, 2021"),
            TableColumn("排名", meaning: "higher, lower or neutral (workload: larger first, no judgement)"),
            TableColumn("组成", meaning: "a series' or a rate's codes"),
        ]
        return DataTable(columns: columns, rows: rows)
    }
}
