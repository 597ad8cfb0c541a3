import Foundation

/// The hostile documents of `Resources/make_hostile.py`, made once per test process in a folder of their own.
public enum HostileFiles {
    /// The folder holding them (made on first use; nil when python3 is missing).
    public static let folder: URL? = {
        guard let python = Tools.path(of: "python3") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-hostile-\(getpid())")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            RepositoryPaths.resource("make_hostile.py").path, folder.path,
            RepositoryPaths.seeds.appendingPathComponent("demo/qingyang-2024.html").path,
        ]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder : nil
    }()

    /// One hostile file's path.
    public static func file(_ name: String) -> URL? { folder?.appendingPathComponent(name) }
}
