import ArgumentParser
import Collector
import Configuration
import Export
import Foundation
import Queries
import Workbook

/// The configured units: their sources' health, and the import of the office's roster.
struct Units: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Configured units with source health; `units import` adds or updates units from the office's roster.",
        discussion: """
            Examples:
              nianbao units --format json
              nianbao units import roster.xlsx --dry-run
            """,
        subcommands: [UnitsList.self, UnitsImportCommand.self],
        defaultSubcommand: UnitsList.self)
}

struct UnitsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Units with source health: last success, consecutive failures, last error.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let configuration = try global.loadConfiguration()
        // Before the first collect the roster is listed as configured, every source due.
        guard FileManager.default.fileExists(atPath: configuration.database.path) else {
            FileHandle.standardError.write(
                Data("nianbao: no database at \(configuration.database.path) yet: nothing fetched so far\n".utf8))
            try format.print(UnitHealthTable.make(UnitHealth.all(in: configuration, states: [], now: Date())))
            return
        }
        let queries = try global.queries()
        try format.print(try Failure.guarding { UnitHealthTable.make(try queries.unitHealth()) })
    }
}

struct UnitsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Add or update units from the office's roster (.xlsx, or .csv in GBK or UTF-8) into the config's units_file.",
        discussion: """
            Columns (Chinese or English headers, in any order; other columns are ignored): 单位编号/id and
            单位名称/name, and any of 类别/kind, 行政区划代码/code, 上级单位/parent, 截止日期/deadline,
            年报栏目/listing, 网址模板/url_template. Every row is checked first: one bad cell and nothing changes
            (exit 65, each bad row and column named). The units go to the file named by the config's `units_file`,
            rewritten whole; the config itself is never written.
            Examples:
              nianbao units import roster.xlsx --dry-run
              nianbao units import 单位名册.csv
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The roster: an .xlsx workbook (its first sheet) or a .csv file.") var file: String
    @Flag(help: "Check the roster and print the changes without writing anything.") var dryRun = false

    func run() throws {
        let path = global.config ?? GlobalOptions.defaultConfigPath
        let configuration: Configuration
        do {
            configuration = try ConfigurationLoader.load(URL(fileURLWithPath: path), unitsFileMayBeMissing: true)
        } catch let error as ConfigurationError {
            throw Failure(message: "invalid config: \(error)", code: .usage).exit()
        }
        let url = URL(fileURLWithPath: file)
        guard ["xlsx", "csv"].contains(url.pathExtension.lowercased()) else {
            throw Failure(
                message: "\(file): a roster is an .xlsx or a .csv file (save it as one of them in Excel or WPS)",
                code: .badData
            ).exit()
        }
        let plan: UnitsImport
        do {
            let table =
                url.pathExtension.lowercased() == "xlsx"
                ? try XLSXReader.rows(ofSheet: nil, in: url) : try UnitRoster.csvRecords(url)
            let roster = try UnitRoster.read(table, file: file)
            if !roster.ignoredHeaders.isEmpty {
                let ignored = roster.ignoredHeaders.joined(separator: ", ")
                FileHandle.standardError.write(Data("nianbao: \(file): columns not read: \(ignored)\n".utf8))
            }
            plan = try UnitsImport.plan(roster, configuration: configuration)
            for change in plan.changes where change.kind != .unchanged {
                print("\(change.kind.rawValue) \(change.id) \(change.name): \(change.details.joined(separator: "; "))")
            }
            if !dryRun {
                try plan.write(
                    configuration: configuration,
                    comment: [
                        "The units of \(configuration.city) from the roster \(url.lastPathComponent), written by `nianbao units import`.",
                        "nianbao rewrites this file at every import: change the roster and import it again.",
                    ])
            }
        } catch let error as WorkbookReadError {
            throw Failure(message: "\(error)", code: .badData).exit()
        } catch let error as RosterError {
            throw Failure(message: "\(error)", code: .badData).exit()
        } catch let error as UnitsImportError {
            throw Failure(message: "\(error)", code: .usage).exit()
        } catch let error as ConfigurationError {
            throw Failure(
                message: "\(file): nothing changed: the config would not load with these units: \(error)",
                code: .badData
            ).exit()
        }
        let count = { (kind: UnitsImport.Change.Kind) in plan.changes.filter { $0.kind == kind }.count }
        let kept =
            plan.kept > 0 ? " (\(plan.kept) units of \(plan.unitsFile.lastPathComponent) not in the roster kept)" : ""
        print(
            "\(plan.unitsFile.lastPathComponent): \(count(.added)) added, \(count(.updated)) updated, "
                + "\(count(.unchanged)) unchanged\(kept)\(dryRun ? "; dry run, nothing written" : "")")
    }
}
