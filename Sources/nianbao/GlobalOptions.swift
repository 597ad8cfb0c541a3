import ArgumentParser
import Collector
import Configuration
import Foundation
import Queries

/// Options every command takes: where the config and the database are.
struct GlobalOptions: ParsableArguments {
    @Option(help: "The config file (default: $NIANBAO_CONFIG, else ./Config/nianbao.yaml).")
    var config: String?

    @Option(help: "The SQLite database (default: the config's `database`, relative to the config file).")
    var database: String?

    @Flag(help: "Print more detail.")
    var verbose = false

    /// Loads and validates the config; an invalid config exits 64 with the file, line and key path.
    func loadConfiguration() throws -> Configuration {
        var configuration = try Self.loadConfiguration(path: config ?? Self.defaultConfigPath)
        if let database { configuration.database = URL(fileURLWithPath: database) }
        return configuration
    }

    /// `arguments` with the global options given before the command (`nianbao --config F rank …`) moved to its
    /// end, where the command's parser takes them.
    static func movedAfterCommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == "--verbose" {
                leading.append(first)
                rest = rest.dropFirst()
            } else if valued.contains(first), rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if valued.contains(where: { first.hasPrefix($0 + "=") }) {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty, !rest.isEmpty else { return arguments }
        if let terminator = rest.firstIndex(of: "--") {
            return Array(rest[..<terminator]) + leading + Array(rest[terminator...])
        }
        return Array(rest) + leading
    }

    /// The global options that take a value.
    private static let valued = ["--config", "--database"]

    /// $NIANBAO_CONFIG, else ./Config/nianbao.yaml.
    static var defaultConfigPath: String {
        ProcessInfo.processInfo.environment["NIANBAO_CONFIG"] ?? "Config/nianbao.yaml"
    }

    /// Loads and validates the config at `path`; an invalid config exits 64 with the file, line and key path.
    static func loadConfiguration(path: String) throws -> Configuration {
        do {
            return try ConfigurationLoader.load(URL(fileURLWithPath: path))
        } catch let error as ConfigurationError {
            throw Failure(message: "invalid config: \(error)", code: .usage).exit()
        }
    }

    /// Opens the read side over the configured database, read-only: the commands that use it only report.
    func queries() throws -> StoreQueries {
        let configuration = try loadConfiguration()
        return try Failure.guarding { try StoreQueries(configuration: configuration, access: .readOnly) }
    }
}
