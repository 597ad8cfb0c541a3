import Foundation
import Synchronization

/// The process's private folder for converters' input files: `$TMPDIR/nianbao-<uid>/<pid>`, mode 0700. Files in
/// it are removed by their users on every path; the folders of processes that were killed are removed by the next
/// process that makes its own.
final class ScratchFolder: Sendable {
    /// The folder of this process, made (and stale ones swept) on first use.
    static let shared = ScratchFolder()

    private let made = Mutex<String?>(nil)
    private let counter = Atomic<Int>(0)

    /// A new file name in the folder (not created).
    func newFile(suffix: String) throws -> String {
        let folder = try made.withLock { folder in
            if let folder { return folder }
            let path = try Self.make()
            folder = path
            return path
        }
        return "\(folder)/\(counter.add(1, ordering: .relaxed).newValue)\(suffix)"
    }

    /// The parent of every process's folder.
    static var parent: String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(base)/nianbao-\(getuid())"
    }

    private static func make() throws -> String {
        let parent = Self.parent
        if mkdir(parent, 0o700) != 0 && errno != EEXIST {
            throw DocumentError.converterFailed(
                "cannot make the scratch folder \(parent): \(String(cString: strerror(errno)))")
        }
        sweepStale(in: parent)
        let folder = "\(parent)/\(getpid())"
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw DocumentError.converterFailed(
                "cannot make the scratch folder \(folder): \(String(cString: strerror(errno)))")
        }
        atexit { try? FileManager.default.removeItem(atPath: "\(ScratchFolder.parent)/\(getpid())") }
        return folder
    }

    /// Removes the folders of processes that no longer run.
    static func sweepStale(in parent: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries {
            guard let pid = pid_t(entry), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: "\(parent)/\(entry)")
        }
    }
}
