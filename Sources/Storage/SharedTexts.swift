import Crypto
import Foundation
import GRDB
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
        let key = TextParts(parts: parts)
        if let id = known.withLock({ $0[key] }) { return id }
        let id = hashed(parts)
        known.withLock { known in
            if known.count >= 50_000 { known.removeAll(keepingCapacity: true) }  // flat memory on endless new texts
            known[key] = id
        }
        return id
    }

    /// The ids of texts seen before: a lookup costs less than half a hash.
    private static let known = Mutex<[TextParts: Int64]>([:])

    private static func hashed(_ parts: [String]) -> Int64 {
        var hash = SHA256()
        for var part in parts {
            part.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            withUnsafeBytes(of: UInt8(0x1F)) { hash.update(bufferPointer: $0) }
        }
        let id = hash.finalize().withUnsafeBytes { digest in digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        return Int64(bitPattern: id >> 1)
    }
}

/// Texts as a dictionary key, hashed and compared as UTF-8 bytes, as they are stored: hashing or comparing the
/// `String`s themselves would normalise every Chinese character first (Unicode equivalence), at several times
/// the cost. The bytes are read once, into a 64-bit FNV-style digest that the dictionary hashes and that settles
/// almost every unequal comparison; equal digests are confirmed byte by byte. (Hashing the bytes with the
/// dictionary's own hasher and comparing them at every probe cost a collect 3.7 % of its CPU, for 250 labels
/// looked up 324,000 times.)
private struct TextParts: Hashable {
    let parts: [String]
    private let digest: UInt64

    init(parts: [String]) {
        self.parts = parts
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            Self.withBytes(part) { bytes in
                // Eight bytes at a step, FNV-style, then the last few one by one.
                let raw = UnsafeRawBufferPointer(bytes)
                var offset = 0
                while offset + 8 <= raw.count {
                    digest = (digest ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01b3
                    digest ^= digest >> 29
                    offset += 8
                }
                for byte in raw[offset...] { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            digest = (digest ^ 0x1F) &* 0x100_0000_01b3
        }
        self.digest = digest
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    static func == (left: TextParts, right: TextParts) -> Bool {
        guard left.digest == right.digest, left.parts.count == right.parts.count else { return false }
        for (one, other) in zip(left.parts, right.parts) {
            let same = withBytes(one) { one in
                withBytes(other) { other in
                    one.count == other.count && (one.isEmpty || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0)
                }
            }
            if !same { return false }
        }
        return true
    }

    /// `text`'s UTF-8 bytes in place (a native string's), else from a contiguous copy.
    private static func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
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
        self.init(table: table, columns: columns, committed: Set(try Int64.fetchAll(db, sql: "SELECT id FROM \(table)")))
    }

    /// `table`'s ids as already read (`committed`).
    init(table: String, columns: Int, committed: Set<Int64>) {
        self.table = table
        self.columns = columns
        state = Mutex(State(committed: committed))
    }

    /// Those of `ids` not known to be committed, with their positions in `ids`.
    func uncommitted(_ ids: [Int64]) -> [(id: Int64, position: Int)] {
        state.withLock { state in ids.enumerated().filter { !state.committed.contains($0.element) }.map { ($0.element, $0.offset) } }
    }

    /// Inserts those of `candidates` that the store does not hold, inside `db`'s open transaction, with the texts
    /// `texts` gives for a candidate's position. The texts are made here, for the few still missing: until a
    /// collect's first commit, every label of every report is a candidate.
    func insertNew(_ candidates: [(id: Int64, position: Int)], texts: (Int) -> [String], _ db: Database) throws {
        guard !candidates.isEmpty else { return }
        // One observer per transaction: the first insert of a transaction registers it.
        let (new, firstOfTransaction) = state.withLock { state in
            let first = state.inOpenTransaction.isEmpty
            return (candidates.filter { !state.committed.contains($0.id) && state.inOpenTransaction.insert($0.id).inserted }, first)
        }
        guard !new.isEmpty else { return }
        if firstOfTransaction {
            db.afterNextTransaction(onCommit: { [self] _ in
                state.withLock { state in
                    state.committed.formUnion(state.inOpenTransaction)
                    state.inOpenTransaction = []
                }
            }, onRollback: { [self] _ in
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
