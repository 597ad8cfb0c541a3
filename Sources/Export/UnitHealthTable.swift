import Foundation
import Queries
import ReportModel
import Scheduling

/// Units with source health, and when their sources are tried next and why (`nianbao units`).
public enum UnitHealthTable {
    /// The table.
    public static func make(_ units: [UnitHealth]) -> DataTable {
        let rows = units.map { health -> [TableCell] in
            let unit = health.unit
            return [
                .text(unit.id), .text(unit.name), .text(unit.kind), .text(unit.code ?? ""),
                .number(Double(health.sources.count)), .text(health.lastSuccess.map(LocalTime.day) ?? ""),
                .number(Double(health.worst?.consecutiveFailures ?? 0)), .text(health.worst?.lastError ?? ""),
                .text(nextAttempt(health.schedule)), .text(waitReasons(health.schedule)),
            ]
        }
        let columns = [
            TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
            TableColumn("类别", meaning: "同类分组"), TableColumn("行政区划代码", meaning: "行政区划代码（文本）"),
            TableColumn("来源数", meaning: "已尝试获取的年度来源数"), TableColumn("最近成功", meaning: "最近一次成功获取"),
            TableColumn("连续失败", meaning: "最差来源的连续失败次数"), TableColumn("最近错误", meaning: "最近一次错误"),
            TableColumn("下次尝试", meaning: "下次 collect 是否获取：本次运行（到期来源数），或最早的退避结束时间（本地时间）"),
            TableColumn("原因", meaning: "各退避中或来源已更改的年度：失败类型、失败次数、下次尝试时间"),
        ]
        return DataTable(columns: columns, rows: rows)
    }

    /// "本次运行（3）" when sources are due, else when the first backing-off one is tried.
    static func nextAttempt(_ schedule: [SourceSchedule]) -> String {
        let due = schedule.filter(\.isDue).count
        if due > 0 { return "本次运行（\(due)）" }
        let waits = schedule.compactMap { source -> Date? in
            if case .after(let date) = source.next { date } else { nil }
        }
        return waits.min().map(LocalTime.minute) ?? ""
    }

    /// Each source backing off or changed, with why: "2024 forbidden ×3 → 2026-12-06 02:00 +0800".
    static func waitReasons(_ schedule: [SourceSchedule]) -> String {
        schedule.compactMap { source -> String? in
            switch source.next {
            case .after(let date):
                let failures = source.state?.consecutiveFailures ?? 0
                return "\(source.year) \(source.state?.status?.rawValue ?? "")\(failures > 1 ? " ×\(failures)" : "") → "
                    + LocalTime.minute(date)
            case .now(.sourceChanged): return "\(source.year) \(DueReason.sourceChanged.rawValue)"
            case .now(.backOffOver): return "\(source.year) \(DueReason.backOffOver.rawValue)"
            case .now: return nil
            }
        }.joined(separator: "；")
    }
}
