import Yams

/// A YAML node with its key path, read into typed values with errors that name the file, line and key path.
struct ConfigNode {
    let node: Node
    let path: String
    let file: String

    var line: Int? { node.mark?.line }

    func error(_ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, keyPath: path, message: message)
    }

    func child(_ key: String, _ node: Node) -> ConfigNode {
        ConfigNode(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    /// The mapping's entries, refusing keys outside `allowed` and repeated keys.
    func mapping(allowed: Set<String>) throws -> [String: ConfigNode] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping (key: value lines)") }
        var entries: [String: ConfigNode] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw error("a key is not text") }
            let entry = child(name, value)
            guard allowed.contains(name) else {
                throw ConfigurationError(
                    file: file, line: key.mark?.line, keyPath: entry.path,
                    message: "unknown key '\(name)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard entries[name] == nil else {
                throw ConfigurationError(
                    file: file, line: key.mark?.line, keyPath: entry.path, message: "key given twice")
            }
            entries[name] = entry
        }
        return entries
    }

    /// The mapping's entries keyed by year, for `reports`.
    func yearMapping() throws -> [(year: Int, node: ConfigNode)] {
        guard case .mapping(let mapping) = node else { throw error("expected year: url lines") }
        var seen: Set<Int> = []
        return try mapping.map { key, value in
            let entry = child(key.string ?? "?", value)
            guard let text = key.string, let year = Int(text), (2000...2100).contains(year) else {
                throw ConfigurationError(
                    file: file, line: key.mark?.line, keyPath: entry.path,
                    message: "'\(key.string ?? "")' is not a report year (2000–2100)")
            }
            guard seen.insert(year).inserted else {
                throw ConfigurationError(
                    file: file, line: key.mark?.line, keyPath: entry.path, message: "year given twice")
            }
            return (year, entry)
        }
    }

    func sequence() throws -> [ConfigNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a list (lines starting with '-')") }
        return sequence.enumerated().map { index, item in
            ConfigNode(node: item, path: "\(path)[\(index)]", file: file)
        }
    }

    /// A scalar as text. Quoted or plain, the text is taken as written (codes such as "010" stay "010").
    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a single value") }
        return scalar.string
    }

    func int(in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(try string()), range.contains(value) else {
            throw error("expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func double(in range: ClosedRange<Double>) throws -> Double {
        guard let value = Double(try string()), range.contains(value) else {
            throw error("expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("expected true or false")
        }
    }
}
