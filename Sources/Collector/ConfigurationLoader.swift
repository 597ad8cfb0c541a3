import Foundation
import Yams

/// Reads and validates `nianbao.yaml`.
public enum ConfigurationLoader {
    /// Loads the config at `url`; every problem is a `ConfigurationError` naming the file, line and key path.
    public static func load(_ url: URL) throws -> Configuration {
        let file = url.path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(file: file, line: nil, keyPath: "", message: "cannot read the config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, line: nil, keyPath: "", message: "the config file is not UTF-8")
        }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw ConfigurationError(file: file, line: nil, keyPath: "", message: "the config file is empty")
            }
            root = composed
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw ConfigurationError(file: file, line: yamlLine(error), keyPath: "", message: "not valid YAML: \(error)")
        }
        return try ConfigurationReader(root: ConfigNode(node: root, path: "", file: file),
                                       directory: url.deletingLastPathComponent()).read()
    }

    private static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}
