import Foundation

/// Runs the built `nianbao` executable and captures what a user would see.
public enum BinaryRunner {
    /// The result of one run.
    public struct Result: Sendable {
        /// The exit code.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// The built binary beside the test bundle (`.build/<config>/nianbao`).
    public static var executable: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("nianbao")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return RepositoryPaths.root.appendingPathComponent(".build/debug/nianbao")
    }

    /// Another executable of the package, built beside `nianbao` (`nianbao-bench`, `nianbao-demo`).
    public static func sibling(_ name: String) -> URL {
        executable.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs `program arguments…` (by default `nianbao`) in `directory`.
    public static func run(
        _ arguments: [String], in directory: URL = RepositoryPaths.root,
        environment: [String: String] = [:], program: URL = executable
    ) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
