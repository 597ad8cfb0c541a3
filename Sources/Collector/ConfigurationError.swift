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

    /// "Config/nianbao.yaml:12: units[3].id: duplicate unit id 'luoshan'".
    public var description: String {
        "\(file):\(line.map(String.init) ?? "?"): \(keyPath.isEmpty ? "(top level)" : keyPath): \(message)"
    }
}
