import Foundation

/// Days as reports print them (yyyy-MM-dd), in China Standard Time.
enum ChinaDay {
    /// The start of a printed yyyy-MM-dd day; nil when the text is not such a day.
    static func start(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}
