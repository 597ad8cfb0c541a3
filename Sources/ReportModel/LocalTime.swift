import Foundation

/// Times as nianbao shows them: in the local time zone (`TZ` respected), always with the zone's offset. They are
/// stored in UTC.
public enum LocalTime {
    /// "2026-12-05T16:31:02+08:00".
    public static func iso(_ date: Date) -> String { isoStyle.format(date) }

    /// "2026-12-05 16:31 +0800".
    public static func minute(_ date: Date) -> String { minuteFormat.string(from: date) }

    /// "2026-12-05", the local day.
    public static func day(_ date: Date) -> String { String(isoStyle.format(date).prefix(10)) }

    /// "2026-12-05 16:31:02 +0800".
    public static func second(_ date: Date) -> String { secondFormat.string(from: date) }

    private static let isoStyle = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: .current)
    private static let minuteFormat = formatter("yyyy-MM-dd HH:mm xx")
    private static let secondFormat = formatter("yyyy-MM-dd HH:mm:ss xx")

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = format
        return formatter
    }
}
