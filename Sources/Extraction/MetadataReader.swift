import Documents
import Foundation
import ReportModel

/// Reads the unit and the report year from the title or the first lines.
enum MetadataReader {
    private static let titlePattern = try! NSRegularExpression(
        pattern: "^(.{0,40}?)[（(]?(20\\d\\d|19\\d\\d)[)）]?\\s*年度?\\s*(?:政府|政务)?信息公开(?:工作)?年度?报告")

    private static let separators: Set<Character> = ["_", "-", "|", "—", "：", ":"]
    /// Quotes, book-title marks and spaces around a unit name.
    private static let quotes: Set<Character> = ["《", "》", "“", "”", "\"", "'", "、", " "]

    static func read(_ document: Document) -> (unit: String?, year: Int?) {
        var candidates: [String] = []
        if let title = document.title { candidates.append(title) }
        candidates.append(contentsOf: document.paragraphs.prefix(12))
        for line in candidates where line.includes("信息公开") {
            let compact = line.withoutSpaces
            let range = NSRange(compact.startIndex..., in: compact)
            for match in titlePattern.matches(in: compact, range: range) {
                guard let yearRange = Range(match.range(at: 2), in: compact), let year = Int(compact[yearRange]),
                    let unitRange = Range(match.range(at: 1), in: compact)
                else { continue }
                var unit = compact[unitRange]
                // A site name before the unit's ("某某网_", "首页-"): the unit follows the last separator.
                if let separator = unit.lastIndex(where: separators.contains) {
                    unit = unit[unit.index(after: separator)...]
                }
                unit = unit.trimmingEnds(where: quotes.contains)
                return (unit.isEmpty ? nil : String(unit), year)
            }
        }
        return (nil, nil)
    }
}
