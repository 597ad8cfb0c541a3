import ReportModel

/// A total printed blank beside non-zero parts was not printed, not 0: it becomes missing (null), and the
/// value its parts imply is noted in a warning. It is never filled in silently.
enum BlankTotals {
    static func resolve(_ figures: inout FigureSet, format: ReportFormat) {
        for (total, parts) in AuditRules.totals(for: format) {
            guard let figure = figures[total], figure.kind == .blank || figure.kind == .placeholder else { continue }
            let partValues = parts.compactMap { figures[$0]?.value }
            let implied = partValues.reduce(0, +)
            guard partValues.contains(where: { $0 != 0 }) else { continue }
            var missing = figure
            missing.value = nil
            missing.kind = .blankTotal
            figures.replace(missing)
            figures.warnings.append(
                "\(total) printed blank while its parts sum to \(NumberText.format(implied)); "
                    + "recorded as not printed (implied \(NumberText.format(implied)))")
        }
    }
}
