import ArgumentParser
import Collector
import Configuration
import Export
import FileExtraction
import Foundation
import Queries
import ReaderWorkers
import Workbook

/// How `check` writes its problem list.
enum CheckOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, xlsx
}

/// `nianbao check`: drafts checked before publication, with a gate for the exit code.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Check drafts before publication: the audit, the outline, repetition, copying, contradictions, split numbers.",
        discussion: """
            Each draft (DOCX, PDF, DOC, HTML, text, scans) is read as `extract` reads it
            and compared with the stored reports: the unit's previous report, other
            units' reports of the same year. Exit 1 when a problem blocks (the config's
            check.block and check.warn lists decide which do), 65 when a file cannot be
            read as a report.
            Examples:
              nianbao check zimao-2025-draft.docx --unit zimao --year 2025
              nianbao check drafts/ --format xlsx --out drafts.xlsx
              nianbao check zimao-2025-draft.docx --unit zimao --record
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Draft files; a folder checks every file beneath it.") var paths: [String]
    @Option(help: "The unit's id, when the draft's title does not name it (applies to every file).") var unit: String?
    @Option(help: "The report year, when the draft does not print it.") var year: Int?
    @Option(help: "table, csv, json or xlsx (xlsx needs --out).") var format: CheckOutputFormat = .table
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "Put the drafts' problems into the problem list (`nianbao problems`), marked as from a draft.")
    var record = false

    func validate() throws {
        if format == .xlsx {
            guard let out, out.lowercased().hasSuffix(".xlsx") else {
                throw ValidationError("--format xlsx needs --out FILE.xlsx")
            }
        }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        if let unit, !configuration.units.contains(where: { $0.id == unit }) {
            throw Failure.translate(
                QueryError.unknownUnit(unit, suggestions: NearestNames.to(unit, among: configuration.units.map(\.id))))
        }
        let files = FileExtraction.files(paths)
        guard !files.isEmpty else {
            throw Failure(
                message: paths.isEmpty ? "no files given" : "no files to read in \(paths.joined(separator: ", "))",
                code: .usage
            ).exit()
        }
        let readers = DocumentReaders(
            .workers(executable: DocumentReaders.currentExecutable, limits: configuration.reading))
        defer { readers.shutdown() }
        let drafts = try Failure.guarding {
            try DraftCheckRun.check(files, unitId: unit, year: year, configuration: configuration, readers: readers)
        }
        if record {
            do {
                let synced = try DraftCheckRun.record(drafts, configuration: configuration)
                let found = synced.reduce(0) { $0 + $1.found }
                let fixed = synced.reduce(0) { $0 + $1.fixed }
                FileHandle.standardError.write(
                    Data("recorded: \(found) new problems, \(fixed) fixed since the last check\n".utf8))
            } catch let error as DraftRecordError {
                throw Failure(message: "\(error)", code: .usage).exit()
            } catch {
                throw Failure.translate(error)
            }
        }
        try write(DraftCheckRun.table(drafts), city: configuration.city)
        for draft in drafts where draft.error != nil {
            FileHandle.standardError.write(Data("nianbao: \(draft.file): \(draft.error ?? "")\n".utf8))
        }
        let blocking = drafts.filter(\.blocks).count
        FileHandle.standardError.write(
            Data(
                ("check: \(drafts.count) drafts, \(blocking) blocked"
                    + (blocking > 0 ? "; exit 1" : "") + "\n").utf8))
        if drafts.contains(where: { $0.error != nil }) { throw ExitCode(ExitStatus.notAReport.rawValue) }
        if blocking > 0 { throw ExitCode(ExitStatus.someFailed.rawValue) }
    }

    private func write(_ table: DataTable, city: String) throws {
        do {
            switch format {
            case .xlsx:
                let sheet = WorkbookSheet(name: "草稿检查", title: "\(city)年度报告草稿检查", table: table, frozenColumns: 3)
                try XLSXWorkbook.write([sheet], title: "\(city)年度报告草稿检查", to: URL(fileURLWithPath: out ?? ""))
            case .csv:
                try CSVWriter.export(
                    table, to: out.map { URL(fileURLWithPath: $0) }, profile: out == nil ? .plain : .excel)
            case .table, .json:
                let text = try (format == .json ? OutputFormat.json : .table).text(table)
                if let out {
                    try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: out))
                } else {
                    print(text)
                }
            }
        } catch let error as WorkbookWriteError {
            throw Failure(message: "\(error)", code: .usage).exit()
        } catch let error as CocoaError {
            throw Failure(message: "cannot write \(out ?? "the output"): \(error.localizedDescription)", code: .usage)
                .exit()
        }
    }
}
