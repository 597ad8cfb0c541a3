import Foundation
import Storage

extension DocumentVersionRecord {
    /// A fetched version of `text` for the storage tests: `url` both as configured and as finally fetched, no
    /// headers, the bytes and their size.
    static func fixture(
        unit: String, year: Int = 2024, url: String, text: String, sha256: String,
        at date: Date = Date()
    ) -> DocumentVersionRecord {
        DocumentVersionRecord(
            id: nil, unitId: unit, year: year, url: url, finalUrl: url, sha256: sha256,
            content: Data(text.utf8), contentType: nil, charset: nil, etag: nil, lastModified: nil,
            byteCount: text.utf8.count, firstSeenAt: date)
    }
}
