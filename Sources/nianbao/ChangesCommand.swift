import ArgumentParser
import Foundation
import Queries
import ReaderWorkers
import ReportModel

struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports changed after publication: their versions with capture times, the figures that differ "
            + "(old → new) and the paragraphs removed and added.",
        discussion: """
            Reads the archived versions again in reader workers; no network.
            Examples:
              nianbao changes
              nianbao changes --unit anhai --year 2023
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this unit id.") var unit: String?
    @Option(help: "Only this report year.") var year: Int?

    func run() throws {
        let queries = try global.queries()
        try Failure.guarding { try queries.check(units: unit.map { [$0] } ?? [], years: year.map { [$0] } ?? []) }
        let readers = DocumentReaders(
            .workers(
                executable: DocumentReaders.currentExecutable,
                limits: queries.configuration.reading))
        defer { readers.shutdown() }
        let changes = try Failure.guarding {
            try ReportChanges.find(
                in: queries.store, units: queries.configuration.units, unitId: unit, year: year,
                readers: readers)
        }
        let names = Dictionary(
            queries.configuration.units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        if changes.isEmpty { print("no report changed after publication") }
        for change in changes { print(Self.text(change, name: names[change.unitId] ?? change.unitId)) }
    }

    /// One changed report as text.
    static func text(_ change: ReportChange, name: String) -> String {
        var lines = ["\(change.unitId) \(name) \(change.year): \(change.versions.count) versions of \(change.url)"]
        for (index, version) in change.versions.enumerated() {
            lines.append(
                "  v\(index + 1)  \(LocalTime.second(version.firstSeenAt))  sha256 \(version.sha256.prefix(12))  "
                    + "\(version.byteCount) bytes")
        }
        for (index, step) in change.steps.enumerated() {
            lines.append("  v\(index + 1) → v\(index + 2):")
            if let reason = step.unreadable {
                lines.append("    not compared: \(reason)")
                continue
            }
            if step.figures.isEmpty { lines.append("    figures: none differ") }
            for figure in step.figures {
                let label = IndicatorCatalogue.label(of: figure.code) ?? ""
                lines.append("    \(figure.code) \(label): \(value(figure.old)) → \(value(figure.new))")
            }
            lines += step.removed.map { "    - \($0)" } + step.added.map { "    + \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// A figure as printed: a number, "blank" for a blank total, "—" when not printed.
    private static func value(_ cell: FigureCell) -> String {
        switch cell {
        case .notPrinted: return "—"
        case .blank: return "blank"
        case .value(let number): return number.rounded() == number ? String(Int(number)) : String(number)
        }
    }
}
