import ArgumentParser
import Collector
import Foundation

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

    /// Reads and prints file by file, so memory stays flat however many files are given; several files in JSON
    /// make one array.
    func run() throws {
        let files = ExtractCommand.files(paths)
        guard !files.isEmpty else {
            let message = paths.isEmpty ? "no files given" : "no files to read in \(paths.joined(separator: ", "))"
            throw Failure(message: message, code: .usage).exit()
        }
        let asArray = format == .json && (files.count > 1 || files != paths)
        if asArray { StandardOutput.write(Array("[\n".utf8)) }
        var failed = 0
        for (index, file) in files.enumerated() {
            let output = ExtractCommand.extract(file, year: year, unit: unit)
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
}

struct Reextract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run extraction over archived documents (after the extractor improves); no network.",
        discussion: "Example:\n  nianbao reextract --year 2024")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this report year.") var year: Int?

    func run() throws {
        let configuration = try global.loadConfiguration()
        let count = try Failure.guarding { try Collector.Reextract.run(configuration, year: year) }
        print("re-extracted \(count) archived documents")
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store figures typed by hand from a report no machine can read (scans, images), audited like the rest.",
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
        for item in imported {
            let checks = item.failedRules.isEmpty ? "all checks pass" : "failed: \(item.failedRules.joined(separator: ", "))"
            print("\(item.unitId) \(item.year): \(item.figures) figures (\(item.format.rawValue)) — \(checks)")
        }
    }
}
