/// An invalid configuration, located by file, line and key path.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The config file.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The key path, such as `units[3].reports.2019`.
    public var keyPath: String
    /// What is wrong, in plain words.
    public var message: String

    /// "Config/nianbao.yaml:12: units[3].id: duplicate unit id 'luoshan'"; the line and key path are left out
    /// when unknown ("Config/nianbao.yaml: cannot read the config file: No such file or directory").
    public var description: String {
        let location = file + (line.map { ":\($0)" } ?? "")
        return keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}
