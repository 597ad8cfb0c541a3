/// The known names closest to a mistyped one, for "did you mean" hints: by edit distance (characters inserted,
/// deleted or replaced), a name containing the typed text counting as close.
public enum NearestNames {
    /// Up to `limit` of `known` nearest `typed`, nearest first; none when nothing is close.
    public static func to(_ typed: String, among known: [String], limit: Int = 3) -> [String] {
        let typedCharacters = Array(typed.lowercased())
        let scored = known.map { name -> (name: String, distance: Int) in
            let lowered = name.lowercased()
            let distance =
                !typed.isEmpty && lowered.contains(typed.lowercased())
                ? lowered.count - typedCharacters.count : editDistance(typedCharacters, Array(lowered))
            return (name, distance)
        }
        let allowed = max(2, typedCharacters.count / 3)
        return scored.filter { $0.distance <= allowed }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
            .prefix(limit).map(\.name)
    }

    /// " (did you mean a, b?)", or "" without suggestions.
    public static func hint(_ names: [String]) -> String {
        names.isEmpty ? "" : " (did you mean \(names.joined(separator: ", "))?)"
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
