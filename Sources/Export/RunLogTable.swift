import ReportModel
import Storage

/// The run log as a table (`nianbao runs`, `export runs`).
public enum RunLogTable {
    /// The table, newest run first.
    public static func make(_ runs: [RunSummary]) -> DataTable {
        let rows = runs.map { run -> [TableCell] in
            let outcomes = run.outcomes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: " ")
            let kinds = run.failureKinds.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: " ")
            let seconds = run.finishedAt.map { $0.timeIntervalSince(run.startedAt) }
            return [
                .number(Double(run.id)), .text(LocalTime.second(run.startedAt)),
                .number(seconds.map { ($0 * 10).rounded() / 10 }), .text(outcomes), .text(kinds),
                .number(Double(run.bytes)), .number(Double(run.retries)), .number(run.exitCode.map(Double.init)),
                .text(run.finishedAt == nil ? "未完成（被中断）" : ""),
            ]
        }
        let columns = [
            TableColumn("运行", meaning: "run id"), TableColumn("开始", meaning: "开始时间（本地时间，带时区）"),
            TableColumn("秒", meaning: "用时（秒）"), TableColumn("结果", meaning: "各结果的单位·年度数"),
            TableColumn("失败类型", meaning: "各失败类型的次数"), TableColumn("字节", meaning: "收到的字节数"),
            TableColumn("重试", meaning: "重试次数"), TableColumn("退出码", meaning: "exit code"),
            TableColumn("备注", meaning: "未完成的运行"),
        ]
        return DataTable(columns: columns, rows: rows)
    }
}
