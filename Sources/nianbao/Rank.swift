import ArgumentParser
import Export
import Foundation
import Queries

struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "City-wide ranking of one indicator, derived rate (rate.*) or comparable series (series.*).",
        discussion: """
            Ties share a place (1, 2, 2, 4); units without a report are listed as 缺报, never ranked as 0.
            Examples:
              nianbao rank --year 2025 --indicator t3.total.new_received
              nianbao rank --year 2025 --indicator rate.disclosed --group 街道
              nianbao rank --year 2017 --indicator old.proactive.total
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The report year.") var year: Int
    @Option(help: "An indicator code, rate.* or series.*.") var indicator: String
    @Option(help: "Only units of this kind (peer group), e.g. 街道 or 镇.") var group: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let queries = try global.queries()
        try Failure.guarding { try queries.check(group: group, years: [year]) }
        let ranking = try Failure.guarding {
            try queries.rank(try StoreQueries.indicator(indicator), year: year, group: group)
        }
        if format == .table {
            print(
                "\(queries.configuration.city) \(year)年 \(ranking.label)（\(ranking.code)）\(group.map { " · \($0)" } ?? "")"
            )
        }
        try format.print(RankingTable.make(ranking))
    }
}

struct Trend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Unit × year table of one code with year-over-year change, plus the city total.",
        discussion: """
            Examples:
              nianbao trend --indicator series.applications
              nianbao trend --indicator t3.total.new_received --from 2021 --to 2025 --unit luoshan
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "An indicator code, rate.* or series.*.") var indicator: String
    @Option(help: "First year (default: the config's first year).") var from: Int?
    @Option(help: "Last year (default: the config's last year).") var to: Int?
    @Option(name: .customLong("unit"), help: "Only this unit id (repeatable).") var units: [String] = []
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let queries = try global.queries()
        try Failure.guarding { try queries.check(units: units, from: from, to: to) }
        let trend = try Failure.guarding {
            try queries.trend(try StoreQueries.indicator(indicator), from: from, to: to, unitIds: units)
        }
        if format == .table { print("\(queries.configuration.city) \(trend.label)（\(trend.code)）") }
        try format.print(TrendTableExport.wide(trend))
    }
}

struct Quality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Publication-quality score of each unit's report (on time, obtainable, complete, consistent, stable, original).",
        discussion:
            "Weights come from the config's `quality` block; the method is printed under the table.\nExample:\n  nianbao quality --year 2025"
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "The report year.") var year: Int
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let queries = try global.queries()
        try Failure.guarding { try queries.check(years: [year]) }
        try format.print(
            try Failure.guarding {
                QualityTable.make(try queries.quality(year: year), weights: queries.configuration.analysis.quality)
            })
    }
}

struct Totals: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "City totals of indicators with how many units reported, and 层级汇总 checks against summary units.",
        discussion: "Example:\n  nianbao totals --year 2025 --indicator t3.total.new_received")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The report year.") var year: Int
    @Option(help: "Codes to total (repeatable; default: the headline series).") var indicator: [String] = []
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let queries = try global.queries()
        try Failure.guarding { try queries.check(years: [year]) }
        try format.print(
            try Failure.guarding {
                try CSVExport.table(.totals, of: queries, year: year, layout: .long, indicators: indicator)
            })
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "A self-contained HTML report of a year: coverage, rankings as charts, quality, trends, audit findings.",
        discussion:
            "One file with inline SVG and no network access; it prints well.\nExample:\n  nianbao report --year 2025 --out report-2025.html"
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "The report year.") var year: Int
    @Option(help: "The HTML file to write.") var out: String

    func run() throws {
        let queries = try global.queries()
        try Failure.guarding { try queries.check(years: [year]) }
        let html = try Failure.guarding { try YearReport.html(queries, year: year) }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: out))
        } catch {
            throw Failure(message: "cannot write \(out): \(error.localizedDescription)", code: .usage).exit()
        }
        FileHandle.standardError.write(Data("wrote \(out) (\(html.utf8.count) bytes)\n".utf8))
    }
}
