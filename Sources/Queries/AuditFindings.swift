import ReportModel
import Storage

/// One audit result of a stored report, or a conflict between typed and machine-read figures.
public struct AuditFinding: Sendable {
    /// The unit id.
    public var unitId: String
    /// The unit's name, or its id when the config no longer has it.
    public var unitName: String
    /// The report year.
    public var year: Int
    /// The rule.
    public var rule: String
    /// pass / fail / uncertain / not assessable.
    public var status: AuditStatus
    /// The rule and the values it compared.
    public var message: String
    /// The codes involved.
    public var cells: [String]
}

extension StoreQueries {
    /// The failed and uncertain results (all, with `includePassed`) of `year` and `unitId` when given, then the
    /// conflicts with typed figures as rule `manual_conflict`.
    public func auditFindings(year: Int?, unitId: String?, includePassed: Bool = false) throws -> [AuditFinding] {
        let statuses: [AuditStatus] = includePassed ? [] : [.fail, .uncertain]
        let names = unitNames
        var findings = try store.audits(year: year, unitId: unitId, statuses: statuses).map { row in
            AuditFinding(
                unitId: row.unitId, unitName: names[row.unitId] ?? row.unitId, year: row.year,
                rule: row.result.rule, status: row.result.status, message: row.result.message,
                cells: row.result.cells)
        }
        let conflicts = try ManualConflicts.notes(in: store)
            .sorted { ($0.key.year, $0.key.unitId) < ($1.key.year, $1.key.unitId) }
        for (key, note) in conflicts where (year == nil || key.year == year) && (unitId == nil || key.unitId == unitId)
        {
            findings.append(
                AuditFinding(
                    unitId: key.unitId, unitName: names[key.unitId] ?? key.unitId, year: key.year,
                    rule: ManualConflicts.rule, status: .uncertain, message: note, cells: []))
        }
        return findings
    }

    /// The problem list, filtered by units, statuses and year when given.
    public func problems(unitIds: [String] = [], statuses: [ProblemStatus] = [], year: Int?) throws -> [Problem] {
        try store.problems(unitIds: unitIds, statuses: statuses, year: year)
    }

    /// The run log, newest first.
    public func runs(last: Int) throws -> [RunSummary] {
        try store.runs(last: last)
    }
}
