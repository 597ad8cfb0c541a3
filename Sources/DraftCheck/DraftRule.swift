import Extraction

/// The rules of the draft check beyond the audit's, with the severity each has unless the config says otherwise.
public enum DraftRule: String, Sendable, CaseIterable {
    /// A statutory section's heading is absent.
    case outlineMissing = "outline.missing"
    /// The sections are not in the statutory order.
    case outlineOrder = "outline.order"
    /// A section carries the wrong number, none, or its heading is printed twice.
    case outlineNumbering = "outline.numbering"
    /// A section is numbered in another system than the others (1. or （一） beside 一、).
    case outlineMixedNumbering = "outline.mixed_numbering"
    /// A topic of 总体情况 (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障) is numbered as a section.
    case outlinePromotedTopic = "outline.promoted_topic"
    /// More than half of the prose repeats the unit's previous report.
    case repetition
    /// Passages printed by another unit's report of the same year.
    case copying
    /// The prose says all applications were closed while 结转下年度继续办理 is above 0.
    case contradictionAllClosed = "contradiction.all_closed"
    /// The prose says there was no 行政复议 while table 四 counts some.
    case contradictionNoReview = "contradiction.no_review"
    /// The prose says there was no 行政诉讼 while table 四 counts some.
    case contradictionNoLitigation = "contradiction.no_litigation"
    /// The prose says no application was received while table 三 counts some.
    case contradictionNoApplications = "contradiction.no_applications"
    /// Two adjacent cells whose digits, joined, make a failed identity balance: one number printed in two cells.
    case splitNumber = "split_number"
    /// The draft names another configured unit or year than the one checked, or no configured unit at all.
    case unitIdentity = "unit_identity"

    /// The severity of the rule's problems unless the config lists it.
    public var defaultSeverity: CheckSeverity {
        switch self {
        case .outlinePromotedTopic, .copying: return .warn
        default: return .block
        }
    }

    /// Every rule name the config's `check` lists may name: these rules and the audit's.
    public static let knownNames: Set<String> = Set(allCases.map(\.rawValue)).union(Auditor.ruleNames)
}
