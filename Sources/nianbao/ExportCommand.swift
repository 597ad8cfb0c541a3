import ArgumentParser
import Export
import Foundation
import Queries

extension ExportKind: ExpressibleByArgument {}
extension ExportLayout: ExpressibleByArgument {}
extension CSVProfile: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "CSV for analysts: figures, rankings, trends, audits, runs or coverage, with a data dictionary.",
        discussion: """
            --profile excel (default) writes UTF-8 with BOM and CRLF so Excel shows Chinese; plain is UTF-8 + LF.
            Text cells starting with = + - @ are prefixed with ' ; numbers are never altered; missing is empty.
            `export figures` with no --year is the bulk export of every unit × year × code.
            Examples:
              nianbao export figures --year 2025 --out figures-2025.csv
              nianbao export figures --layout wide --out everything.csv
              nianbao export rankings --year 2025 --indicator rate.disclosed --out rank.csv
              nianbao export trends --indicator series.applications --layout wide --out trend.csv
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "figures, rankings, trends, audits, runs, coverage, quality or totals.") var kind: ExportKind
    @Option(help: "Only this report year (rankings: the year ranked; trends: the last year).") var year: Int?
    @Option(help: "The file to write (default: stdout, without a dictionary).") var out: String?
    @Option(help: "excel or plain.") var profile: CSVProfile = .excel
    @Option(help: "long (default) or wide, for figures and trends.") var layout: ExportLayout?
    @Option(help: "Indicators for rankings, trends and totals (repeatable).") var indicator: [String] = []

    func validate() throws {
        guard indicator.isEmpty || [.rankings, .trends, .totals].contains(kind) else {
            throw ValidationError("--indicator applies to rankings, trends and totals, not to \(kind.rawValue)")
        }
        guard layout == nil || [.figures, .trends].contains(kind) else {
            throw ValidationError("--layout applies to figures and trends, not to \(kind.rawValue)")
        }
    }

    func run() throws {
        let queries = try global.queries()
        try Failure.guarding { try queries.check(years: year.map { [$0] } ?? []) }
        let url = out.map { URL(fileURLWithPath: $0) }
        let rows: Int
        do {
            rows = try CSVExport.write(
                kind, of: queries, year: year, layout: layout ?? .long, indicators: indicator,
                to: url, profile: profile)
        } catch let error as CocoaError {
            throw Failure(message: "cannot write \(out ?? "stdout"): \(error.localizedDescription)", code: .usage)
                .exit()
        } catch {
            throw Failure.translate(error)
        }
        if let out { FileHandle.standardError.write(Data("wrote \(rows) rows to \(out) (+ dictionary)\n".utf8)) }
    }
}
