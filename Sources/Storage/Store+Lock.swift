import Foundation
import GRDB

extension Store {
    /// Takes the collect lock for `pid`. A lock held by a live process throws `StoreError.locked`; a lock left by a
    /// dead process (killed, crashed) is taken over. Returns the pid of a stale holder that was replaced, if any.
    @discardableResult
    public func acquireCollectLock(pid: Int32, at now: Date) throws -> Int32? {
        try pool.writeWithoutTransaction { db in
            var result: Int32?
            try db.inTransaction(.immediate) {
                let holder = try Row.fetchOne(db, sql: "SELECT pid, started_at, host FROM collect_lock WHERE id = 1")
                var stale: Int32?
                if let holder {
                    let holderPid: Int32 = holder["pid"]
                    let host: String = holder["host"]
                    if host == Self.hostName, holderPid != pid, Self.isAlive(holderPid) {
                        throw StoreError.locked(pid: holderPid, since: holder["started_at"], host: host)
                    }
                    if host != Self.hostName {
                        throw StoreError.locked(pid: holderPid, since: holder["started_at"], host: host)
                    }
                    stale = holderPid == pid ? nil : holderPid
                }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO collect_lock (id, pid, started_at, host) VALUES (1, ?, ?, ?)",
                    arguments: [pid, now, Self.hostName])
                result = stale
                return .commit
            }
            return result
        }
    }

    /// Releases the collect lock if `pid` holds it.
    public func releaseCollectLock(pid: Int32) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM collect_lock WHERE id = 1 AND pid = ?", arguments: [pid])
        }
    }

    private static let hostName = ProcessInfo.processInfo.hostName

    private static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }
}
