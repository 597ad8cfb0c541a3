import DraftCheck

extension ConfigurationReader {
    /// `check: { block: [rule…], warn: [rule…] }`: every entry a known rule or family of rules (an unknown one is
    /// refused naming its key, with the nearest names), none in both lists.
    func readCheck(_ node: ConfigNode) throws -> CheckPolicy {
        let keys = try node.mapping(allowed: ["block", "warn"])
        func rules(_ key: String) throws -> [String] {
            guard let list = keys[key] else { return [] }
            return try list.sequence().map { entry in
                let name = try entry.string()
                guard CheckPolicy.isKnown(name) else {
                    throw entry.error(
                        "unknown rule '\(name)'"
                            + NearestNames.hint(NearestNames.to(name, among: CheckPolicy.knownEntries))
                            + "; the rules are listed in docs/office-year.md")
                }
                return name
            }
        }
        let policy = CheckPolicy(block: try rules("block"), warn: try rules("warn"))
        if let both = policy.block.first(where: policy.warn.contains), let node = keys["warn"] {
            throw node.error("'\(both)' is listed under both check.block and check.warn")
        }
        return policy
    }
}
