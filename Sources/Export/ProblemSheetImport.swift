import Foundation
import ReportModel
import Storage

/// A 问题清单 sheet that cannot be imported, with every bad row named.
public struct ProblemImportError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// One line per bad row or missing column.
    public var problems: [String]

    /// A plain-words explanation.
    public var description: String {
        "\(path): nothing imported:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Reads a 问题清单 sheet the office edited back into status changes (`nianbao problems import`).
public enum ProblemSheetImport {
    /// The status changes a 问题清单 sheet's rows ask for (`rows` as `XLSXReader` gives them: title, header,
    /// data down to the first empty row, then notes), each row checked first: a row naming an unknown status or
    /// fingerprint fails them all. Rows whose status and note equal the stored ones ask for nothing.
    public static func changes(
        fromSheet rows: [[String]], stored problems: [Problem], path: String,
        by: String
    ) throws -> [ProblemStatusChange] {
        guard let headerIndex = rows.firstIndex(where: { $0.contains("指纹") && $0.contains("状态") }) else {
            throw ProblemImportError(path: path, problems: ["no header row with the columns 指纹 and 状态 (sheet 问题清单)"])
        }
        let header = rows[headerIndex]
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let stored = Dictionary(problems.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ProblemStatusChange] = []
        var bad: [String] = []
        let data = rows.enumerated().dropFirst(headerIndex + 1).prefix { !$0.element.allSatisfy(\.isEmpty) }
        for (offset, row) in data {
            func cell(_ name: String) -> String? {
                column(name).map { $0 < row.count ? row[$0].trimmingCharacters(in: .whitespaces) : "" }
            }
            guard let fingerprint = cell("指纹"), !fingerprint.isEmpty else { continue }
            let line = "row \(offset + 1)"
            guard let problem = stored[fingerprint] else {
                bad.append("\(line): no stored problem with fingerprint '\(fingerprint)'")
                continue
            }
            guard let status = ProblemStatus(named: cell("状态") ?? "") else {
                bad.append(
                    "\(line): unknown status '\(cell("状态") ?? "")' (use "
                        + ProblemStatus.allCases.map { "\($0.rawValue) \($0.label)" }.joined(separator: ", ") + ")")
                continue
            }
            let note = cell("备注")
            if status != problem.status || (note != nil && note != problem.note) {
                changes.append(ProblemStatusChange(fingerprint: fingerprint, status: status, by: by, note: note))
            }
        }
        guard bad.isEmpty else { throw ProblemImportError(path: path, problems: bad) }
        return changes
    }
}
