import Documents
import Foundation
import ReportModel

/// Reads the unit and the report year from the title or the first lines.
enum MetadataReader {
    private static let titlePattern = try! NSRegularExpression(
        pattern: "^(.{0,40}?)[（(]?(20\\d\\d|19\\d\\d)[)）]?\\s*年度?\\s*(?:政府|政务)?信息公开(?:工作)?年度?报告")

    static func read(_ document: Document) -> (unit: String?, year: Int?) {
        var candidates: [String] = []
        if let title = document.title { candidates.append(title) }
        candidates.append(contentsOf: document.paragraphs.prefix(12))
        for line in candidates where line.includes("信息公开") {
            let compact = line.withoutSpaces
            let range = NSRange(compact.startIndex..., in: compact)
            for match in titlePattern.matches(in: compact, range: range) {
                guard let yearRange = Range(match.range(at: 2), in: compact), let year = Int(compact[yearRange]),
                      let unitRange = Range(match.range(at: 1), in: compact) else { continue }
                var unit = String(compact[unitRange])
                for separator in ["_", "-", "|", "—", "：", ":"] {
                    if let last = unit.components(separatedBy: separator).last { unit = last }
                }
                unit = unit.trimmingCharacters(in: CharacterSet(charactersIn: "《》“”\"'、 "))
                return (unit.isEmpty ? nil : unit, year)
            }
        }
        return (nil, nil)
    }
}
