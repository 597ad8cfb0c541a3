/// The six sections a 2019- or 2021-template report has, in their statutory order.
public enum StatutorySection: Int, Sendable, CaseIterable {
    case overview = 1
    case proactive, applications, reviewAndLitigation, problems, other

    /// The statutory title.
    public var title: String {
        switch self {
        case .overview: return "总体情况"
        case .proactive: return "主动公开政府信息情况"
        case .applications: return "收到和处理政府信息公开申请情况"
        case .reviewAndLitigation: return "政府信息公开行政复议、行政诉讼情况"
        case .problems: return "存在的主要问题及改进情况"
        case .other: return "其他需要报告的事项"
        }
    }

    /// The section a numbered heading's title names, by the words no other heading of a report uses.
    static func named(byNumbered title: String) -> StatutorySection? {
        allCases.first { section in section.looseWords.contains { title.contains($0) } }
    }

    /// The section an unnumbered heading's title names: only by the statutory wording, since table headers
    /// ("行政复议") and sentences use the shorter words too.
    static func named(byUnnumbered title: String) -> StatutorySection? {
        allCases.first { section in section.strictWords.contains { title.contains($0) } }
    }

    private var looseWords: [String] {
        switch self {
        case .overview: return ["总体情况"]
        case .proactive: return ["主动公开政府信息"]
        case .applications: return ["收到和处理", "公开申请情况"]
        case .reviewAndLitigation: return ["行政复议"]
        case .problems: return ["存在的主要问题", "存在问题"]
        case .other: return ["其他需要报告"]
        }
    }

    private var strictWords: [String] {
        switch self {
        case .overview: return ["总体情况"]
        case .proactive: return ["主动公开政府信息情况"]
        case .applications: return ["收到和处理政府信息公开申请情况"]
        case .reviewAndLitigation: return ["行政复议、行政诉讼", "行政复议和行政诉讼"]
        case .problems: return ["存在的主要问题及改进情况"]
        case .other: return ["其他需要报告的事项"]
        }
    }

    /// The topics of 总体情况 in the templates, which belong under it, not beside the sections.
    static let overviewTopics = ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"]
}

/// A line of a report that may be a heading: short, no sentence inside, perhaps numbered.
struct HeadingCandidate: Sendable, Hashable {
    /// The number it starts with.
    var number: HeadingNumber?
    /// The text after the number.
    var title: String
    /// The line as printed.
    var line: String

    /// Headings are at most this many characters after their number.
    static let maximumTitleLength = 40

    init?(_ line: String) {
        let trimmed = line.trimming(" 　")
        let (number, rest) = HeadingNumber.split(trimmed)
        let title = rest.trimming("：:")
        guard !title.isEmpty, title.count <= Self.maximumTitleLength,
            !title.contains(where: { "。，,；;".contains($0) })
        else { return nil }
        self.number = number
        self.title = title
        self.line = trimmed
    }

    /// The statutory section this heading names.
    var section: StatutorySection? {
        number == nil ? StatutorySection.named(byUnnumbered: title) : StatutorySection.named(byNumbered: title)
    }

    /// The 总体情况 topic this heading names, when it names no section.
    var topic: String? {
        guard section == nil, title.count <= 20 else { return nil }
        return StatutorySection.overviewTopics.first { title.contains($0) }
    }
}
