import Extraction
import ReportModel

/// One number printed in two adjacent cells ("17" as "1" and "7"), found because joining the two cells' digits
/// makes failed identities balance.
public struct SplitNumber: Sendable, Hashable {
    /// The problem to report.
    public var problem: CheckProblem
    /// The failed rules the split explains (reported through it, not one by one).
    public var explains: Set<String>
}

/// Looks for split numbers behind a draft's failed identities.
public enum SplitNumbers {
    /// Pairs of cells printed side by side in the templates' tables 三 and 四, left then right.
    static func adjacentPairs(_ format: ReportFormat) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for row in Table3Layout.rows where row.formats.contains(format) {
            let codes = Table3Layout.columns.map { Table3Layout.code(column: $0.key, row: row.key) }
            pairs += zip(codes, codes.dropFirst()).map { ($0, $1) }
        }
        let table4 = Table4Layout.codes
        pairs += zip(table4, table4.dropFirst()).map { ($0, $1) }
        return pairs
    }

    /// The split numbers of a draft: for each pair of adjacent cells both printed as whole numbers, the first not
    /// 0, the digits joined are put in one cell and 0 in the other; a placement that makes at least one failed
    /// identity pass and no passing rule fail is a split number. Of the placements explaining the same failures,
    /// the one explaining most is kept.
    public static func find(
        values: IndicatorValues, figures: [Figure], format: ReportFormat,
        audit: [AuditResult], previous: [String: Double?]?, actor: CheckActor
    ) -> [SplitNumber] {
        let failed = Set(audit.filter { $0.status == .fail }.map(\.rule))
        guard format.isNewTemplate, !failed.isEmpty else { return [] }
        let failedCells = Set(audit.filter { $0.status == .fail }.flatMap(\.cells))
        let printedNumbers = Set(figures.filter { $0.kind == .number }.map(\.code))
        var found: [SplitNumber] = []
        for (left, right) in adjacentPairs(format) where failedCells.contains(left) || failedCells.contains(right) {
            guard printedNumbers.contains(left), printedNumbers.contains(right),
                let leftValue = wholeNumber(values[left].number), let rightValue = wholeNumber(values[right].number),
                leftValue > 0,
                let joined = Int("\(leftValue)\(rightValue)")
            else { continue }
            for (into, zeroed) in [(left, right), (right, left)] {
                var trial = values
                trial[into] = .value(Double(joined))
                trial[zeroed] = .value(0)
                let after = Auditor.audit(trial, format: format, previous: previous)
                let nowFailing = Set(after.filter { $0.status == .fail }.map(\.rule))
                let explained = failed.subtracting(nowFailing)
                guard !explained.isEmpty, nowFailing.isSubset(of: failed) else { continue }
                let expected = into == left ? "\(joined) | 0" : "0 | \(joined)"
                let names = [left, right].map { IndicatorCatalogue.label(of: $0) ?? $0 }
                let problem = CheckProblem(
                    rule: DraftRule.splitNumber.rawValue, severity: DraftRule.splitNumber.defaultSeverity, actor: actor,
                    cells: [left, right], expected: expected, printed: "\(leftValue) | \(rightValue)",
                    message: "相邻两格「\(names[0])」\(leftValue) 与「\(names[1])」\(rightValue) 像是一个数 \(joined) 被拆成两格："
                        + "合为 \(joined) 后 \(explained.sorted().joined(separator: "、")) 即平衡")
                found.append(SplitNumber(problem: problem, explains: explained))
            }
        }
        return found.filter { split in
            !found.contains { $0.explains.isStrictSuperset(of: split.explains) }
        }.reduce(into: []) { kept, split in
            if !kept.contains(where: { $0.explains == split.explains }) { kept.append(split) }
        }
    }

    /// A printed value that is a whole number of at most 9 digits.
    private static func wholeNumber(_ value: Double??) -> Int? {
        guard let printed = value ?? nil, printed >= 0, printed < 1e9, printed == printed.rounded() else { return nil }
        return Int(printed)
    }
}
