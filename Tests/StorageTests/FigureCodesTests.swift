import Foundation
import GRDB
import ReportModel
import TestSupport
import Testing

@testable import Storage

/// Figure codes are stored as ids (`figure_code`); every reader gets the codes back.
@Suite("Figure code ids")
struct FigureCodesTests {
    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("nianbao.sqlite").path
    }

    func report(_ versionId: Int64, codes: [String]) -> ReportContent {
        ReportContent(
            versionId: versionId, status: .extracted, format: .v2021, printedUnit: nil, printedYear: 2024, message: nil,
            figures: codes.enumerated().map { index, code in
                Figure(
                    code: code, value: Double(index + 1), kind: .number,
                    provenance: Provenance(table: "表三", row: "行\(index)", column: "总计", raw: "\(index + 1)"))
            },
            items: [], audit: [], warnings: [])
    }

    func save(_ store: Store, unit: String, codes: [String]) throws {
        let versionId = try store.archive(.fixture(unit: unit, url: "file:///\(unit)", text: unit, sha256: unit))
            .versionId
        try store.saveReport(unitId: unit, year: 2024, content: report(versionId, codes: codes), at: Date())
    }

    func rows(_ store: Store, _ sql: String) throws -> [Row] {
        try store.pool.read { db in try Row.fetchAll(db, sql: sql) }
    }

    @Test func everyCatalogueCodeHasASmallIdInCatalogueOrderAndFiguresUseIt() throws {
        let store = try Store(path: path)
        let codes = try rows(store, "SELECT id, code FROM figure_code ORDER BY id")
        #expect(codes.map { $0["code"] as String } == IndicatorCatalogue.all.map(\.code))
        #expect(codes.map { $0["id"] as Int64 } == Array(1...Int64(IndicatorCatalogue.all.count)))

        try save(store, unit: "a", codes: ["t3.total.new_received", "t2.reg.made"])
        let stored = try rows(
            store, "SELECT c.code, f.code_id FROM figure_value f JOIN figure_code c ON c.id = f.code_id ORDER BY c.code"
        )
        let position = { (code: String) in Int64(IndicatorCatalogue.position(of: code)! + 1) }
        #expect(
            stored.map { "\($0["code"] as String)=\($0["code_id"] as Int64)" }
                == [
                    "t2.reg.made=\(position("t2.reg.made"))",
                    "t3.total.new_received=\(position("t3.total.new_received"))",
                ])
        #expect(
            try store.figures().map { "\($0.code) \($0.value ?? -1)" } == [
                "t2.reg.made 2.0", "t3.total.new_received 1.0",
            ])
        #expect(
            try rows(store, "SELECT code, value FROM figure ORDER BY code").map { "\($0["code"] as String)" }
                == ["t2.reg.made", "t3.total.new_received"], "the figure view gives the codes back")
        #expect(try store.storedCodes(year: 2024) == ["t2.reg.made", "t3.total.new_received"])
        #expect(try store.storedCodes(year: 2023).isEmpty)
    }

    @Test func aCodeOutsideTheCatalogueIsStoredWithItsReportAndKeepsItsIdAcrossOpens() throws {
        let id: Int64
        do {
            let store = try Store(path: path)
            try save(store, unit: "a", codes: ["x.future.code", "t3.total.new_received"])
            try save(store, unit: "b", codes: ["x.future.code"])
            let held = try rows(store, "SELECT id FROM figure_code WHERE code = 'x.future.code'")
            #expect(held.count == 1, "stored once, by the first report that brought it")
            id = held[0]["id"]
            #expect(id >= 1 << 62, "never one of the small ids")
            #expect(
                try store.figures().map { "\($0.unitId) \($0.code)" } == [
                    "a t3.total.new_received", "a x.future.code", "b x.future.code",
                ])
        }
        let reopened = try Store(path: path)
        try save(reopened, unit: "c", codes: ["x.future.code"])
        #expect(
            try rows(reopened, "SELECT code_id FROM figure_value WHERE unit_id = 'c'").map { $0[0] as Int64 } == [id])
        #expect(try reopened.figureValues(unitId: "c", year: 2024) == ["x.future.code": 1])
    }

    @Test func aCodeWhoseTransactionRolledBackIsStoredByTheNextReportThatUsesIt() throws {
        let store = try Store(path: path)
        try save(store, unit: "z", codes: ["t3.total.new_received"])
        let versionId = try store.archive(.fixture(unit: "a", url: "file:///a", text: "a", sha256: "a")).versionId
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) {
            try store.pool.write { db in
                try store.save(
                    db, unitId: "a", year: 2024, content: report(versionId, codes: ["x.rolled.back"]), at: Date())
                throw DiskFull()
            }
        }
        #expect(try rows(store, "SELECT 1 FROM figure_code WHERE code = 'x.rolled.back'").isEmpty)
        try save(store, unit: "b", codes: ["x.rolled.back"])
        #expect(
            try store.figures().map { "\($0.unitId) \($0.code)" } == ["b x.rolled.back", "z t3.total.new_received"])
    }

    @Test func aDatabaseWithTextCodesKeepsEveryFigureAndItsCodeWhenOpened() throws {
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v5-shared-texts")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO document_version VALUES (1, 'a', 2024, 'u', 'u', 's', x'00', NULL, NULL, NULL, NULL, 1, 't');
                    INSERT INTO report (unit_id, year, version_id, first_seen_at, version_count, status, warnings, extracted_at)
                        VALUES ('a', 2024, 1, 't', 1, 'extracted', '[]', 't'), ('b', 2024, 1, 't', 1, 'extracted', '[]', 't');
                    INSERT INTO figure_source VALUES (1, '表三', '行一', '总计');
                    INSERT INTO figure VALUES
                        ('a', 2024, 't3.total.new_received', 5, 'number', 1, '5'),
                        ('a', 2024, 'old.gone', NULL, 'blank_total', 1, ''),
                        ('b', 2024, 't3.total.new_received', 7, 'number', 1, '7');
                    """)
        }
        try queue.close()
        let store = try Store(path: path)
        #expect(
            try store.figures().map {
                "\($0.unitId) \($0.code) \($0.value.map { "\($0)" } ?? "nil") \($0.provenance.row)"
            }
                == ["a old.gone nil 行一", "a t3.total.new_received 5.0 行一", "b t3.total.new_received 7.0 行一"])
        // The migration numbered the stored codes; the catalogue's other codes came after them.
        let ids = try rows(store, "SELECT code, id FROM figure_code ORDER BY id")
        #expect(
            ids.prefix(2).map { "\($0["code"] as String)=\($0["id"] as Int64)" } == [
                "old.gone=1", "t3.total.new_received=2",
            ])
        #expect(ids.count == IndicatorCatalogue.all.count + 1)
        let input = try store.reportsAndValues(codes: ["t3.total.new_received"], years: [2024])
        #expect(input.values.map { "\($0.unitId) \($0.value ?? -1)" } == ["a 5.0", "b 7.0"])
        try save(store, unit: "c", codes: ["t3.total.new_received"])
        #expect(try rows(store, "SELECT code_id FROM figure_value WHERE unit_id = 'c'").map { $0[0] as Int64 } == [2])
    }

    @Test func rankingAndTrendReadsSeekTheTableKeyedByCode() throws {
        let store = try Store(path: path)
        for (oneYear, seek) in [(true, "(code_id=? AND year=?)"), (false, "(code_id=?)")] {
            let plan = try store.pool.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + Store.valuesSQL(ofOneYear: oneYear),
                    arguments: oneYear ? ["t3.total.new_received", 2024] : ["t3.total.new_received"])
            }.map { $0["detail"] as String }
            #expect(plan.contains { $0.contains("SEARCH figure_by_code USING PRIMARY KEY \(seek)") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "no sort: \(plan)")
        }
    }
}
