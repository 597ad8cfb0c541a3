import Foundation
import GRDB
import Synchronization

/// A date as GRDB stores it (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), the last one made remembered. A collect stamps
/// every row it writes (a report, its document version, its source's state) with the run's one time: formatting
/// that time afresh through a DateFormatter for each row was 2 % of a collect's CPU.
enum StoredDate {
    private static let last = Mutex<(date: Date, value: DatabaseValue)?>(nil)

    /// The stored form of `date`; the same text GRDB writes for it.
    static func value(_ date: Date) -> DatabaseValue {
        if let known = last.withLock({ $0 }), known.date == date { return known.value }
        let value = date.databaseValue
        last.withLock { $0 = (date, value) }
        return value
    }

    /// The stored form of `date`, or NULL.
    static func value(_ date: Date?) -> DatabaseValue {
        date.map(value) ?? .null
    }
}
