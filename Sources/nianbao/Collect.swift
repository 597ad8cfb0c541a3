import ArgumentParser
import Collector
import Foundation
import ReaderWorkers

struct Collect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch every due unit·year, archive, extract, audit and store; print a run summary.",
        discussion: """
            Idempotent and safe to run from cron: a second run at the same time exits 75; unchanged documents
            (HTTP 304 or the same bytes) add nothing. Exit 0 = all fine, 1 = some unit·year failed, or its failing
            source is backing off though its report's deadline has passed (see `nianbao runs`, `nianbao units`).
            --dry-run lists every source: due now and why, or when it is tried next and why not now.
            Examples:
              nianbao collect
              nianbao collect --year 2025 --unit luoshan
              nianbao collect --dry-run
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("year"), help: "Only this report year (repeatable).") var years: [Int] = []
    @Option(name: .customLong("unit"), help: "Only this unit id (repeatable).") var units: [String] = []
    @Flag(help: "Fetch again unconditionally, ignoring back-off and validators.") var force = false
    @Flag(help: "Only list what is due; fetch nothing.") var dryRun = false
    @Flag(help: "For cron: one line per problem and a summary line, each with the local time, its zone and the run id.")
    var quiet = false
    @Flag(help: "Read quarantined documents (ones a reader crashed or ran out of time or memory on) again.")
    var retryQuarantined = false

    func run() async throws {
        let configuration = try global.loadConfiguration()
        for unit in units where !configuration.units.contains(where: { $0.id == unit }) {
            throw Failure(message: "unknown unit '\(unit)': not in \(configuration.file.path)", code: .usage).exit()
        }
        var options = CollectOptions()
        options.years = Set(years)
        options.units = Set(units)
        options.force = force
        options.dryRun = dryRun
        options.retryQuarantined = retryQuarantined
        options.reading = .workers(executable: DocumentReaders.currentExecutable, limits: configuration.reading)
        let reporter = ProgressReporter(quiet: quiet, verbose: global.verbose)
        let summary = try await Failure.guarding {
            try await CollectRun.run(
                configuration, options: options, started: { reporter.started($0) },
                progress: { reporter.report($0) })
        }
        reporter.finish()
        if !dryRun { Problems.sync(configuration) }
        SummaryPrinter.print(summary, quiet: quiet, dryRun: dryRun)
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}
