import Foundation

/// A real HTTP server on 127.0.0.1 serving a folder: nginx when installed, else the project's Python test server.
/// It listens on one port for each host it stands for: nianbao's politeness keys on host and port, so each port is
/// a host of its own.
final class LoopbackSite {
    /// The ports, one for each host.
    let ports: [Int]
    let kind: String
    private let processes: [Process]

    /// The first host's port.
    var port: Int { ports[0] }

    init(serving folder: URL, work: URL, repository: URL, hosts: Int = 1) throws {
        if let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        }) {
            var ports: [Int] = []
            while ports.count < hosts {
                let port = try LoopbackPort.unused()
                if !ports.contains(port) { ports.append(port) }
            }
            let prefix = work.appendingPathComponent(hosts == 1 ? "nginx" : "nginx-\(hosts)-hosts")
            try FileManager.default.createDirectory(
                at: prefix.appendingPathComponent("logs"), withIntermediateDirectories: true)
            let listens = ports.map { "listen 127.0.0.1:\($0);" }.joined(separator: " ")
            let conf = """
                daemon off; worker_processes 1; pid \(prefix.path)/nginx.pid; error_log \(prefix.path)/logs/error.log;
                events { worker_connections 1024; }
                http { access_log off; sendfile on; keepalive_requests 100000;
                  client_body_temp_path \(prefix.path)/body; proxy_temp_path \(prefix.path)/proxy;
                  fastcgi_temp_path \(prefix.path)/fastcgi; uwsgi_temp_path \(prefix.path)/uwsgi; scgi_temp_path \(prefix.path)/scgi;
                  types { text/html html; text/plain txt; }
                  server { \(listens) location /files/ { alias \(folder.path)/; etag on; } } }
                """
            try Data(conf.utf8).write(to: prefix.appendingPathComponent("nginx.conf"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: nginx)
            process.arguments = ["-p", prefix.path, "-c", prefix.appendingPathComponent("nginx.conf").path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes = [process]
            // nginx reports a failed start (a port taken in between, say) only in its error log: wait for it to
            // accept connections rather than measure a dead server.
            for port in ports {
                try LoopbackPort.awaitListening(port, seconds: 10, server: "nginx (log: \(prefix.path)/logs/error.log)")
            }
            self.ports = ports
            kind = "nginx"
        } else {
            var started: [(Process, Int)] = []
            for _ in 0..<hosts {
                started.append(try Self.startPythonServer(serving: folder, repository: repository))
            }
            processes = started.map(\.0)
            ports = started.map(\.1)
            kind = "python3 ThreadingHTTPServer"
        }
    }

    deinit { stop() }

    /// The Python test server on a port of its own, and that port.
    private static func startPythonServer(serving folder: URL, repository: URL) throws -> (Process, Int) {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", repository.appendingPathComponent("Tests/TestSupport/Resources/loopback_server.py").path,
            folder.path,
        ]
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("the Python test server did not start")
        }
        return (process, port)
    }

    /// Stops the servers: SIGTERM, so that nginx's master stops its worker too (a killed master leaves the worker
    /// serving), then SIGKILL if one has not ended within two seconds.
    func stop() {
        for process in processes where process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    /// The CPU time the servers (with nginx's worker) have used so far.
    var cpuSeconds: Double { processes.reduce(0) { $0 + ChildRun.cpuSeconds(ofRunning: $1.processIdentifier) } }

    /// The URL of `file` on the host numbered `host` (0 for the first).
    func url(_ file: String, host: Int = 0) -> String { "http://127.0.0.1:\(ports[host])/files/\(file)" }
}
