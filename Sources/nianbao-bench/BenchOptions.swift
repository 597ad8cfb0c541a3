import Foundation

/// The benchmark's settings from its command line.
struct BenchOptions {
    var reports = 2000
    var concurrency = 8
    /// Rounds of the side-by-side pipeline measurements (medians are reported).
    var rounds = 3
    var queryUnits = 10_000
    var queryYears = 15
    var work = "/tmp/nianbao-bench"
    var repository = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    /// Only the query measurements, reusing the query database of an earlier run when it is there.
    var queriesOnly = false
    /// Only the pipeline measurements (curl, extract, collect, xmllint, ingest), keeping the query database.
    var pipelineOnly = false

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            if flag == "--queries-only" || flag == "--pipeline-only" {
                queriesOnly = queriesOnly || flag == "--queries-only"
                pipelineOnly = pipelineOnly || flag == "--pipeline-only"
                continue
            }
            let value = iterator.next() ?? ""
            switch flag {
            case "--reports": reports = Int(value) ?? reports
            case "--concurrency": concurrency = Int(value) ?? concurrency
            case "--rounds": rounds = max(Int(value) ?? rounds, 1)
            case "--query-units": queryUnits = Int(value) ?? queryUnits
            case "--query-years": queryYears = Int(value) ?? queryYears
            case "--work": work = value
            case "--repository": repository = URL(fileURLWithPath: value)
            default: FileHandle.standardError.write(Data("nianbao-bench: unknown option \(flag)\n".utf8))
            }
        }
    }
}

/// The measured numbers, printed as a Markdown table for the README.
struct BenchResults {
    private var rows: [(String, String, String)] = []
    private var notes: [String] = []

    mutating func add(_ what: String, _ value: String, _ detail: String = "") { rows.append((what, value, detail)) }
    mutating func note(_ text: String) { notes.append(text) }

    var markdown: String {
        var lines = notes.map { "- \($0)" } + ["", "| measurement | result | detail |", "| --- | --- | --- |"]
        lines += rows.map { "| \($0.0) | \($0.1) | \($0.2) |" }
        return lines.joined(separator: "\n")
    }
}

func fmt(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
