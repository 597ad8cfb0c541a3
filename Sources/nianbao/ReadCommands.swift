import ArgumentParser
import Export
import Foundation
import Queries

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Coverage: unit × year → not due / missing / extracted / failed / late / changed after publication.",
        discussion: "Examples:\n  nianbao status --year 2025\n  nianbao status --format csv > coverage.csv")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this report year.") var year: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let queries = try global.queries()
        try Failure.guarding { try queries.check(years: year.map { [$0] } ?? []) }
        try format.print(
            try Failure.guarding {
                CoverageTable.make(try queries.coverage(year: year), queries.configuration)
            })
    }
}

struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The run log: per run, counts by outcome and failure kind, bytes, duration.",
        discussion: "Example:\n  nianbao runs --last 5")
    @OptionGroup var global: GlobalOptions
    @Option(help: "How many runs, newest first.") var last = 10
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let queries = try global.queries()
        try format.print(try Failure.guarding { RunLogTable.make(try queries.runs(last: last)) })
    }
}

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Failed and uncertain consistency (勾稽) checks, with the cells involved.",
        discussion: "Examples:\n  nianbao audit --year 2024\n  nianbao audit --unit luoshan --format json")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this report year.") var year: Int?
    @Option(help: "Only this unit id.") var unit: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let queries = try global.queries()
        try Failure.guarding { try queries.check(units: unit.map { [$0] } ?? [], years: year.map { [$0] } ?? []) }
        try format.print(try Failure.guarding { AuditTable.make(try queries.auditFindings(year: year, unitId: unit)) })
    }
}

struct Indicators: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every indicator code, comparable series and derived rate, with its Chinese name, unit and formats.",
        discussion: """
            Needs no config or database. --format markdown prints docs/indicators.md, which is made this way.
            Examples:
              nianbao indicators --search 复议
              nianbao indicators --search t3.total --format csv
              nianbao indicators --format markdown > docs/indicators.md
            """)
    @Option(help: "Only codes whose code or Chinese name contains this text.") var search: String?
    @Option(help: "table, csv, json, or markdown (the whole of docs/indicators.md).") var format: IndicatorsFormat =
        .table

    func validate() throws {
        if format == .markdown && search != nil { throw ValidationError("--search applies to table, csv and json") }
    }

    func run() throws {
        switch format {
        case .markdown: print(IndicatorDocument.markdown(), terminator: "")
        case .table: try OutputFormat.table.print(IndicatorList.table(search: search))
        case .csv: try OutputFormat.csv.print(IndicatorList.table(search: search))
        case .json: try OutputFormat.json.print(IndicatorList.table(search: search))
        }
    }
}

/// How `nianbao indicators` prints: a table format, or the Markdown document.
enum IndicatorsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
}
