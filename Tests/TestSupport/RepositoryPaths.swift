import Foundation

/// Paths inside the repository, found from this source file's location.
public enum RepositoryPaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Seeds/`.
    public static var seeds: URL { root.appendingPathComponent("Seeds") }

    /// `Config/nianbao.yaml`.
    public static var config: URL { root.appendingPathComponent("Config/nianbao.yaml") }

    /// The real seed report.
    public static var seedReport: URL { seeds.appendingPathComponent("luoshan-2017.txt") }

    /// A fixture file under `Tests/<target>/Fixtures/`.
    public static func fixture(_ name: String, target: String) -> URL {
        root.appendingPathComponent("Tests/\(target)/Fixtures/\(name)")
    }

    /// A bundled test resource (the loopback server script).
    public static func resource(_ name: String) -> URL {
        root.appendingPathComponent("Tests/TestSupport/Resources/\(name)")
    }
}
