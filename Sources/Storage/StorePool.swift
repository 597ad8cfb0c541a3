import GRDB

/// The store's connections: GRDB's pool, through which an SQLite error saying that the database file is damaged or
/// its bytes could not be read (`StoreError.isDamage`) comes out as `StoreError.damaged` naming the file, whichever query met it.
struct StorePool: Sendable {
    /// The database file.
    let path: String
    /// GRDB's pool itself (the collect pipeline's group commit writes through it and names its own errors).
    let base: DatabasePool

    func read<T>(_ value: (Database) throws -> T) throws -> T { try naming { try base.read(value) } }

    func unsafeRead<T>(_ value: (Database) throws -> T) throws -> T { try naming { try base.unsafeRead(value) } }

    func write<T>(_ updates: (Database) throws -> T) throws -> T { try naming { try base.write(updates) } }

    func writeWithoutTransaction<T>(_ updates: (Database) throws -> T) throws -> T {
        try naming { try base.writeWithoutTransaction(updates) }
    }

    func add(transactionObserver: some TransactionObserver, extent: Database.TransactionObservationExtent) {
        base.add(transactionObserver: transactionObserver, extent: extent)
    }

    private func naming<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError where StoreError.isDamage(error) {
            throw StoreError.damaged(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch let error as UnknownStoredValue {
            throw StoreError.unknownValue(path: path, column: error.column, value: error.value)
        }
    }
}
