import Foundation

/// A folder bind-mounted read-only at a new place, as a read-only disk or a backup mount presents a database
/// (root's permission bits do not stop root, a read-only mount does). Unmounted when the value goes away.
public final class ReadOnlyMount: @unchecked Sendable {
    /// Where the folder can be read.
    public let url: URL

    /// Mounts `folder` read-only at a fresh folder beside it; throws when it cannot (not root, no `mount`).
    public init(_ folder: URL) throws {
        url = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-read-only")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let status = try Self.run("/bin/mount", ["--bind", "-o", "ro", folder.path, url.path])
        guard status == 0, access(url.path, W_OK) != 0 else {
            _ = try? Self.run("/bin/umount", [url.path])
            try? FileManager.default.removeItem(at: url)
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    deinit {
        _ = try? Self.run("/bin/umount", [url.path])
        try? FileManager.default.removeItem(at: url)
    }

    /// Whether this process can make read-only mounts (it runs as root and `mount` works here).
    public static let isAvailable: Bool = {
        guard let folder = try? TemporaryDirectory() else { return false }
        return (try? ReadOnlyMount(folder.url)) != nil
    }()

    private static func run(_ program: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
