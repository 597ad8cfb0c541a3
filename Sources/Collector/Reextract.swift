import Configuration
import Foundation
import ReaderWorkers
import Storage

/// `nianbao reextract`: read archived documents again (after the extractor improves), without the network.
public enum Reextract {
    /// Re-reads the latest version of every unit·year (of one year, or all), in `reading`'s readers; quarantined
    /// documents are skipped unless `retryQuarantined`.
    public static func run(
        _ configuration: Configuration, year: Int?, reading: DocumentReaders.Mode = .inProcess,
        retryQuarantined: Bool = false
    ) throws -> RereadSummary {
        let store = try Store(path: configuration.database.path)
        let readers = DocumentReaders(reading)
        defer { readers.shutdown() }
        return try JobCollector.reread(
            try store.latestVersionIds(year: year), configuration: configuration, store: store,
            readers: readers, quarantine: try QuarantineList(store: store, retry: retryQuarantined)
        ) { _ in
            Date()
        }
    }
}
