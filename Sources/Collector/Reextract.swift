import Foundation
import Storage

/// `nianbao reextract`: read archived documents again (after the extractor improves), without the network.
public enum Reextract {
    /// Re-reads the latest version of every unit·year (of one year, or all); returns how many were read.
    public static func run(_ configuration: Configuration, year: Int?) throws -> Int {
        let store = try Store(path: configuration.database.path)
        return try JobCollector.reread(try store.latestVersionIds(year: year), configuration: configuration, store: store) { _ in
            Date()
        }
    }
}
