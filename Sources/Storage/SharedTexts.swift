import Crypto
import Foundation
import GRDB
import ReportModel
import Synchronization

/// Texts that repeat report after report — a figure's table, row and column labels (`figure_source`), an audit
/// result's list of cells (`audit_cells`) — are stored once each, under an id made from the text itself: whoever
/// saves a report knows the ids of its texts without asking the database, so its rows are built before the write
/// and the writer looks nothing up.
enum SharedTextId {
    /// The first 63 bits of the SHA-256 of `parts` (each followed by U+001F), as a non-negative id. Two texts
    /// meeting on one id would take some 2^31 random texts, or 2^63 work to aim at a given one; the tables'
    /// triggers refuse it should it ever happen, so that one text is never read back as another.
    static func of(_ parts: [String]) -> Int64 {
        ids(of: [parts]) { parts, take in parts.forEach(take) }[0]
    }

    /// The ids of `texts`, `parts` handing each one's parts over in order: those seen before found in memory, all
    /// under one lock (a report's 160-odd labels had taken a lock each, contended by the other reading threads).
    static func ids<Text>(of texts: [Text], parts: (Text, (String) -> Void) -> Void) -> [Int64] {
        // Each text's parts, each followed by U+001F, one text after the other in one buffer: the bytes its id is
        // hashed from, digested to find it in memory and compared with what memory holds. They are read once, as
        // UTF-8 (hashing or comparing the strings would normalise every Chinese character first), and no list of
        // parts is made per text.
        var joined: [UInt8] = []
        joined.reserveCapacity(texts.count * 64)
        var ends: [Int] = []
        ends.reserveCapacity(texts.count)
        for index in texts.indices {
            parts(texts[index]) { part in
                var part = part
                part.withUTF8 { joined.append(contentsOf: $0) }
                joined.append(separator)
            }
            ends.append(joined.count)
        }
        return joined.withUnsafeBufferPointer { joined in
            ids(
                of: ends.indices.map { index in
                    UnsafeBufferPointer(rebasing: joined[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
                })
        }
    }

    /// The ids of texts given as their joined bytes: found in memory by digest, else hashed and remembered.
    private static func ids(of texts: [UnsafeBufferPointer<UInt8>]) -> [Int64] {
        let digests = texts.map { text in
            var digest = TextDigest()
            digest.add(UnsafeRawBufferPointer(text))
            return digest.value
        }
        let remembered = known.withLock { known in digests.map { known[$0] } }
        var ids = [Int64](repeating: 0, count: texts.count)
        var learned: [(digest: UInt64, text: RememberedText)] = []
        for (index, text) in texts.enumerated() {
            // The digest only finds a candidate: the id is given back only for the very same bytes.
            if let candidate = remembered[index], candidate.bytes.withUnsafeBufferPointer({ same($0, text) }) {
                ids[index] = candidate.id
            } else {
                ids[index] = hashed(text)
                learned.append((digests[index], RememberedText(bytes: Array(text), id: ids[index])))
            }
        }
        if !learned.isEmpty {
            known.withLock { known in
                if known.count >= 50_000 { known.removeAll(keepingCapacity: true) }  // flat memory on endless new texts
                for entry in learned { known[entry.digest] = entry.text }
            }
        }
        return ids
    }

    /// Follows each part of a text.
    private static let separator: UInt8 = 0x1F

    /// A text seen before: its parts' bytes, each followed by U+001F, and its id.
    private struct RememberedText {
        let bytes: [UInt8]
        let id: Int64
    }

    /// The ids of texts seen before, by digest: a lookup costs less than half a hash.
    private static let known = Mutex<[UInt64: RememberedText]>([:])

    private static func same(_ one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        one.count == other.count && (one.isEmpty || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0)
    }

    private static func hashed(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64 {
        var hash = SHA256()
        hash.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        let id = hash.finalize().withUnsafeBytes { digest in digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        return Int64(bitPattern: id >> 1)
    }
}

/// The ids of one table's shared texts that the store holds, so that reports leave out the inserts of texts
/// already stored. Readers take a first cut before the write (`uncommitted`); the writer, inside the transaction,
/// inserts only what neither the committed ids nor its own transaction holds (`insertNew`). A commit makes the
/// transaction's ids known; a rollback forgets them, so the next report brings them again. Shared texts are never
/// deleted, so a known id is always in the table.
final class StoredTextIds: Sendable {
    private struct State {
        var committed: Set<Int64>
        /// Inserted by the open transaction; not empty exactly while its end is being watched.
        var inOpenTransaction: Set<Int64> = []
    }

    private let table: String
    private let columns: Int
    private let state: Mutex<State>

    /// The ids already in `table`, whose rows are an id and `columns` texts.
    convenience init(_ db: Database, table: String, columns: Int) throws {
        self.init(
            table: table, columns: columns, committed: Set(try Int64.fetchAll(db, sql: "SELECT id FROM \(table)")))
    }

    /// `table`'s ids as already read (`committed`).
    init(table: String, columns: Int, committed: Set<Int64>) {
        self.table = table
        self.columns = columns
        state = Mutex(State(committed: committed))
    }

    /// Those of `ids` not known to be committed, with their positions in `ids`.
    func uncommitted(_ ids: [Int64]) -> [(id: Int64, position: Int)] {
        state.withLock { state in
            ids.enumerated().filter { !state.committed.contains($0.element) }.map { ($0.element, $0.offset) }
        }
    }

    /// Inserts those of `candidates` that the store does not hold, inside `db`'s open transaction, with the texts
    /// `texts` gives for a candidate's position. The texts are made here, for the few still missing: until a
    /// collect's first commit, every label of every report is a candidate.
    func insertNew(_ candidates: [(id: Int64, position: Int)], texts: (Int) -> [String], _ db: Database) throws {
        guard !candidates.isEmpty else { return }
        // One observer per transaction: the first insert of a transaction registers it.
        let (new, firstOfTransaction) = state.withLock { state in
            let first = state.inOpenTransaction.isEmpty
            return (
                candidates.filter {
                    !state.committed.contains($0.id) && state.inOpenTransaction.insert($0.id).inserted
                }, first
            )
        }
        guard !new.isEmpty else { return }
        if firstOfTransaction {
            db.afterNextTransaction(
                onCommit: { [self] _ in
                    state.withLock { state in
                        state.committed.formUnion(state.inOpenTransaction)
                        state.inOpenTransaction = []
                    }
                },
                onRollback: { [self] _ in
                    state.withLock { $0.inOpenTransaction = [] }
                })
        }
        let placeholders = Array(repeating: "?", count: columns + 1).joined(separator: ",")
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(table) VALUES (\(placeholders))")
        for candidate in new {
            try statement.execute(arguments: StatementArguments([candidate.id] + texts(candidate.position)))
        }
    }
}

/// The stored ids of a store's shared-text tables.
struct SharedTexts: Sendable {
    /// A figure's table, row and column labels.
    let figureSources: StoredTextIds
    /// An audit result's cells, as a JSON array.
    let auditCells: StoredTextIds
    /// A figure's code.
    let figureCodes: FigureCodes

    init(_ db: Database) throws {
        figureSources = try StoredTextIds(db, table: "figure_source", columns: 3)
        auditCells = try StoredTextIds(db, table: "audit_cells", columns: 1)
        figureCodes = try FigureCodes(db)
    }
}
