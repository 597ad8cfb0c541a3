import ArgumentParser
import Configuration
import Export
import Foundation
import Queries
import Storage
import Workbook

extension ProblemStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
}

/// The problem list across runs: list, set a status, import statuses edited in the workbook.
struct Problems: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The problem list across runs: every failed or uncertain check of a stored report, with its status.",
        discussion: """
            A problem keeps its fingerprint (unit, year, rule, cells) and its status (open, sent, fixed, accepted,
            wont_fix) through collect, reextract and new versions; one the current version no longer shows turns
            fixed by itself, with that version.
            Examples:
              nianbao problems --year 2025 --status open
              nianbao problems set 3f2a9c0d1e4b5a67 sent --note "2月3日发函"
              nianbao problems import 2025.xlsx
            """,
        subcommands: [ProblemsList.self, ProblemsSet.self, ProblemsImport.self],
        defaultSubcommand: ProblemsList.self)

    /// Opens the database for writing and brings the problem list up to date.
    static func queries(_ global: GlobalOptions) throws -> StoreQueries {
        let configuration = try global.loadConfiguration()
        return try Failure.guarding {
            let queries = try StoreQueries(configuration: configuration)
            try queries.store.syncProblems()
            return queries
        }
    }

    /// Brings the problem list up to date after a command that changed stored reports; a failure is warned
    /// about (the next command that writes brings it up to date) and leaves the command's exit code alone.
    static func sync(_ configuration: Configuration) {
        do {
            try Store(path: configuration.database.path).syncProblems()
        } catch {
            FileHandle.standardError.write(
                Data("nianbao: warning: the problem list was not brought up to date: \(error)\n".utf8))
        }
    }
}

struct ProblemsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List problems (the default).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this unit (repeatable).") var unit: [String] = []
    @Option(help: "Only this status: open, sent, fixed, accepted, wont_fix (repeatable).") var status: [ProblemStatus] =
        []
    @Option(help: "Only this report year.") var year: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let queries = try Problems.queries(global)
        for id in unit where !queries.configuration.units.contains(where: { $0.id == id }) {
            throw Failure(message: "unknown unit '\(id)': not in \(queries.configuration.file.path)", code: .usage)
                .exit()
        }
        try format.print(
            try Failure.guarding {
                ProblemTable.make(
                    try queries.problems(unitIds: unit, statuses: status, year: year), names: queries.unitNames)
            })
    }
}

struct ProblemsSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Set a problem's status.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The problem's fingerprint (see `nianbao problems`).") var fingerprint: String
    @Argument(help: "open, sent, fixed, accepted or wont_fix.") var status: ProblemStatus
    @Option(help: "The note kept with the status.") var note: String?
    @Option(help: "Who sets it (default: $USER).") var by: String?

    func run() throws {
        let queries = try Problems.queries(global)
        let who = by ?? ProcessInfo.processInfo.environment["USER"] ?? "office"
        do {
            try queries.store.setProblemStatuses([
                ProblemStatusChange(fingerprint: fingerprint, status: status, by: who, note: note)
            ])
        } catch let error as ProblemError {
            throw Failure(message: "\(error)", code: .usage).exit()
        }
        print("\(fingerprint): \(status.rawValue)")
    }
}

struct ProblemsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Read back the 状态 and 备注 columns of a workbook's 问题清单 sheet.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The .xlsx file written by `nianbao workbook` and edited in Excel or WPS.") var file: String
    @Option(help: "Who made the changes.") var by = "workbook"

    func run() throws {
        let queries = try Problems.queries(global)
        let changed: Int
        do {
            let rows = try XLSXReader.rows(ofSheet: "问题清单", in: URL(fileURLWithPath: file))
            let changes = try ProblemSheetImport.changes(
                fromSheet: rows, stored: try queries.store.problems(), path: file,
                by: by)
            changed = try queries.store.setProblemStatuses(changes)
        } catch let error as WorkbookReadError {
            throw Failure(message: "\(error)", code: .usage).exit()
        } catch let error as ProblemImportError {
            throw Failure(message: "\(error)", code: .usage).exit()
        } catch {
            throw Failure.translate(error)
        }
        print("\(file): \(changed) statuses changed")
    }
}
