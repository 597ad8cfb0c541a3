import Foundation
import Storage

/// `nianbao reextract`: read archived documents again (after the extractor improves), without the network.
public enum Reextract {
    /// Re-reads the latest version of every unit·year (of one year, or all); returns how many were read.
    public static func run(_ configuration: Configuration, year: Int?) throws -> Int {
        let store = try Store(path: configuration.database.path)
        var count = 0
        let ids = try store.latestVersionIds(year: year)
        let versions = try ids.compactMap { try store.documentVersion(id: $0) }.sorted { ($0.unitId, $0.year) < ($1.unitId, $1.year) }
        for version in versions {
            // Figures typed by hand (`nianbao import`) have no document to read again.
            guard !version.url.hasPrefix("manual:"),
                  let unit = configuration.units.first(where: { $0.id == version.unitId }), let id = version.id else { continue }
            let content = JobCollector.read([UInt8](version.content), contentType: version.contentType, url: version.url,
                                             versionId: id, unit: unit, year: version.year, store: store)
            try JobCollector.save(content, unitId: version.unitId, year: version.year, store: store, at: Date())
            count += 1
        }
        return count
    }
}
