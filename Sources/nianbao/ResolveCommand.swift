import ArgumentParser
import Collector
import Foundation
import ReaderWorkers

struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Choose between figures typed by hand and a document read later (audit rule manual_conflict).",
        discussion: """
            Examples:
              nianbao resolve luoshan 2024 --keep typed
              nianbao resolve luoshan 2024 --keep machine
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The unit id.") var unit: String
    @Argument(help: "The report year.") var year: Int
    @Option(help: "typed (the figures typed by hand) or machine (the figures read from the latest document).")
    var keep: ConflictChoice

    func run() throws {
        let configuration = try global.loadConfiguration()
        let readers = DocumentReaders(
            .workers(
                executable: DocumentReaders.currentExecutable,
                limits: configuration.reading))
        defer { readers.shutdown() }
        do {
            print(try keep.apply(configuration, unitId: unit, year: year, readers: readers))
        } catch let error as ConflictChoiceError {
            throw Failure(message: "\(error)", code: .usage).exit()
        } catch {
            throw Failure.translate(error)
        }
    }
}

extension ConflictChoice: ExpressibleByArgument {}
