import Foundation

/// Runs a converter program (pdftotext, antiword) on a document's bytes, bounded: the bytes go to a file in the
/// process's private scratch folder (removed on every path), both of the child's pipes are drained at once, its
/// output is capped, and it is killed when it outlives its deadline.
enum ExternalConverter {
    /// Limits for one conversion.
    struct Limits: Sendable {
        /// Seconds the converter may run.
        var seconds: Double = 60
        /// Bytes of text it may write to standard output.
        var outputBytes = 32 * 1024 * 1024
        /// Bytes of its standard error kept for the message (the rest is read and dropped).
        var errorBytes = 4 * 1024
    }

    /// Converts `input` with `program arguments… FILE [-]`; returns the text it printed.
    static func run(
        _ program: String, arguments: [String], input: [UInt8], suffix: String,
        limits: Limits = Limits()
    ) throws -> String {
        guard let path = locate(program) else {
            throw DocumentError.converterFailed("\(program) is not installed (apt-get install \(package(of: program)))")
        }
        let file = try ScratchFolder.shared.newFile(suffix: suffix)
        defer { unlink(file) }
        do {
            try Data(input).write(to: URL(fileURLWithPath: file))
        } catch {
            throw DocumentError.converterFailed("cannot write the scratch file \(file): \(error.localizedDescription)")
        }
        let finished = try ChildProcess.run(
            path, arguments: arguments + [file] + (program == "pdftotext" ? ["-"] : []),
            limits: limits)
        switch finished.ending {
        case .deadline:
            throw DocumentError.converterFailed("\(program) ran longer than \(Int(limits.seconds)) s and was stopped")
        case .outputCap:
            throw DocumentError.tooLarge(
                "\(program) wrote more than \(limits.outputBytes / 1_048_576) MB of text and was stopped")
        case .signal(let number):
            throw DocumentError.converterFailed("\(program) was killed by signal \(number)\(finished.errorSummary)")
        case .exit(let status) where status != 0:
            throw DocumentError.converterFailed("\(program) exited \(status)\(finished.errorSummary)")
        case .exit:
            return String(decoding: finished.output, as: UTF8.self)
        }
    }

    private static func locate(_ program: String) -> String? {
        if program.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func package(of program: String) -> String { program == "antiword" ? "antiword" : "poppler-utils" }
}
