/// Whether a problem stops the draft from being published (`block`) or is only reported (`warn`).
public enum CheckSeverity: String, Sendable, Hashable, Codable, CaseIterable {
    /// The draft must be corrected before publication: `nianbao check` exits 1.
    case block
    /// Worth a look; the draft may be published.
    case warn
}

/// Who must act on a problem.
public enum CheckActor: String, Sendable, Hashable, Codable, CaseIterable {
    /// The unit: the draft prints it so.
    case unit
    /// nianbao's reading may be the cause (a scan read by OCR, a cell not found, a PDF's columns): compare with
    /// the draft before sending it back.
    case reading
}

/// One problem found in a draft.
public struct CheckProblem: Sendable, Hashable {
    /// The rule: an audit rule's name (`t3.row.new_received`) or one of `DraftRule`.
    public var rule: String
    /// Block or warn, after the config's `check` lists are applied.
    public var severity: CheckSeverity
    /// Who must act.
    public var actor: CheckActor
    /// What the problem is about: indicator codes, or `section:N`, `topic:…`, `unit:ID`, `previous:YEAR`. With the
    /// unit, year and rule they make the problem's fingerprint.
    public var cells: [String]
    /// The printed text involved (a heading, a sentence, the repeated or copied passages), when there is one.
    public var passage: String?
    /// What the draft should print, when that can be said.
    public var expected: String?
    /// What it prints.
    public var printed: String?
    /// The problem in plain words.
    public var message: String

    /// Creates a problem.
    public init(
        rule: String, severity: CheckSeverity, actor: CheckActor, cells: [String], passage: String? = nil,
        expected: String? = nil, printed: String? = nil, message: String
    ) {
        self.rule = rule
        self.severity = severity
        self.actor = actor
        self.cells = cells
        self.passage = passage
        self.expected = expected
        self.printed = printed
        self.message = message
    }
}
