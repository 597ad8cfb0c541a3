import Foundation

/// The test HTTP server (`Resources/loopback_server.py`) on 127.0.0.1, serving files from `root`.
public final class LoopbackServer: @unchecked Sendable {
    /// The port it listens on.
    public let port: Int
    private let process: Process
    private let logFile: URL
    /// The server's standard input: it exits when this closes, which the kernel does if the test process dies.
    private let lifeline = Pipe()

    /// Starts the server; it is killed (SIGKILL) by `stop()` or when the object goes away.
    public init(root: URL) throws {
        process = Process()
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nianbao-server-\(UUID().uuidString).log")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RepositoryPaths.resource("loopback_server.py").path, root.path, logFile.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["NIANBAO_EXIT_WITH_STDIN": "1"]) { _, new in
            new
        }
        process.standardInput = lifeline
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let text = String(data: line, encoding: .utf8),
            let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: logFile)
    }

    /// The URL of a path on this server.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    /// Stops the server.
    public func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The server's request log in arrival order, and the most requests it had in flight at once; requests for
    /// /robots.txt (of any host, through a proxy) are left out unless `includingRobots`.
    public func requestLog(includingRobots: Bool = false) throws
        -> (requests: [(path: String, time: Double, port: Int, ifNoneMatch: String?)], maxActive: Int)
    {
        let lines = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        var maxActive = 0
        let requests = lines.split(separator: "\n").compactMap { line -> (String, Double, Int, String?)? in
            guard let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let path = entry["path"] as? String, let time = entry["time"] as? Double,
                let port = entry["port"] as? Int, includingRobots || !path.hasSuffix("/robots.txt")
            else { return nil }
            maxActive = max(maxActive, entry["active"] as? Int ?? 0)
            return (path, time, port, entry["inm"] as? String)
        }
        return (requests, maxActive)
    }
}
