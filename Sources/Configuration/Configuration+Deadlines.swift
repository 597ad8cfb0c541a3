import Foundation

extension Configuration {
    /// The deadline that applies to `unit`: its own, else its kind's, else the city's.
    public func deadline(of unit: UnitConfiguration) -> MonthDay {
        unit.deadline ?? kindDeadlines[unit.kind] ?? deadline
    }

    /// The deadline of every configured unit by id, for looking many up.
    public func deadlinesByUnit() -> [String: MonthDay] {
        Dictionary(units.map { ($0.id, deadline(of: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether any kind or unit has a deadline other than the city's.
    public var hasOwnDeadlines: Bool {
        units.contains { deadline(of: $0) != deadline }
    }
}

extension MonthDay {
    /// The days of each month in a year that is not a leap year: a deadline must fall on a day every year has.
    private static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// Reads "MM-DD" (or "M-D"), a day that exists every year; nil otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month),
            (1...Self.daysInMonth[month - 1]).contains(day)
        else { return nil }
        self.init(month: month, day: day)
    }
}
