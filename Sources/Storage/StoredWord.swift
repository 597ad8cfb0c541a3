import GRDB
import ReportModel

/// A stored word (an outcome, a failure kind, a source status) this nianbao does not know; the store's pool names
/// the database file (`StoreError.unknownValue`).
struct UnknownStoredValue: Error {
    var column: String
    var value: String
}

/// Reading the enumerations the store keeps as TEXT: a word it does not know is reported, never trapped on.
enum StoredWord {
    /// The value of `word`, read from `column`.
    static func decode<Value: RawRepresentable>(_ word: String, column: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: word) else { throw UnknownStoredValue(column: column, value: word) }
        return value
    }

    /// The value of `word`, if any, read from `column`.
    static func decode<Value: RawRepresentable>(_ word: String?, column: String) throws -> Value?
    where Value.RawValue == String {
        try word.map { try decode($0, column: column) }
    }

    /// A count per word (the run's JSON maps) with typed keys.
    static func decode<Value: RawRepresentable & Hashable>(_ counts: [String: Int], column: String) throws -> [Value:
        Int]
    where Value.RawValue == String {
        var typed: [Value: Int] = [:]
        for (word, count) in counts { typed[try decode(word, column: column) as Value] = count }
        return typed
    }
}
