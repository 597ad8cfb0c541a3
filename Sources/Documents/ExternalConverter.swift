import Foundation

/// Runs a converter program (pdftotext, antiword) on bytes written to a temporary file.
enum ExternalConverter {
    static func run(_ program: String, arguments: [String], input: [UInt8], suffix: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
        let file = directory.appendingPathComponent("nianbao-\(UUID().uuidString)\(suffix)")
        try Data(input).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        guard let path = locate(program) else {
            throw DocumentError.converterFailed("\(program) is not installed (apt-get install \(package(of: program)))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments + [file.path] + (program == "pdftotext" ? ["-"] : [])
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DocumentError.converterFailed("\(program) exited \(process.terminationStatus): "
                                                + errorText.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func locate(_ program: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func package(of program: String) -> String { program == "antiword" ? "antiword" : "poppler-utils" }
}
