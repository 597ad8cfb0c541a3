import Foundation
import GRDB
import ReportModel

/// A configured unit as last synchronised from the configuration.
public struct UnitRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// The table this record is stored in.
    public static let databaseTableName = "unit"
    /// The stable id.
    public var id: String
    /// The Chinese name.
    public var name: String
    /// The peer group (街道, 镇, 部门 …).
    public var kind: String
    /// 行政区划代码, kept as text.
    public var code: String?
    /// The unit this one rolls up into.
    public var parent: String?
    /// The configuration order.
    public var position: Int

    /// Creates a unit record.
    public init(id: String, name: String, kind: String, code: String?, parent: String?, position: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.code = code
        self.parent = parent
        self.position = position
    }
}

/// One archived document version: the raw bytes exactly as fetched.
public struct DocumentVersionRecord: Codable, Sendable, FetchableRecord, TableRecord {
    /// The table this record is stored in.
    public static let databaseTableName = "document_version"
    /// Row id.
    public var id: Int64?
    /// The unit id.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// The configured URL.
    public var url: String
    /// The URL after redirects.
    public var finalUrl: String
    /// Hex sha256 of `content`.
    public var sha256: String
    /// The raw bytes.
    public var content: Data
    /// The Content-Type header.
    public var contentType: String?
    /// The character set the bytes are in (text and HTML only).
    public var charset: String?
    /// The ETag header.
    public var etag: String?
    /// The Last-Modified header.
    public var lastModified: String?
    /// The size in bytes.
    public var byteCount: Int
    /// When this version was first captured.
    public var firstSeenAt: Date

    enum CodingKeys: String, CodingKey {
        case id, year, url, sha256, content, charset, etag
        case unitId = "unit_id"
        case finalUrl = "final_url"
        case contentType = "content_type"
        case lastModified = "last_modified"
        case byteCount = "byte_count"
        case firstSeenAt = "first_seen_at"
    }

    /// Creates a version record.
    public init(
        id: Int64?, unitId: String, year: Int, url: String, finalUrl: String, sha256: String, content: Data,
        contentType: String?, charset: String?, etag: String?, lastModified: String?, byteCount: Int,
        firstSeenAt: Date
    ) {
        self.id = id
        self.unitId = unitId
        self.year = year
        self.url = url
        self.finalUrl = finalUrl
        self.sha256 = sha256
        self.content = content
        self.contentType = contentType
        self.charset = charset
        self.etag = etag
        self.lastModified = lastModified
        self.byteCount = byteCount
        self.firstSeenAt = firstSeenAt
    }
}

extension Array where Element == SourceStateRecord {
    /// One unit's states by year (the first of a year kept; a unit has one source per year).
    public var byYear: [Int: SourceStateRecord] {
        Dictionary(map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The fetch state of one unit·year source, for conditional GET, back-off and health.
public struct SourceStateRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// The table this record is stored in.
    public static let databaseTableName = "source_state"
    /// The unit id.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// The source URL.
    public var url: String
    /// The ETag header.
    public var etag: String?
    /// The Last-Modified header.
    public var lastModified: String?
    /// When the source was last asked.
    public var lastAttemptAt: Date?
    /// When the source last answered with a document (or 304).
    public var lastSuccessAt: Date?
    /// How the last attempt ended: the failure kind, else the outcome (`unchanged`, `not_published`…).
    public var status: SourceStatus?
    /// Failures since the last success.
    public var consecutiveFailures: Int
    /// The last error in plain words.
    public var lastError: String?
    /// Not to be tried again before this time (back-off).
    public var nextAttemptAt: Date?
    /// The configured source this state is for: the report URL, the `url_template`, or the `listing` page. A
    /// changed one resets the back-off.
    public var origin: String?

    enum CodingKeys: String, CodingKey {
        case year, url, etag, origin
        case unitId = "unit_id"
        case lastModified = "last_modified"
        case lastAttemptAt = "last_attempt_at"
        case lastSuccessAt = "last_success_at"
        case status = "last_status"
        case consecutiveFailures = "consecutive_failures"
        case lastError = "last_error"
        case nextAttemptAt = "next_attempt_at"
    }

    /// A fresh state for a source never fetched.
    public init(unitId: String, year: Int, url: String) {
        self.unitId = unitId
        self.year = year
        self.url = url
        self.consecutiveFailures = 0
    }

    /// Writes a state row whole (the collect pipeline's path; `save(_:)` does the same through Codable).
    static let replaceSQL = "INSERT OR REPLACE INTO source_state VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    /// The row for `replaceSQL`, in the table's column order, dates converted here rather than on the writer.
    var rowArguments: StatementArguments {
        [
            unitId, year, url, etag, lastModified, StoredDate.value(lastAttemptAt), StoredDate.value(lastSuccessAt),
            status?.rawValue, consecutiveFailures, lastError, StoredDate.value(nextAttemptAt), origin,
        ]
    }

    /// Reads a stored state; a `last_status` this nianbao does not know throws (`StoreError.unknownValue` once
    /// out of the store).
    public init(row: Row) throws {
        unitId = row["unit_id"]
        year = row["year"]
        url = row["url"]
        etag = row["etag"]
        lastModified = row["last_modified"]
        lastAttemptAt = row["last_attempt_at"]
        lastSuccessAt = row["last_success_at"]
        status = try StoredWord.decode(row["last_status"] as String?, column: "source_state.last_status")
        consecutiveFailures = row["consecutive_failures"]
        lastError = row["last_error"]
        nextAttemptAt = row["next_attempt_at"]
        origin = row["origin"]
    }
}
