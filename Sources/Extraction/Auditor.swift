import ReportModel

/// Runs every rule that applies to one report: identities, value checks, prose-vs-table and cross-year rules.
public enum Auditor {
    /// Audits `figures` of a report in `format`; `previous` holds last year's figures of the same unit, when stored.
    public static func audit(
        _ figures: IndicatorValues, format: ReportFormat, items: [LabelledItem] = [],
        previous: [String: Double?]? = nil
    ) -> [AuditResult] {
        var results = AuditRules.identities(for: format).map { $0.evaluate(figures) }
            .filter { $0.status != .notAssessable }
        if format.isNewTemplate { results.append(ValueRules.nonNegativeIntegers(figures)) }
        results += ValueRules.prose(figures, format: format)
        if format == .old { results += ValueRules.categories(items, total: figures["old.proactive.total"].number) }
        if let previous { results += CrossYearRules.evaluate(figures, previous: previous, format: format) }
        return results
    }
}
