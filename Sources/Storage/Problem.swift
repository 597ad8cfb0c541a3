import Crypto
import Foundation
import ReportModel

/// Where a problem stands with the office: found, sent to the unit, fixed, or accepted / not to be fixed.
public enum ProblemStatus: String, Sendable, CaseIterable, Codable {
    case open, sent, fixed, accepted
    case wontFix = "wont_fix"

    /// The Chinese label the workbook and tables show beside the code.
    public var label: String {
        switch self {
        case .open: return "待处理"
        case .sent: return "已发单位"
        case .fixed: return "已整改"
        case .accepted: return "已认可"
        case .wontFix: return "不予整改"
        }
    }

    /// The status named by its code (`sent`) or its label (`已发单位`), spaces around it ignored.
    public init?(named text: String) {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard let status = Self(rawValue: name) ?? Self.allCases.first(where: { $0.label == name }) else { return nil }
        self = status
    }
}

/// One problem of a stored report, kept across runs under its fingerprint.
public struct Problem: Sendable, Equatable {
    /// The stable identity: unit, year, rule and cells — never the run or the version.
    public var fingerprint: String
    /// The unit's id.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// The rule (an audit rule's name).
    public var rule: String
    /// The cells involved (indicator codes).
    public var cells: [String]
    /// The last audit outcome: `fail`, or `uncertain` when a cell is missing.
    public var outcome: AuditStatus
    /// The last message: the rule with the printed numbers.
    public var message: String
    /// When it was first found.
    public var firstSeenAt: Date
    /// Its status.
    public var status: ProblemStatus
    /// Who set the status: a name given with `--by`, `workbook`, or `nianbao` for automatic changes.
    public var statusBy: String
    /// When the status was set.
    public var statusAt: Date
    /// The office's note.
    public var note: String
    /// The document version whose reading no longer shows the problem, when nianbao marked it fixed.
    public var fixedVersion: Int64?

    /// The fingerprint of a problem: the first 16 hex digits of SHA-256 over unit, year, rule and sorted cells.
    public static func fingerprint(unitId: String, year: Int, rule: String, cells: [String]) -> String {
        let key = [unitId, String(year), rule, cells.sorted().joined(separator: ",")].joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(key.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}

/// A problem list change that cannot be made, in plain words.
public enum ProblemError: Error, Sendable, CustomStringConvertible {
    /// No stored problem has this fingerprint.
    case unknownFingerprint(String)

    /// A plain-words explanation.
    public var description: String {
        switch self {
        case .unknownFingerprint(let fingerprint):
            return "no problem with fingerprint '\(fingerprint)': see `nianbao problems`"
        }
    }
}
