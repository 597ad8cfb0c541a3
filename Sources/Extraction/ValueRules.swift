import ReportModel

/// Rules on single values and on prose statements against the tables.
enum ValueRules {
    /// The catalogue positions of the cells of tables 三 and 四.
    private static let tableCells = IndicatorCatalogue.all.indices.filter {
        IndicatorCatalogue.all[$0].code.hasBytePrefix("t3.") || IndicatorCatalogue.all[$0].code.hasBytePrefix("t4.")
    }

    /// Table 三/四 cells must be whole numbers ≥ 0.
    static func nonNegativeIntegers(_ figures: IndicatorValues) -> AuditResult {
        var cellCount = 0
        var bad: [String] = []
        for position in tableCells {
            let cell = figures[position: position]
            guard cell.isPrinted else { continue }
            cellCount += 1
            if let value = cell.number, value < 0 || value != value.rounded() {
                bad.append(IndicatorCatalogue.all[position].code)
            }
        }
        if bad.isEmpty {
            return AuditResult(
                rule: "cells.nonnegative_integers", status: .pass,
                message: "表三、表四 \(cellCount) 个单元格均为非负整数", cells: [])
        }
        bad.sort()
        let listed = bad.prefix(5).map { "\($0)=\(NumberText.format(figures[$0].number))" }.joined(separator: ", ")
        return AuditResult(
            rule: "cells.nonnegative_integers", status: .fail,
            message: "负数或小数：\(listed)", cells: bad)
    }

    /// A figure stated in prose must match the table (applications may include 上年结转).
    static func prose(_ figures: IndicatorValues, format: ReportFormat) -> [AuditResult] {
        var results: [AuditResult] = []
        if let stated = figures["s1.applications"].number {
            let candidates: [[String]] =
                format == .old
                ? [["old.apply.received"]]
                : [["t3.total.new_received"], ["t3.total.new_received", "t3.total.carried_over"]]
            let sums = candidates.compactMap { codes -> Double? in
                var total = 0.0
                for code in codes {
                    guard let value = figures[code].number else { return nil }
                    total += value
                }
                return total
            }
            if !sums.isEmpty {
                let matches = sums.contains(stated)
                results.append(
                    AuditResult(
                        rule: "prose.applications", status: matches ? .pass : .fail,
                        message:
                            "正文申请数 \(NumberText.format(stated)) vs 表格 \(sums.map { NumberText.format($0) }.joined(separator: " / "))",
                        cells: ["s1.applications"] + candidates.last!))
            }
        }
        if format == .old, let stated = figures["s1.proactive_items"].number,
            let table = figures["old.proactive.total"].number
        {
            results.append(
                AuditResult(
                    rule: "prose.proactive", status: stated == table ? .pass : .fail,
                    message: "正文主动公开 \(NumberText.format(stated)) vs 附表 \(NumberText.format(table))",
                    cells: ["s1.proactive_items", "old.proactive.total"]))
        }
        return results
    }

    /// Category counts add up to the proactive total; each printed percentage ≈ count ÷ total.
    static func categories(_ items: [LabelledItem], total: Double?) -> [AuditResult] {
        guard !items.isEmpty, let total, total > 0 else { return [] }
        let sum = items.reduce(0) { $0 + $1.count }
        var results = [
            AuditResult(
                rule: "old.categories.sum", status: sum == total ? .pass : .fail,
                message: "分类条数之和 \(NumberText.format(sum)) vs 主动公开总数 \(NumberText.format(total))",
                cells: ["old.proactive.total"])
        ]
        let off = items.filter { item in
            guard let percent = item.percent else { return false }
            let decimals = Double(
                String(NumberText.format(percent).split(separator: ".").dropFirst().first ?? "").count)
            let tolerance = 0.5 * pow10(-decimals) + 1e-9
            return abs(item.count / total * 100 - percent) > tolerance
        }
        let detail = off.map {
            "\($0.label) \(NumberText.format($0.count))条 印\(NumberText.format($0.percent))% 应为\(NumberText.format(($0.count / total * 1000).rounded() / 10))%"
        }
        results.append(
            AuditResult(
                rule: "old.categories.percent", status: off.isEmpty ? .pass : .fail,
                message: off.isEmpty ? "分类占比与条数一致（\(items.count)类）" : detail.joined(separator: "；"),
                cells: ["old.proactive.total"]))
        return results
    }

    private static func pow10(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(-exponent) { value /= 10 }
        return value
    }
}
