import Foundation

/// A 公开日期 as typed in an import file — 2025-01-20, 2025/1/20, 2025.1.20 or 2025年1月20日 — in the stored
/// form yyyy-MM-dd.
enum PublishedDate {
    /// The date as yyyy-MM-dd, or nil when `text` is not a real calendar date.
    static func normalized(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { "-/.年月日".contains($0) }).map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
            (2000...2100).contains(year)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: date) == components
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
