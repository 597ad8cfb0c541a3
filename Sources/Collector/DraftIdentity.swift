import Configuration
import DraftCheck

/// Which configured unit and year a draft is, from the options or from what its title prints, checked as
/// collect's `IdentityCheck` checks a collected report: a title naming another configured unit or another year
/// than the options is a `unit_identity` problem that blocks.
struct DraftIdentity {
    let check: IdentityCheck
    let names: [String: String]

    init(units: [UnitConfiguration]) {
        check = IdentityCheck(units: units)
        names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The unit id and year the draft is checked for, and the identity problems.
    func resolve(
        printedUnit: String?, printedYear: Int?, unitId requestedUnit: String?,
        year requestedYear: Int?
    ) -> (unitId: String?, year: Int?, problems: [CheckProblem]) {
        var problems: [CheckProblem] = []
        let printed = printedUnit.map(IdentityCheck.compact) ?? ""
        let matched = printed.isEmpty ? nil : check.longestMatch(in: printed)
        var unitId = requestedUnit
        if let requested = requestedUnit {
            if let matched, !matched.contains(requested), let other = matched.sorted().first {
                problems.append(
                    problem(
                        .block, cells: ["printed:unit"], expected: names[requested] ?? requested, printed: printed,
                        "标题印的是\(names[other] ?? other)（\(other)），按\(names[requested] ?? requested)（\(requested)）检查"))
            }
        } else if let matched, matched.count == 1 {
            unitId = matched.first
        } else {
            let why =
                printed.isEmpty
                ? "标题未印单位名称"
                : matched.map { "标题所印「\(printed)」可指多个单位（\($0.sorted().joined(separator: "、"))）" }
                    ?? "标题所印「\(printed)」不是配置中的单位"
            problems.append(
                problem(
                    .warn, cells: ["printed:unit"], expected: nil, printed: printed.isEmpty ? nil : printed,
                    "\(why)：未与已存报告比较，请用 --unit 指定"))
        }
        if let requestedYear, let printedYear, requestedYear != printedYear {
            problems.append(
                problem(
                    .block, cells: ["printed:year"], expected: String(requestedYear), printed: String(printedYear),
                    "标题印的是\(printedYear)年，按\(requestedYear)年检查"))
        }
        return (unitId, requestedYear ?? printedYear, problems)
    }

    private func problem(
        _ severity: CheckSeverity, cells: [String], expected: String?, printed: String?,
        _ message: String
    ) -> CheckProblem {
        CheckProblem(
            rule: DraftRule.unitIdentity.rawValue, severity: severity, actor: .unit, cells: cells,
            expected: expected, printed: printed, message: message)
    }
}
