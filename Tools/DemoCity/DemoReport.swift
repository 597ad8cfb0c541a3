import ReportModel

/// How a demo report is stored.
public enum DemoFileKind: String, Sendable, Hashable {
    /// An HTML article page.
    case html
    /// A plain-text copy (old format, like the seed).
    case text
}

/// One demo report with the truth the tests check the extractor against.
public struct DemoReport: Sendable {
    /// The unit.
    public let unit: DemoUnit
    /// The report year.
    public let year: Int
    /// The format it is written in.
    public let format: ReportFormat
    /// HTML or text.
    public let fileKind: DemoFileKind
    /// UTF-8 or GB18030 bytes.
    public internal(set) var encoding: DemoEncoding
    /// Every figure the report prints, by code.
    public let figures: [String: Double]
    /// The audit rules the report was made to break (empty for a consistent report).
    public let plantedFailures: Set<String>
    /// The publication date printed on the page (month, day of the following year or the same).
    public let published: (year: Int, month: Int, day: Int)
    /// Proactive category items (old format).
    public let items: [LabelledItem]
    /// True for the real seed report, which is copied, not generated.
    public let isRealSeed: Bool
    /// How the page is laid out (the demo city's are compact).
    public internal(set) var layout: DemoLayout = .compact

    /// The file name under `Seeds/` (the real seed) or `Seeds/demo/`.
    public var fileName: String {
        if isRealSeed { return "luoshan-2017.txt" }
        return "\(unit.id)-\(year).\(fileKind == .html ? "html" : "txt")"
    }

    /// The path relative to the config folder.
    public var configPath: String { isRealSeed ? "../Seeds/\(fileName)" : "../Seeds/demo/\(fileName)" }
}

/// The byte encoding of a demo file.
public enum DemoEncoding: String, Sendable, Hashable {
    /// UTF-8 with a correct label.
    case utf8
    /// GB18030 bytes with a `gb2312` label.
    case gbk
    /// GB18030 bytes with a wrong `utf-8` label (bytes must win).
    case gbkMislabelled = "gbk_mislabelled"
}
