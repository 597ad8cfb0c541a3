import ArgumentParser
import Collector
import FileExtraction
import Foundation
import ReaderWorkers

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read local report files (HTML, TXT, PDF, DOC) and print figures + audit, storing nothing.",
        discussion: """
            Exit 65 when a file cannot be read as a report (an image, a list page, random bytes).
            Examples:
              nianbao extract Seeds/luoshan-2017.txt
              nianbao extract report.html --year 2025 --format json
              nianbao extract reports/ --format json
            """)
    @Argument(help: "Files to read; a folder reads every file beneath it.") var paths: [String]
    @Option(help: "The report year, when the document does not say.") var year: Int?
    @Option(help: "The unit name, when the document does not say.") var unit: String?
    @Option(help: "table or json.") var format: OutputFormat = .table
    @Option(
        help: "A config whose `reading` limits apply (default: $NIANBAO_CONFIG, else ./Config/nianbao.yaml if present)."
    )
    var config: String?

    /// Reads and prints file by file, so memory stays flat however many files are given; several files in JSON
    /// make one array.
    func run() throws {
        let files = FileExtraction.files(paths)
        guard !files.isEmpty else {
            let message = paths.isEmpty ? "no files given" : "no files to read in \(paths.joined(separator: ", "))"
            throw Failure(message: message, code: .usage).exit()
        }
        let asArray = format == .json && (files.count > 1 || files != paths)
        if asArray { StandardOutput.write(Array("[\n".utf8)) }
        var failed = 0
        let readers = DocumentReaders(
            .workers(executable: DocumentReaders.currentExecutable, limits: try readingLimits()))
        defer { readers.shutdown() }
        for (index, file) in files.enumerated() {
            let output = FileExtraction.extract(file, year: year, unit: unit, readers: readers)
            switch format {
            case .json:
                var bytes = output.prettyJSON
                if asArray && index < files.count - 1 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "\n"))
                StandardOutput.write(bytes)
            case .table, .csv:
                print(ExtractTablePrinter.render(output))
            }
            if let error = output.error {
                failed += 1
                FileHandle.standardError.write(Data("nianbao: \(output.file): \(error)\n".utf8))
            }
        }
        if asArray { StandardOutput.write(Array("]\n".utf8)) }
        if failed > 0 { throw ExitCode(ExitStatus.notAReport.rawValue) }
    }

    /// The readers' limits of the config named (a broken one exits 64), of the default config when there is one,
    /// else the defaults.
    private func readingLimits() throws -> ReaderLimits {
        let path = config ?? GlobalOptions.defaultConfigPath
        guard config != nil || FileManager.default.fileExists(atPath: path) else { return ReaderLimits() }
        return try GlobalOptions.loadConfiguration(path: path).reading
    }
}

struct Reextract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run extraction over archived documents (after the extractor improves); no network.",
        discussion: "Example:\n  nianbao reextract --year 2024")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this report year.") var year: Int?
    @Flag(help: "Read quarantined documents (ones a reader crashed or ran out of time or memory on) again.")
    var retryQuarantined = false

    func run() throws {
        let configuration = try global.loadConfiguration()
        let summary = try Failure.guarding {
            try Collector.Reextract.run(
                configuration, year: year,
                reading: .workers(
                    executable: DocumentReaders.currentExecutable, limits: configuration.reading),
                retryQuarantined: retryQuarantined)
        }
        Problems.sync(configuration)
        for line in summary.skipped + summary.failed { FileHandle.standardError.write(Data("nianbao: \(line)\n".utf8)) }
        print(
            "re-extracted \(summary.read) archived documents"
                + (summary.skipped.isEmpty ? "" : "; \(summary.skipped.count) quarantined skipped")
                + (summary.failed.isEmpty ? "" : "; \(summary.failed.count) failed and quarantined"))
        if !summary.failed.isEmpty { throw ExitCode(ExitStatus.someFailed.rawValue) }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Store figures typed by hand from a report no machine can read (scans, images), audited like the rest.",
        discussion: """
            The CSV needs the columns unit, year, code, value (and optionally note), or 单位编号, 年度, 指标代码, 数值, 备注.
            An empty value is a cell printed blank. One bad row and nothing is imported (exit 64).
            Example:
              nianbao import zimao-2016.csv --source "扫描件，2017年3月公开"
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "Where the figures were read from (kept as provenance).") var source: String?

    func run() throws {
        let configuration = try global.loadConfiguration()
        let imported: [ManualImport.Imported]
        do {
            imported = try ManualImport.run(configuration, file: URL(fileURLWithPath: file), source: source)
        } catch let error as ImportError {
            throw Failure(message: "\(error)", code: .usage).exit()
        } catch {
            throw Failure.translate(error)
        }
        Problems.sync(configuration)
        for item in imported {
            let checks =
                item.failedRules.isEmpty ? "all checks pass" : "failed: \(item.failedRules.joined(separator: ", "))"
            print("\(item.unitId) \(item.year): \(item.figures) figures (\(item.format.rawValue)) — \(checks)")
        }
    }
}

/// The reader worker: reads the documents nianbao sends it, under the limits it is given. Not for users.
struct ReadWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read-worker", shouldDisplay: false)
    @Option(name: .customLong("memory-mb")) var memoryMegabytes: Int
    @Option(name: .customLong("cpu-s")) var cpuSeconds: Int

    func run() {
        WorkerServer.serve(memoryMegabytes: memoryMegabytes, cpuSeconds: cpuSeconds)
    }
}
