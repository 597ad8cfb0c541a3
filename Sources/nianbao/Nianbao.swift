import ArgumentParser
import Collector
import Configuration
import Storage

@main
struct Nianbao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Collect, read, audit and compare 政府信息公开工作年度报告 of a city's units.",
        discussion: """
            Typical use: `nianbao collect` from cron, then `nianbao rank`, `nianbao trend` and `nianbao export`.
            The config defaults to $NIANBAO_CONFIG, else ./Config/nianbao.yaml. --config, --database and
            --verbose may come before the command too: nianbao --config city.yaml rank …
            """,
        version: versionText,
        subcommands: [
            Collect.self, Status.self, Units.self, Runs.self, Extract.self, Reextract.self, Audit.self,
            Rank.self, Trend.self, Totals.self, Quality.self, Report.self, Export.self, Import.self, Indicators.self,
            Changes.self, Resolve.self, WorkbookCommand.self, Problems.self, Check.self, ReadWorker.self,
        ])

    /// "nianbao 1.0 (readers 4, database schema v9-source-origin)": the program, its readers' version (a change
    /// reads quarantined documents again) and the database schema it writes.
    static let versionText =
        "nianbao \(NianbaoVersion.program) (readers \(ReportReader.readerVersion), database schema \(Store.schemaVersion))"

    /// Runs the command line, global options given before the command moved after it.
    static func main() async {
        await main(GlobalOptions.movedAfterCommand(Array(CommandLine.arguments.dropFirst())))
    }
}
