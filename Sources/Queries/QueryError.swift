import Configuration

/// A question the store cannot answer as asked, in plain words.
public enum QueryError: Error, Sendable, CustomStringConvertible {
    /// The code is not in the catalogue (nor a series or rate), with the nearest codes.
    case unknownIndicator(String, suggestions: [String])
    /// A unit id that the config does not define, and the nearest ids.
    case unknownUnit(String, suggestions: [String])
    /// A `--group` no configured unit has as its `kind`, and the groups there are.
    case unknownGroup(String, groups: [String])
    /// A year outside the configured years with no report stored.
    case unknownYear(Int, configured: ClosedRange<Int>, stored: [Int])
    /// `--from` after `--to`.
    case emptyRange(from: Int, to: Int)
    /// A wide trend export names more than one code.
    case wideTrendOfSeveralCodes([String])

    /// A plain-words explanation.
    public var description: String {
        switch self {
        case .unknownIndicator(let code, let suggestions):
            return "unknown indicator '\(code)'\(NearestNames.hint(suggestions)); "
                + "`nianbao indicators --search TEXT` lists the codes"
        case .unknownUnit(let id, let suggestions):
            return "unknown unit '\(id)': not a unit id of the config\(NearestNames.hint(suggestions))"
        case .unknownGroup(let group, let groups):
            return "unknown group '\(group)': the config's units are of kinds \(groups.joined(separator: ", "))"
                + NearestNames.hint(NearestNames.to(group, among: groups))
        case .unknownYear(let year, let configured, let stored):
            let held = stored.isEmpty ? "none stored" : "stored: \(stored.map(String.init).joined(separator: ", "))"
            return "year \(year) is outside the config's years \(configured.lowerBound)–\(configured.upperBound) "
                + "and no report of it is stored (\(held))"
        case .emptyRange(let from, let to): return "--from \(from) is after --to \(to): no year lies between"
        case .wideTrendOfSeveralCodes(let codes):
            return "a wide trend export takes one --indicator (given: \(codes.joined(separator: ", "))); "
                + "use --layout long for several"
        }
    }
}
