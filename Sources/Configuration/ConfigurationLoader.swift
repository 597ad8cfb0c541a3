import Documents
import Foundation
import Yams

/// Reads and validates `nianbao.yaml`.
public enum ConfigurationLoader {
    /// Loads the config at `url`; every problem is a `ConfigurationError` naming the file, line and key path.
    /// With `unitsFileMayBeMissing`, a `units_file` not written yet holds no units; a `unitsFileReplacement` is
    /// read in the place of the `units_file`.
    public static func load(_ url: URL, unitsFileMayBeMissing: Bool = false, unitsFileReplacement: URL? = nil) throws
        -> Configuration
    {
        var reader = ConfigurationReader(root: try compose(url), directory: url.deletingLastPathComponent())
        reader.unitsFileMayBeMissing = unitsFileMayBeMissing
        reader.unitsFileReplacement = unitsFileReplacement
        return try reader.read()
    }

    /// The YAML tree of the file at `url`: UTF-8, with or without a byte order mark.
    static func compose(_ url: URL) throws -> ConfigNode {
        let file = url.path
        let bytes: [UInt8]
        do {
            bytes = try LocalFile.bytes(atPath: file)
        } catch DocumentError.unreadable(let why) {
            throw ConfigurationError(file: file, line: nil, keyPath: "", message: "cannot read the config file: \(why)")
        }
        // A UTF-8 byte order mark, as Windows Notepad writes one, is not part of the text.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            throw ConfigurationError(
                file: file, line: nil, keyPath: "", message: "the config file is not UTF-8 (save it as UTF-8, not GBK)")
        }
        let root: Node
        do {
            // Every value is read as the text written (ConfigNode converts it), so no implicit typing of scalars:
            // the default resolver's regular expressions were most of the time spent reading a 10,000-unit config.
            guard let composed = try Yams.compose(yaml: text, .basic) else {
                throw ConfigurationError(file: file, line: nil, keyPath: "", message: "the config file is empty")
            }
            root = composed
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw describe(error, text: text, file: file)
        }
        return ConfigNode(node: root, path: "", file: file)
    }

    /// A YAML syntax error in plain words with its line (libyaml's own messages name the problem, not the key).
    private static func describe(_ error: YamlError, text: String, file: String) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigurationError(file: file, line: mark.line, keyPath: "", message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            // A CRLF is one character, not a "\n": a config saved on Windows has its lines too.
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            let uses = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("\(key):") }
            return ConfigurationError(
                file: file, line: uses.dropFirst().first.map { $0 + 1 } ?? context.mark.line,
                keyPath: key, message: "key '\(key)' given twice")
        default:
            return ConfigurationError(file: file, line: nil, keyPath: "", message: "not valid YAML: \(error)")
        }
    }
}
