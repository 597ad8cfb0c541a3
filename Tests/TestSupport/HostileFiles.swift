import Foundation

/// The hostile documents of `Resources/make_hostile.py`, made once per test process in a folder of their own.
public enum HostileFiles {
    /// The folder holding them (made on first use; nil when python3 is missing).
    public static let folder: URL? = {
        guard let python = Tools.path(of: "python3") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-hostile-\(getpid())")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [RepositoryPaths.resource("make_hostile.py").path, folder.path,
                             RepositoryPaths.seeds.appendingPathComponent("demo/qingyang-2024.html").path]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder : nil
    }()

    /// One hostile file's path.
    public static func file(_ name: String) -> URL? { folder?.appendingPathComponent(name) }
}

/// Programs the tests need from the system.
public enum Tools {
    /// The full path of `program` on PATH, if it is installed.
    public static func path(of program: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether `program` is installed.
    public static func has(_ program: String) -> Bool { path(of: program) != nil }
}
