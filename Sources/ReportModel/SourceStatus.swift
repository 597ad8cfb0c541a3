/// How a source's last attempt ended, as `source_state.last_status` keeps it: the failure kind when it failed (or
/// was deferred), else the outcome, or `not_listed` when the listing page links no report for the year.
public enum SourceStatus: Sendable, Hashable {
    /// It answered: `new`, `changed`, `unchanged`, `not_published` or `conflict` (outcomes with no failure kind).
    case answered(CollectOutcome)
    /// Not published: the listing page has no link for the year (told apart from a 404 in `status`).
    case notListed
    /// It failed (or was deferred) with this kind.
    case failed(FailureKind)

    /// The status of an attempt with this outcome and failure kind.
    public init(_ outcome: CollectOutcome, kind: FailureKind?) {
        self = kind.map(Self.failed) ?? .answered(outcome)
    }

    /// The failure kind, when the last attempt failed.
    public var failureKind: FailureKind? {
        if case .failed(let kind) = self { kind } else { nil }
    }
}

extension SourceStatus: RawRepresentable, CustomStringConvertible {
    /// The stored word (a failure kind is read before an outcome of the same word: `deferred`, `mismatch`…).
    public init?(rawValue: String) {
        if rawValue == Self.notListedWord {
            self = .notListed
        } else if let kind = FailureKind(rawValue: rawValue) {
            self = .failed(kind)
        } else if let outcome = CollectOutcome(rawValue: rawValue) {
            self = .answered(outcome)
        } else {
            return nil
        }
    }

    /// The stored word.
    public var rawValue: String {
        switch self {
        case .answered(let outcome): outcome.rawValue
        case .notListed: Self.notListedWord
        case .failed(let kind): kind.rawValue
        }
    }

    /// The stored word.
    public var description: String { rawValue }

    private static let notListedWord = "not_listed"
}

extension SourceStatus: Codable {
    /// Reads the stored word; one this nianbao does not know is a decoding error naming it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let word = try container.decode(String.self)
        guard let status = Self(rawValue: word) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown source status \"\(word)\"")
        }
        self = status
    }

    /// Writes the stored word.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
