import Analysis
import Export
import Foundation
import ReportModel
import Storage

extension Workbench {
    /// Coverage: one row per configured unit × year with its state.
    public func coverage(year: Int?) throws -> DataTable {
        var rows: [[TableCell]] = []
        let columns = try forEachCoverageRow(year: year) { rows.append($0) }
        return DataTable(columns: columns, rows: rows)
    }

    /// Produces the coverage rows one by one, in the configuration's unit order, after handing `header` the columns.
    @discardableResult
    func forEachCoverageRow(year: Int?, header: ([TableColumn]) throws -> Void = { _ in },
                            _ emit: ([TableCell]) throws -> Void) throws -> [TableColumn] {
        let columns = [
            TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
            TableColumn("年度", meaning: "报告年度"),
            TableColumn("状态", meaning: "not due / missing / fetched / extracted / not_a_report / mismatch / failed / deferred"),
            TableColumn("格式", meaning: "old / 2019 / 2021"), TableColumn("公开日期", meaning: "报告页面所印的公开日期"),
            TableColumn("首次获取", meaning: "首次获取日期（本地时区）"),
            TableColumn("逾期", meaning: "公开日期（未印时以首次获取日期）晚于本单位的截止日：次年 \(configuration.deadline)"
                        + (configuration.hasOwnDeadlines ? "，另有规定的类别或单位按其截止日" : "")),
            TableColumn("发布后修改", meaning: "首次获取后内容又有变化"),
            TableColumn("勾稽不符", meaning: "未通过的勾稽规则数"), TableColumn("说明", meaning: "原因或最近错误"),
        ]
        try header(columns)
        let years = year.map { [$0] } ?? Array(configuration.years)
        let units = configuration.units
        let conflicts = try ManualConflicts.notes(in: store)
        try store.forEachUnitCoverage(units.map(\.id), year: year) { position, summaries, sourceStates in
            let unit = units[position]
            let reports = Dictionary(summaries.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
            let states = sourceStates.byYear
            let configured = Scheduler.sourceYears(of: unit, in: configuration)
            for year in years {
                let report = reports[year]
                var state = CoverageState.of(report: report, source: states[year], configured: configured.contains(year),
                                             deadline: configuration.deadline(of: unit).deadline(forReportYear: year))
                if let conflict = conflicts[UnitYear(unitId: unit.id, year: year)] {
                    state.detail = state.detail.isEmpty ? conflict : "\(state.detail)；\(conflict)"
                }
                try emit([.text(unit.id), .text(unit.name), .number(Double(year)), .text(state.status),
                          .text(report?.format?.rawValue ?? ""), .text(report?.publishedOn ?? ""),
                          .text(report.map { Self.day($0.firstSeenAt) } ?? ""),
                          .text(state.late ? "是" : ""), .text(report?.changedAt != nil ? "是" : ""),
                          .number(report.map { Double($0.failedRules) }), .text(state.detail)])
            }
        }
        return columns
    }

    /// Units with source health, and when their sources are tried next and why.
    public func unitHealth(now: Date = Date()) throws -> DataTable {
        let states = Dictionary(grouping: try store.sourceStates(), by: \.unitId)
        let rows = configuration.units.map { unit -> [TableCell] in
            let own = states[unit.id] ?? []
            let lastSuccess = own.compactMap(\.lastSuccessAt).max()
            let worst = own.max { $0.consecutiveFailures < $1.consecutiveFailures }
            let schedule = Scheduler.schedule(unit, in: configuration, states: own.byYear, now: now, years: [],
                                              force: false)
            return [.text(unit.id), .text(unit.name), .text(unit.kind), .text(unit.code ?? ""),
                    .number(Double(own.count)), .text(lastSuccess.map(Self.day) ?? ""),
                    .number(Double(worst?.consecutiveFailures ?? 0)), .text(worst?.lastError ?? ""),
                    .text(Self.nextAttempt(schedule)), .text(Self.waitReasons(schedule))]
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

    /// "now (3)" when sources are due, else when the first backing-off one is tried.
    static func nextAttempt(_ schedule: [SourceSchedule]) -> String {
        let due = schedule.filter(\.isDue).count
        if due > 0 { return "本次运行（\(due)）" }
        let waits = schedule.compactMap { source -> Date? in if case .after(let date) = source.next { date } else { nil } }
        return waits.min().map(LocalTime.minute) ?? ""
    }

    /// Each source backing off or changed, with why: "2024 forbidden ×3 → 2026-12-06 02:00 +0800".
    static func waitReasons(_ schedule: [SourceSchedule]) -> String {
        schedule.compactMap { source -> String? in
            switch source.next {
            case .after(let date):
                let failures = source.state?.consecutiveFailures ?? 0
                return "\(source.year) \(source.state?.lastStatus ?? "")\(failures > 1 ? " ×\(failures)" : "") → "
                    + LocalTime.minute(date)
            case .now(.sourceChanged): return "\(source.year) \(DueReason.sourceChanged.rawValue)"
            case .now(.backOffOver): return "\(source.year) \(DueReason.backOffOver.rawValue)"
            case .now: return nil
            }
        }.joined(separator: "；")
    }

    /// The run log.
    public func runLog(last: Int) throws -> DataTable {
        let rows = try store.runs(last: last).map { run -> [TableCell] in
            let outcomes = run.outcomes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let kinds = run.failureKinds.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let seconds = run.finishedAt.map { $0.timeIntervalSince(run.startedAt) }
            return [.number(Double(run.id)), .text(Self.time(run.startedAt)), .number(seconds.map { ($0 * 10).rounded() / 10 }),
                    .text(outcomes), .text(kinds), .number(Double(run.bytes)), .number(Double(run.retries)),
                    .number(run.exitCode.map(Double.init)), .text(run.finishedAt == nil ? "未完成（被中断）" : "")]
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

    /// Failed and uncertain audit results.
    public func auditFindings(year: Int?, unitId: String?, includePassed: Bool = false) throws -> DataTable {
        let statuses: [AuditStatus] = includePassed ? [] : [.fail, .uncertain]
        let names = Dictionary(configuration.units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var rows = try store.audits(year: year, unitId: unitId, statuses: statuses).map { row -> [TableCell] in
            [.text(row.unitId), .text(names[row.unitId] ?? row.unitId), .number(Double(row.year)), .text(row.result.rule),
             .text(row.result.status.rawValue), .text(row.result.message), .text(row.result.cells.joined(separator: " "))]
        }
        for (key, note) in try ManualConflicts.notes(in: store).sorted(by: { ($0.key.year, $0.key.unitId) < ($1.key.year, $1.key.unitId) })
        where (year == nil || key.year == year) && (unitId == nil || key.unitId == unitId) {
            rows.append([.text(key.unitId), .text(names[key.unitId] ?? key.unitId), .number(Double(key.year)),
                         .text(ManualConflicts.rule), .text(AuditStatus.uncertain.rawValue), .text(note), .text("")])
        }
        let columns = [
            TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
            TableColumn("年度", meaning: "报告年度"), TableColumn("规则", meaning: "勾稽规则名称"),
            TableColumn("结果", meaning: "pass / fail / uncertain / not_assessable"),
            TableColumn("说明", meaning: "规则与所涉数值"), TableColumn("单元格", meaning: "所涉指标代码"),
        ]
        return DataTable(columns: columns, rows: rows)
    }

    /// A date as its local day, yyyy-MM-dd, and as a local time with its zone.
    static func day(_ date: Date) -> String { LocalTime.day(date) }
    static func time(_ date: Date) -> String { LocalTime.second(date) }
}

/// The coverage state of one unit·year.
struct CoverageState {
    var status: String
    var late: Bool
    var detail: String

    static func of(report: ReportSummary?, source: SourceStateRecord?, configured: Bool, deadline: Date) -> CoverageState {
        if let report {
            let late = (report.publishedOn.flatMap(Self.chinaDate) ?? report.firstSeenAt) > deadline
            if report.status == .notAReport { return CoverageState(status: "not_a_report", late: late, detail: report.message ?? "") }
            if report.status == .mismatch { return CoverageState(status: "mismatch", late: false, detail: report.message ?? "") }
            var notes: [String] = []
            if report.failedRules > 0 { notes.append("\(report.failedRules) 条勾稽规则不符") }
            if late && report.publishedOn == nil { notes.append("未印公开日期，按首次获取日期判断") }
            return CoverageState(status: "extracted", late: late, detail: notes.joined(separator: "；"))
        }
        if let source {
            if source.lastStatus == "not_published" { return CoverageState(status: "missing", late: false, detail: "尚未发布（404）") }
            if source.lastStatus == notListed {
                return CoverageState(status: "missing", late: false, detail: "列表页 \(source.url) 未列出该年度报告")
            }
            if source.lastStatus == "deferred" {
                return CoverageState(status: "deferred", late: false, detail: source.lastError ?? "")
            }
            return CoverageState(status: "failed", late: false, detail: source.lastError ?? source.lastStatus ?? "")
        }
        return CoverageState(status: configured ? "not due" : "missing", late: false,
                             detail: configured ? "尚未获取" : "未配置来源（未发布）")
    }

    /// A source state's `last_status` when the unit's listing page has no link for the year.
    static let notListed = "not_listed"

    /// The start of a printed yyyy-MM-dd day in China Standard Time.
    static func chinaDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}
