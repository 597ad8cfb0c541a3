import ArgumentParser
import Collector
import Configuration
import Foundation
import Queries
import Storage

/// The exit codes listed in the README.
enum ExitStatus: Int32 {
    case someFailed = 1
    case usage = 64
    case notAReport = 65
    case locked = 75
    /// EX_IOERR: the database could not be opened, read or written (damaged, unreadable, a full disk).
    case ioError = 74

    /// EX_DATAERR: a file's content cannot be taken (a roster with bad rows, like a document that is not a report).
    static let badData = ExitStatus.notAReport
}

/// An error already explained to the user: printed to stderr, then the process exits with `code`.
struct Failure: Error {
    var message: String
    var code: ExitStatus

    /// Runs `body`, turning known errors into plain-words failures with the right exit code.
    static func guarding<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw translate(error) }
    }

    /// Async variant of `guarding`.
    static func guarding<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw translate(error) }
    }

    static func translate(_ error: any Error) -> any Error {
        switch error {
        case let failure as Failure: return failure.exit()
        case let error as ConfigurationError: return Failure(message: "invalid config: \(error)", code: .usage).exit()
        case let error as QueryError: return Failure(message: "\(error)", code: .usage).exit()
        case let error as StoreError:
            if case .locked = error { return Failure(message: "\(error); nothing was done", code: .locked).exit() }
            return Failure(message: "\(error)", code: .ioError).exit()
        case is ExitCode, is CleanExit: return error
        default: return error
        }
    }

    /// Prints the message and becomes the exit code.
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data("nianbao: \(message)\n".utf8))
        return ExitCode(code.rawValue)
    }
}
