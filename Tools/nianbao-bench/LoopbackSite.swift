import Foundation

/// A real HTTP server on 127.0.0.1 serving a folder: nginx when installed, else the project's Python test server.
final class LoopbackSite {
    let port: Int
    let kind: String
    private let process: Process

    init(serving folder: URL, work: URL, repository: URL) throws {
        process = Process()
        if let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            let port = try LoopbackPort.unused()
            let prefix = work.appendingPathComponent("nginx")
            try FileManager.default.createDirectory(at: prefix.appendingPathComponent("logs"), withIntermediateDirectories: true)
            let conf = """
                daemon off; worker_processes 1; pid \(prefix.path)/nginx.pid; error_log \(prefix.path)/logs/error.log;
                events { worker_connections 1024; }
                http { access_log off; sendfile on; keepalive_requests 100000;
                  client_body_temp_path \(prefix.path)/body; proxy_temp_path \(prefix.path)/proxy;
                  fastcgi_temp_path \(prefix.path)/fastcgi; uwsgi_temp_path \(prefix.path)/uwsgi; scgi_temp_path \(prefix.path)/scgi;
                  types { text/html html; text/plain txt; }
                  server { listen 127.0.0.1:\(port); location /files/ { alias \(folder.path)/; etag on; } } }
                """
            try Data(conf.utf8).write(to: prefix.appendingPathComponent("nginx.conf"))
            process.executableURL = URL(fileURLWithPath: nginx)
            process.arguments = ["-p", prefix.path, "-c", prefix.appendingPathComponent("nginx.conf").path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // nginx reports a failed start (a port taken in between, say) only in its error log: wait for it to
            // accept connections rather than measure a dead server.
            try LoopbackPort.awaitListening(port, seconds: 10, server: "nginx (log: \(prefix.path)/logs/error.log)")
            self.port = port
            kind = "nginx"
        } else {
            let output = Pipe()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", repository.appendingPathComponent("Tests/TestSupport/Resources/loopback_server.py").path,
                                 folder.path]
            process.standardOutput = output
            try process.run()
            let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw BenchError("the Python test server did not start")
            }
            self.port = port
            kind = "python3 ThreadingHTTPServer"
        }
    }

    deinit { stop() }

    /// Stops the server: SIGTERM, so that nginx's master stops its worker too (a killed master leaves the worker
    /// serving), then SIGKILL if it has not ended within two seconds.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The CPU time the server (with its worker) has used so far.
    var cpuSeconds: Double { ChildRun.cpuSeconds(ofRunning: process.processIdentifier) }

    func url(_ file: String) -> String { "http://127.0.0.1:\(port)/files/\(file)" }
}
