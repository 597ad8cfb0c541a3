import Foundation
import GRDB
import ReportModel
import TestSupport
import Testing

@testable import Storage

/// Figure labels and audit cell lists are stored once each (`figure_source`, `audit_cells`) and read back whole.
@Suite("Shared labels and cell lists")
struct SharedTextsTests {
    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("nianbao.sqlite").path
    }

    func report(_ versionId: Int64, labels: [(row: String, column: String)], cells: [[String]]) -> ReportContent {
        ReportContent(
            versionId: versionId, status: .extracted, format: .v2021, printedUnit: nil, printedYear: 2024, message: nil,
            figures: labels.enumerated().map { index, label in
                Figure(
                    code: "t3.code\(index)", value: Double(index), kind: .number,
                    provenance: Provenance(table: "表三", row: label.row, column: label.column, raw: "\(index)"))
            },
            items: [],
            audit: cells.enumerated().map {
                AuditResult(rule: "rule\($0)", status: .pass, message: "m\($0)", cells: $1)
            },
            warnings: [])
    }

    func archive(_ store: Store, unit: String) throws -> Int64 {
        try store.archive(.fixture(unit: unit, url: "file:///\(unit)", text: unit, sha256: unit)).versionId
    }

    func count(_ store: Store, _ table: String) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    @Test func aLabelOrCellListThatRepeatsIsStoredOnceAndReadBackWithEveryRow() throws {
        let store = try Store(path: path)
        let labels = [(row: "（一）申请人情况", column: "自然人"), (row: "二、上年结转", column: "总计")]
        for unit in ["a", "b"] {
            let content = report(try archive(store, unit: unit), labels: labels, cells: [["x", "y\"引号"], ["z"]])
            try store.saveReport(unitId: unit, year: 2024, content: content, at: Date())
        }
        #expect(try count(store, "figure_source") == 2)
        #expect(try count(store, "audit_cells") == 2)
        let figures = try store.figures()
        #expect(figures.count == 4)
        #expect(figures.map(\.provenance.row) == ["（一）申请人情况", "二、上年结转", "（一）申请人情况", "二、上年结转"])
        #expect(
            figures.allSatisfy { $0.provenance.table == "表三" && $0.provenance.raw == "\($0.value.map(Int.init) ?? -1)" }
        )
        #expect(try store.audits().map(\.result.cells) == [["x", "y\"引号"], ["z"], ["x", "y\"引号"], ["z"]])
    }

    @Test func aLabelWhoseTransactionRolledBackIsStoredByTheNextReportThatUsesIt() throws {
        let store = try Store(path: path)
        // A committed transaction first, so that the rolled-back one is not the store's first.
        let earlier = report(try archive(store, unit: "z"), labels: [(row: "旧标签", column: "列")], cells: [["old"]])
        try store.saveReport(unitId: "z", year: 2024, content: earlier, at: Date())
        let first = report(try archive(store, unit: "a"), labels: [(row: "新标签", column: "列")], cells: [["new"]])
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) {
            try store.pool.write { db in
                try store.save(db, unitId: "a", year: 2024, content: first, at: Date())
                throw DiskFull()
            }
        }
        #expect(try count(store, "figure_source") == 1, "the rollback took the new label away")
        let second = report(try archive(store, unit: "b"), labels: [(row: "新标签", column: "列")], cells: [["new"]])
        try store.saveReport(unitId: "b", year: 2024, content: second, at: Date())
        #expect(try store.figures().map(\.provenance.row) == ["新标签", "旧标签"], "each figure is read back with its label")
        #expect(try store.audits().map(\.result.cells) == [["new"], ["old"]])
    }

    @Test func aSecondTextUnderAnIdAlreadyTakenIsRefused() throws {
        let store = try Store(path: path)
        let content = report(try archive(store, unit: "a"), labels: [(row: "行", column: "列")], cells: [["c"]])
        try store.saveReport(unitId: "a", year: 2024, content: content, at: Date())
        let id = SharedTextId.of(["表三", "行", "列"])
        #expect {
            try store.pool.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO figure_source VALUES (?, '表三', '别的行', '列')", arguments: [id])
            }
        } throws: { error in
            "\(error)".contains("two different figure labels have one id")
        }
        #expect(try store.figures().map(\.provenance.row) == ["行"])
    }

    @Test func nearlyEqualTextsHaveTheirOwnIdsFirstTimeAndRemembered() {
        // Long labels differing in one character at every place, and the same characters split differently.
        let base = "二、主动公开政府信息情况（第二十条第（一）项）"
        var texts = base.indices.map { index in
            ["表二", String(base[..<index]) + "X" + String(base[base.index(after: index)...]), "本年新制作数量"]
        }
        texts += [["表三行", "一", "总计"], ["表三", "行一", "总计"], ["表三", "行", "一总计"], ["表三", "行一总计", ""], [], [""]]
        let first = texts.map(SharedTextId.of)
        #expect(Set(first).count == texts.count, "one id per text")
        #expect(texts.map(SharedTextId.of) == first, "looked up again from memory, each text gets its own id back")
    }

    @Test func aDatabaseOfTheEarlierSchemaKeepsEveryFigureAndAuditResultWhenOpened() throws {
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v4-audit-findings-index")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO document_version VALUES (1, 'a', 2024, 'u', 'u', 's', x'00', NULL, NULL, NULL, NULL, 1, 't');
                    INSERT INTO report (unit_id, year, version_id, first_seen_at, version_count, status, warnings, extracted_at)
                        VALUES ('a', 2024, 1, 't', 1, 'extracted', '[]', 't'), ('b', 2024, 1, 't', 1, 'extracted', '[]', 't');
                    INSERT INTO figure VALUES
                        ('a', 2024, 't3.x', 1, 'number', '表三', '行一', '总计', '1'),
                        ('a', 2024, 't3.y', NULL, 'blank_total', '表三', '行二', '总计', ''),
                        ('b', 2024, 't3.x', 7, 'number', '表三', '行一', '总计', '7');
                    INSERT INTO audit VALUES
                        ('a', 2024, 'r1', 'pass', 'ok', '["t3.x","t3.y"]'),
                        ('b', 2024, 'r1', 'fail', 'differs', '["t3.x","t3.y"]'),
                        ('b', 2024, 'r2', 'pass', 'ok', '[]');
                    """)
        }
        try queue.close()
        let store = try Store(path: path)
        let figures = try store.figures()
        #expect(
            figures.map {
                "\($0.unitId) \($0.code) \($0.value.map { "\($0)" } ?? "nil") \($0.kind.rawValue) "
                    + "\($0.provenance.row)/\($0.provenance.column)/\($0.provenance.raw)"
            }
                == ["a t3.x 1.0 number 行一/总计/1", "a t3.y nil blank_total 行二/总计/", "b t3.x 7.0 number 行一/总计/7"])
        let audits = try store.audits()
        #expect(
            audits.map { "\($0.unitId) \($0.result.rule) \($0.result.status.rawValue) \($0.result.cells)" }
                == ["a r1 pass [\"t3.x\", \"t3.y\"]", "b r1 fail [\"t3.x\", \"t3.y\"]", "b r2 pass []"])
        #expect(try count(store, "figure_source") == 2)
        #expect(try count(store, "audit_cells") == 2)
        // A report saved after the migration finds the labels the migration stored under the same ids.
        let content = report(
            try archive(store, unit: "c"), labels: [(row: "行一", column: "总计")], cells: [["t3.x", "t3.y"]])
        try store.saveReport(unitId: "c", year: 2024, content: content, at: Date())
        #expect(try count(store, "figure_source") == 2)
        #expect(try count(store, "audit_cells") == 2)
    }
}
