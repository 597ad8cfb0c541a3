import Foundation
import GRDB
import Testing

@testable import Storage

/// The remembered date text must be exactly GRDB's, and never another date's.
@Suite("Stored dates")
struct StoredDateTests {
    @Test func everyDateGetsGRDBsOwnTextEvenWhenDatesAlternate() {
        let start = Date(timeIntervalSince1970: 1_764_000_000.123)
        let dates = (0..<200).map { start.addingTimeInterval(Double($0 % 7) * 3600.5 + Double($0 / 7) * 0.001) }
        for date in dates + dates.reversed() {
            #expect(StoredDate.value(date) == date.databaseValue)
            #expect(StoredDate.value(date) == date.databaseValue, "asked twice in a row")
        }
        #expect(StoredDate.value(nil as Date?) == .null)
    }

    @Test func aSourceStateRowCarriesItsDatesAsGRDBWouldStoreThem() {
        var state = SourceStateRecord(unitId: "u1", year: 2024, url: "https://example.org/a")
        state.lastAttemptAt = Date(timeIntervalSince1970: 1_764_000_000.5)
        state.nextAttemptAt = Date(timeIntervalSince1970: 1_764_003_600.25)
        let values = state.rowArguments.description
        #expect(values.contains("\"2025-11-24 16:00:00.500\""))
        #expect(values.contains("\"2025-11-24 17:00:00.250\""))
        #expect(values.contains("NULL"), "no last success: NULL, not a date")
    }
}
