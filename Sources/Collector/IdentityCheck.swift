import Configuration
import Foundation
import ReportModel
import Storage

/// Compares the unit and year a report prints in its title with the unit·year it was collected for. A clear
/// mismatch — the year printed is another, or the name printed is another configured unit's (by name, alias or
/// 行政区划代码, the longest match winning) — turns the report into a `mismatch`: no figures, no audit but the
/// identity finding, so nothing of it reaches rankings, totals, quality or trends. A printed name that names no
/// configured unit is only a warning.
struct IdentityCheck: Sendable {
    /// The unit ids each configured name (name, alias or code, spaces removed) belongs to.
    private let names: [String: [String]]
    /// The configured display name per unit id.
    private let displayNames: [String: String]

    /// The audit rule a mismatch is recorded under.
    static let rule = "unit_identity"

    /// The names of the configuration's units.
    init(units: [UnitConfiguration]) {
        var names: [String: [String]] = [:]
        for unit in units {
            for name in Set(([unit.name] + unit.aliases + [unit.code].compactMap { $0 }).map(Self.compact))
            where name.count >= 2 {
                names[name, default: []].append(unit.id)
            }
        }
        self.names = names
        displayNames = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// `content` as kept for the unit·year: unchanged when it agrees (or says nothing), a mismatch when it
    /// clearly does not, or with a warning when it prints a name the config does not know.
    func checked(_ content: ReportContent, unitId: String, year: Int) -> ReportContent {
        guard content.status == .extracted else { return content }
        let configured = displayNames[unitId] ?? unitId
        if let printedYear = content.printedYear, printedYear != year {
            return mismatch(content, "prints the year \(printedYear), collected for \(year) (\(configured))")
        }
        guard let printed = content.printedUnit.map(Self.compact), !printed.isEmpty else { return content }
        guard let best = longestMatch(in: printed) else {
            var warned = content
            warned.warnings.append("the title prints '\(printed)', not \(configured) nor an alias of it")
            return warned
        }
        guard !best.contains(unitId), let other = best.sorted().first else { return content }
        return mismatch(
            content,
            "prints '\(printed)' (\(displayNames[other] ?? other), unit \(other)), "
                + "collected for \(configured) (unit \(unitId))")
    }

    /// The units whose longest name appears in `printed` (every substring looked up: titles are short).
    func longestMatch(in printed: String) -> Set<String>? {
        let characters = Array(printed)
        for length in stride(from: min(characters.count, 60), through: 2, by: -1) {
            var found: Set<String> = []
            for start in 0...(characters.count - length) {
                if let ids = names[String(characters[start..<(start + length)])] { found.formUnion(ids) }
            }
            if !found.isEmpty { return found }
        }
        return nil
    }

    private func mismatch(_ content: ReportContent, _ message: String) -> ReportContent {
        var kept = ReportContent(
            versionId: content.versionId, status: .mismatch, format: content.format,
            printedUnit: content.printedUnit, printedYear: content.printedYear,
            publishedOn: content.publishedOn, message: "identity mismatch: \(message)",
            figures: [], items: [],
            audit: [AuditResult(rule: Self.rule, status: .fail, message: message, cells: [])],
            warnings: content.warnings)
        kept.parts = content.parts
        return kept
    }

    /// A name without spaces, as titles are compared.
    static func compact(_ text: String) -> String { text.filter { !$0.isWhitespace } }
}
