import Foundation

extension TemporaryDirectory {
    /// A fresh folder holding a copy of the demo city — the repository's `Config/` and `Seeds/` — where the built
    /// binary runs as a user runs it in a clone, free to collect, edit seeds and write files.
    public static func withDemoCity() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for folder in ["Config", "Seeds"] {
            try FileManager.default.copyItem(
                at: RepositoryPaths.root.appendingPathComponent(folder), to: directory.path(folder))
        }
        return directory
    }
}
