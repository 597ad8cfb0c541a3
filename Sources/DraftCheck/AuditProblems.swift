import Extraction
import ReportModel

/// The audit's failed and uncertain results as problems: a failure is the unit's to correct (perhaps nianbao's, on
/// a PDF whose columns are read from word positions or a scan read by OCR) and blocks; an uncertain result — a
/// cell missing — may be nianbao's reading and warns.
enum AuditProblems {
    static func problems(
        _ audit: [AuditResult], values: IndicatorValues, format: ReportFormat,
        previous: [String: Double?]?, failureActor: CheckActor, skipping explained: Set<String>
    ) -> [CheckProblem] {
        let identities = Dictionary(
            AuditRules.identities(for: format).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return audit.filter { ($0.status == .fail || $0.status == .uncertain) && !explained.contains($0.rule) }.map {
            result in
            var expected: String?
            var printed: String?
            if let identity = identities[result.rule] {
                printed = sum(identity.lhs, values)
                expected = sum(identity.rhs, values)
            } else if result.rule.hasPrefix("cross.carry."), result.cells.count == 2 {
                printed = values[result.cells[0]].number.map(NumberText.format)
                expected = (previous?[String(result.cells[1].dropFirst("previous:".count))] ?? nil).map(
                    NumberText.format)
            }
            let failed = result.status == .fail
            return CheckProblem(
                rule: result.rule, severity: failed ? .block : .warn,
                actor: failed ? failureActor : .reading, cells: result.cells,
                expected: expected, printed: printed, message: result.message)
        }
    }

    /// The sum of the printed cells among `codes` ("缺" when none is printed).
    private static func sum(_ codes: [String], _ values: IndicatorValues) -> String {
        let printed = codes.compactMap { values[$0].number }
        return printed.isEmpty ? "缺" : NumberText.format(printed.reduce(0, +))
    }
}
