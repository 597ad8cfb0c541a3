import ReportModel

extension Auditor {
    /// The name of every rule `audit` (with last year's figures) and the scan rule can report, in no set order:
    /// the identities of every format, the value and prose rules, the cross-year rules.
    public static let ruleNames: Set<String> = {
        var names = Set([ReportFormat.old, .v2019, .v2021].flatMap { AuditRules.identities(for: $0).map(\.name) })
        names.formUnion([
            "cells.nonnegative_integers", "prose.applications", "prose.proactive", "old.categories.sum",
            "old.categories.percent", "ocr.unchecked", "cross.valid.reg", "cross.valid.norm",
            "cross.cumulative.old.proactive.total", "cross.cumulative.old.channel.website",
        ])
        names.formUnion(Table3Layout.columns.map { "cross.carry.\($0.key)" })
        return names
    }()
}
