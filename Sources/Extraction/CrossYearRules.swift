import ReportModel

/// Rules between a report and the same unit's report of the year before.
enum CrossYearRules {
    static func evaluate(_ figures: IndicatorValues, previous: [String: Double?], format: ReportFormat) -> [AuditResult]
    {
        var results: [AuditResult] = []
        if format.isNewTemplate {
            for column in Table3Layout.columns {
                let now = Table3Layout.code(column: column.key, row: "carried_over")
                let before = Table3Layout.code(column: column.key, row: "carried_forward")
                guard let current = figures[now].number, let earlier = previous[before] ?? nil else { continue }
                results.append(
                    AuditResult(
                        rule: "cross.carry.\(column.key)", status: current == earlier ? .pass : .fail,
                        message:
                            "\(column.label)：本年上年结转 \(NumberText.format(current)) = 上年结转下年度 \(NumberText.format(earlier))",
                        cells: [now, "previous:\(before)"]))
            }
            for key in ["reg", "norm"] {
                guard let valid = figures["t2.\(key).valid"].number, let before = previous["t2.\(key).valid"] ?? nil,
                    let made = figures["t2.\(key).made"].number, let repealed = figures["t2.\(key).repealed"].number
                else { continue }
                let expected = before + made - repealed
                results.append(
                    AuditResult(
                        rule: "cross.valid.\(key)", status: expected == valid ? .pass : .uncertain,
                        message:
                            "现行有效 \(NumberText.format(valid)) ≈ 上年 \(NumberText.format(before)) + 制发 \(NumberText.format(made)) − 废止 \(NumberText.format(repealed))",
                        cells: ["t2.\(key).valid", "t2.\(key).made", "t2.\(key).repealed"]))
            }
        } else if format == .old {
            for (cumulative, yearly) in [
                ("old.proactive.cumulative", "old.proactive.total"),
                ("old.channel.website_cumulative", "old.channel.website"),
            ] {
                guard let now = figures[cumulative].number, let before = previous[cumulative] ?? nil,
                    let added = figures[yearly].number
                else { continue }
                results.append(
                    AuditResult(
                        rule: "cross.cumulative.\(yearly)", status: now == before + added ? .pass : .fail,
                        message:
                            "历年累计 \(NumberText.format(now)) = 上年累计 \(NumberText.format(before)) + 本年 \(NumberText.format(added))",
                        cells: [cumulative, yearly]))
            }
        }
        return results
    }
}
