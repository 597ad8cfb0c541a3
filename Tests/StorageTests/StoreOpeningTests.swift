import Foundation
import GRDB
import ReportModel
import Synchronization
import TestSupport
import Testing

@testable import Storage

/// Opening a database: migrated once however many processes open it at the same moment, and a file that is not
/// one refused at once.
@Suite("Opening the database")
struct StoreOpeningTests {
    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("nianbao.sqlite").path
    }

    @Test func storesOpeningANewDatabaseAtOnceAllOpenItAndGiveEachCodeOneId() throws {
        let opened = Mutex<[Result<Void, any Error>]>([])
        let threads = (0..<4).map { _ in
            Thread { [path] in
                let result = Result { _ = try Store(path: path) }
                opened.withLock { $0.append(result) }
            }
        }
        threads.forEach { $0.start() }
        while opened.withLock({ $0.count }) < threads.count { Thread.sleep(forTimeInterval: 0.01) }
        for result in opened.withLock({ $0 }) { try result.get() }
        let store = try Store(path: path)
        let codes = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, code FROM figure_code ORDER BY id")
        }
        #expect(codes.map { $0["code"] as String } == IndicatorCatalogue.all.map(\.code))
        #expect(codes.map { $0["id"] as Int64 } == Array(1...Int64(IndicatorCatalogue.all.count)))
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAtOnceInPlainWords() throws {
        try Data("unit,year\n".utf8).write(to: URL(fileURLWithPath: path))
        let start = Date()
        #expect {
            _ = try Store(path: path)
        } throws: { error in
            "\(error)".contains("cannot read database \(path)") && "\(error)".contains("not a database")
        }
        #expect(Date().timeIntervalSince(start) < 5, "not waited on as if another process were migrating it")
    }
}
