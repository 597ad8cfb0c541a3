import Foundation

/// The benchmark's settings from its command line.
struct BenchOptions {
    var reports = 2000
    var concurrency = 8
    /// Rounds of the side-by-side pipeline measurements (medians are reported): on a shared two-core machine,
    /// two runs of three rounds each measured one binary's pipeline at 1.28× and 1.54×.
    var rounds = 9
    var queryUnits = 10_000
    var queryYears = 15
    var work = "/tmp/nianbao-bench"
    var repository = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    /// Only the query measurements, reusing the query database of an earlier run when it is there.
    var queriesOnly = false
    /// Only the pipeline measurements (curl, extract, collect, xmllint, ingest), keeping the query database.
    var pipelineOnly = false
    /// The demo city's compact pages (6 KB on average) instead of pages laid out as portals publish them (25 KB):
    /// the compact province of docs/performance.md.
    var compactPages = false
    /// Only the politeness scenario: a city's units on hosts of uneven size, collected with `delay_ms` set.
    var politenessOnly = false
    /// Rounds of the politeness scenario, each a collect of about `delayMilliseconds` × 41 (its median is reported).
    var politenessRounds = 5
    /// The politeness scenario's `delay_ms`.
    var delayMilliseconds = 300

    /// `--help` was given.
    var wantsHelp = false
    /// Options that are not the benchmark's, or that lack a value.
    var problems: [String] = []

    static let usage = """
        usage: nianbao-bench [--reports N] [--concurrency N] [--rounds N] [--query-units N] [--query-years N]
                             [--work DIR] [--repository DIR] [--queries-only | --pipeline-only | --politeness-only]
                             [--compact-pages] [--politeness-rounds N] [--delay-ms N]
        Build in release first (swift build -c release). Writes a synthetic province under --work (default
        /tmp/nianbao-bench) — its pages laid out as portals publish them, 25 KB on average, or with
        --compact-pages as the demo city's, 6 KB — serves it from nginx (or the Python test server) on
        127.0.0.1, and prints the measurements as a Markdown table. The full run also collects 60 units from 12
        loopback hosts of uneven size with delay_ms set (default 300), against the largest host's politeness
        bound; --politeness-only runs that alone.
        """

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            if flag == "--help" || flag == "-h" {
                wantsHelp = true
                continue
            }
            if ["--queries-only", "--pipeline-only", "--politeness-only", "--compact-pages"].contains(flag) {
                queriesOnly = queriesOnly || flag == "--queries-only"
                pipelineOnly = pipelineOnly || flag == "--pipeline-only"
                politenessOnly = politenessOnly || flag == "--politeness-only"
                compactPages = compactPages || flag == "--compact-pages"
                continue
            }
            let known = [
                "--reports", "--concurrency", "--rounds", "--query-units", "--query-years", "--politeness-rounds",
                "--delay-ms", "--work", "--repository",
            ]
            guard known.contains(flag) else {
                problems.append("unknown option \(flag)")
                continue
            }
            guard let value = iterator.next() else {
                problems.append("\(flag) needs a value")
                continue
            }
            let number = Int(value)
            if number == nil && flag != "--work" && flag != "--repository" {
                problems.append("\(flag) takes a whole number, not \(value)")
                continue
            }
            switch flag {
            case "--reports": reports = number ?? reports
            case "--concurrency": concurrency = number ?? concurrency
            case "--rounds": rounds = max(number ?? rounds, 1)
            case "--query-units": queryUnits = number ?? queryUnits
            case "--query-years": queryYears = number ?? queryYears
            case "--politeness-rounds": politenessRounds = max(number ?? politenessRounds, 1)
            case "--delay-ms": delayMilliseconds = max(number ?? delayMilliseconds, 1)
            case "--work": work = value
            default: repository = URL(fileURLWithPath: value)
            }
        }
    }
}

/// The measured numbers, printed as a Markdown table for docs/performance.md.
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

/// The middle value (the upper one of an even count), 0 for none.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// The smallest and largest of `values`, as "min–max".
func range(_ values: [Double], _ digits: Int) -> String {
    "\(fmt(values.min() ?? 0, digits))–\(fmt(values.max() ?? 0, digits))"
}
