import Foundation
import GRDB

/// The schema as named, append-only migrations. Never edit a shipped migration: add a new one.
enum Migrations {
    /// Puts `queue`'s database in WAL mode and applies the migrations it lacks. Two processes opening a new or
    /// an upgraded database at once (two cron runs on the first day) race: SQLite refuses a change of journal
    /// mode without waiting while another connection holds a lock, and GRDB reads which migrations are applied
    /// before it opens each one's transaction, so the slower process runs one again and fails (a table that
    /// already exists), or reads the migrations table while it is being made. Every migration runs in its own
    /// transaction, so a failed attempt leaves nothing behind: those errors (busy, locked, or SQLite's generic
    /// one) are tried again for up to 10 seconds; any other (a full disk, a file that is not a database) is
    /// thrown at once.
    static func apply(to queue: DatabaseQueue) throws {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
                return try migrator.migrate(queue)
            } catch let error as DatabaseError where Self.racing.contains(error.resultCode) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// What a process sees of another migrating the same database at once.
    private static let racing: [ResultCode] = [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_ERROR]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-archive-figures-runs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE unit (
                        id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, code TEXT, parent TEXT,
                        position INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE document_version (
                        id INTEGER PRIMARY KEY, unit_id TEXT NOT NULL, year INTEGER NOT NULL,
                        url TEXT NOT NULL, final_url TEXT NOT NULL, sha256 TEXT NOT NULL, content BLOB NOT NULL,
                        content_type TEXT, charset TEXT, etag TEXT, last_modified TEXT, byte_count INTEGER NOT NULL,
                        first_seen_at TEXT NOT NULL, UNIQUE (unit_id, year, sha256)
                    ) STRICT;
                    CREATE TABLE report (
                        unit_id TEXT NOT NULL, year INTEGER NOT NULL,
                        version_id INTEGER NOT NULL REFERENCES document_version(id),
                        first_seen_at TEXT NOT NULL, changed_at TEXT, version_count INTEGER NOT NULL,
                        status TEXT NOT NULL, format TEXT, printed_unit TEXT, printed_year INTEGER, published_on TEXT,
                        message TEXT, warnings TEXT NOT NULL, extracted_at TEXT NOT NULL,
                        PRIMARY KEY (unit_id, year)
                    ) STRICT;
                    CREATE INDEX report_year ON report(year);
                    CREATE TABLE figure (
                        unit_id TEXT NOT NULL, year INTEGER NOT NULL, code TEXT NOT NULL, value REAL, kind TEXT NOT NULL,
                        source_table TEXT NOT NULL, row_label TEXT NOT NULL, column_label TEXT NOT NULL, raw TEXT NOT NULL,
                        PRIMARY KEY (unit_id, year, code)
                    ) STRICT, WITHOUT ROWID;
                    CREATE INDEX figure_code_year ON figure(code, year, unit_id, value);
                    CREATE TABLE labelled_item (
                        unit_id TEXT NOT NULL, year INTEGER NOT NULL, position INTEGER NOT NULL, label TEXT NOT NULL,
                        count REAL NOT NULL, percent REAL, PRIMARY KEY (unit_id, year, position)
                    ) STRICT, WITHOUT ROWID;
                    CREATE TABLE audit (
                        unit_id TEXT NOT NULL, year INTEGER NOT NULL, rule TEXT NOT NULL, status TEXT NOT NULL,
                        message TEXT NOT NULL, cells TEXT NOT NULL, PRIMARY KEY (unit_id, year, rule)
                    ) STRICT, WITHOUT ROWID;
                    CREATE INDEX audit_status ON audit(status, year);
                    CREATE TABLE source_state (
                        unit_id TEXT NOT NULL, year INTEGER NOT NULL, url TEXT NOT NULL, etag TEXT, last_modified TEXT,
                        last_attempt_at TEXT, last_success_at TEXT, last_status TEXT, consecutive_failures INTEGER NOT NULL,
                        last_error TEXT, next_attempt_at TEXT, PRIMARY KEY (unit_id, year)
                    ) STRICT;
                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, pid INTEGER NOT NULL,
                        outcomes TEXT NOT NULL, failure_kinds TEXT NOT NULL, bytes INTEGER NOT NULL, retries INTEGER NOT NULL,
                        exit_code INTEGER
                    ) STRICT;
                    CREATE TABLE run_item (
                        run_id INTEGER NOT NULL REFERENCES run(id), unit_id TEXT NOT NULL, year INTEGER NOT NULL,
                        outcome TEXT NOT NULL, failure_kind TEXT, message TEXT, PRIMARY KEY (run_id, unit_id, year)
                    ) STRICT;
                    CREATE TABLE collect_lock (
                        id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, started_at TEXT NOT NULL,
                        host TEXT NOT NULL
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v2-report-shape") { db in
            try db.execute(
                sql: """
                    ALTER TABLE report ADD COLUMN parts_found INTEGER;
                    ALTER TABLE report ADD COLUMN parts_expected INTEGER;
                    ALTER TABLE report ADD COLUMN sentence_hashes TEXT;
                    """)
        }
        migrator.registerMigration("v3-report-year-covering-index") { db in
            // Rankings and trends read every report of some years: served from this index alone.
            try db.execute(sql: "CREATE INDEX report_year_covering ON report(year, unit_id, status, format)")
        }
        migrator.registerMigration("v4-audit-findings-index") { db in
            // Most audit results pass; only the others (the findings) are looked up by status, so only they are
            // indexed: every report's ~35 passing results no longer update an index as they are saved.
            try db.execute(
                sql: """
                    DROP INDEX audit_status;
                    CREATE INDEX audit_findings ON audit(status, year) WHERE status != 'pass';
                    """)
        }
        migrator.registerMigration("v5-shared-texts") { db in
            // A figure's table, row and column labels, and an audit result's list of cells, repeat report after
            // report (a few hundred distinct of each in a province): each is stored once, under its `SharedTextId`,
            // which took the figure and audit tables of 2,000 reports from 101 MB to 35 MB. The views give the
            // rows back whole. Run once, on the first open after an upgrade: 4.5 million figures take about 22 s.
            try db.execute(
                sql: """
                    CREATE TABLE figure_source (
                        id INTEGER PRIMARY KEY, source_table TEXT NOT NULL, row_label TEXT NOT NULL, column_label TEXT NOT NULL
                    ) STRICT;
                    CREATE TRIGGER figure_source_one_text_per_id BEFORE INSERT ON figure_source
                        WHEN EXISTS (SELECT 1 FROM figure_source WHERE id = NEW.id AND (source_table, row_label, column_label)
                                     IS NOT (NEW.source_table, NEW.row_label, NEW.column_label))
                        BEGIN SELECT RAISE(ABORT, 'two different figure labels have one id'); END;
                    CREATE TABLE audit_cells (id INTEGER PRIMARY KEY, cells TEXT NOT NULL) STRICT;
                    CREATE TRIGGER audit_cells_one_text_per_id BEFORE INSERT ON audit_cells
                        WHEN EXISTS (SELECT 1 FROM audit_cells WHERE id = NEW.id AND cells IS NOT NEW.cells)
                        BEGIN SELECT RAISE(ABORT, 'two different audit cell lists have one id'); END;
                    """)
            let labels = try Row.fetchAll(db, sql: "SELECT DISTINCT source_table, row_label, column_label FROM figure")
            for row in labels {
                let (table, label, column): (String, String, String) = (row[0], row[1], row[2])
                try db.execute(
                    sql: "INSERT INTO figure_source VALUES (?, ?, ?, ?)",
                    arguments: [SharedTextId.of([table, label, column]), table, label, column])
            }
            // Each stored list keeps its id through a mapping by its old text, so that an audit row is never lost
            // to a list written two ways.
            try db.execute(sql: "CREATE TEMP TABLE old_cells (cells TEXT NOT NULL, id INTEGER NOT NULL)")
            for cells in try String.fetchAll(db, sql: "SELECT DISTINCT cells FROM audit") {
                let list = try JSONDecoder().decode([String].self, from: Data(cells.utf8))
                let id = SharedTextId.of(list)
                try db.execute(sql: "INSERT INTO old_cells VALUES (?, ?)", arguments: [cells, id])
                try db.execute(
                    sql: "INSERT OR IGNORE INTO audit_cells VALUES (?, ?)",
                    arguments: [id, JSONArrayText.strings(list)])
            }
            try db.execute(
                sql: """
                    CREATE TABLE figure_new (
                        unit_id TEXT NOT NULL, year INTEGER NOT NULL, code TEXT NOT NULL, value REAL, kind TEXT NOT NULL,
                        source_id INTEGER NOT NULL REFERENCES figure_source(id), raw TEXT NOT NULL,
                        PRIMARY KEY (unit_id, year, code)
                    ) STRICT, WITHOUT ROWID;
                    INSERT INTO figure_new
                        SELECT f.unit_id, f.year, f.code, f.value, f.kind, s.id, f.raw
                        FROM figure f JOIN figure_source s USING (source_table, row_label, column_label);
                    DROP TABLE figure;
                    ALTER TABLE figure_new RENAME TO figure;
                    CREATE INDEX figure_code_year ON figure(code, year, unit_id, value);
                    CREATE VIEW figure_detail AS
                        SELECT f.unit_id, f.year, f.code, f.value, f.kind, s.source_table, s.row_label, s.column_label, f.raw
                        FROM figure f JOIN figure_source s ON s.id = f.source_id;

                    CREATE TABLE audit_new (
                        unit_id TEXT NOT NULL, year INTEGER NOT NULL, rule TEXT NOT NULL, status TEXT NOT NULL,
                        message TEXT NOT NULL, cells_id INTEGER NOT NULL REFERENCES audit_cells(id),
                        PRIMARY KEY (unit_id, year, rule)
                    ) STRICT, WITHOUT ROWID;
                    INSERT INTO audit_new
                        SELECT a.unit_id, a.year, a.rule, a.status, a.message, c.id FROM audit a JOIN old_cells c USING (cells);
                    DROP TABLE audit;
                    ALTER TABLE audit_new RENAME TO audit;
                    CREATE INDEX audit_findings ON audit(status, year) WHERE status != 'pass';
                    CREATE VIEW audit_detail AS
                        SELECT a.unit_id, a.year, a.rule, a.status, a.message, c.cells
                        FROM audit a JOIN audit_cells c ON c.id = a.cells_id;
                    DROP TABLE old_cells;
                    """)
        }
        migrator.registerMigration("v6-figure-code-ids") { db in
            // A figure's code is stored as a small integer (`figure_code`), not as its text: the writer's B-tree
            // searches compare integers instead of memcmp'ing dotted codes, and the key and index records shrink.
            // Inserting a benchmark's 324,000 figures took 0.6 s in SQLite instead of 1.0 s. The `figure` view
            // gives the rows back with their codes, as they were before. Codes keep their ids forever.
            try db.execute(
                sql: """
                    CREATE TABLE figure_code (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE) STRICT;
                    CREATE TRIGGER figure_code_one_text_per_id BEFORE INSERT ON figure_code
                        WHEN EXISTS (SELECT 1 FROM figure_code WHERE id = NEW.id AND code IS NOT NEW.code)
                        BEGIN SELECT RAISE(ABORT, 'two different figure codes have one id'); END;
                    INSERT INTO figure_code (code) SELECT DISTINCT code FROM figure ORDER BY code;
                    CREATE TABLE figure_value (
                        unit_id TEXT NOT NULL, year INTEGER NOT NULL, code_id INTEGER NOT NULL REFERENCES figure_code(id),
                        value REAL, kind TEXT NOT NULL, source_id INTEGER NOT NULL REFERENCES figure_source(id),
                        raw TEXT NOT NULL, PRIMARY KEY (unit_id, year, code_id)
                    ) STRICT, WITHOUT ROWID;
                    INSERT INTO figure_value
                        SELECT f.unit_id, f.year, c.id, f.value, f.kind, f.source_id, f.raw
                        FROM figure f JOIN figure_code c USING (code);
                    DROP VIEW figure_detail;
                    DROP TABLE figure;
                    CREATE INDEX figure_value_by_code ON figure_value(code_id, year, unit_id, value);
                    CREATE VIEW figure AS
                        SELECT f.unit_id, f.year, c.code, f.value, f.kind, f.source_id, f.raw
                        FROM figure_value f JOIN figure_code c ON c.id = f.code_id;
                    CREATE VIEW figure_detail AS
                        SELECT f.unit_id, f.year, c.code, f.value, f.kind, s.source_table, s.row_label, s.column_label, f.raw
                        FROM figure_value f JOIN figure_code c ON c.id = f.code_id JOIN figure_source s ON s.id = f.source_id;
                    """)
        }
        migrator.registerMigration("v7-figure-by-code") { db in
            // The rankings' and trends' copy of the values, keyed by code, in a table of its own instead of an
            // index of `figure_value`: SQLite put each report's 162 index entries all over the index, one by one
            // as the rows went in, while nianbao writes a batch of reports' entries at once in key order
            // (`FiguresByCode`). Deletions and updates of `figure_value`, nianbao's or a script's, reach it by
            // trigger; an insert does not (a trigger per row doubled the insert's cost).
            try db.execute(
                sql: """
                    CREATE TABLE figure_by_code (
                        code_id INTEGER NOT NULL, year INTEGER NOT NULL, unit_id TEXT NOT NULL, value REAL,
                        PRIMARY KEY (code_id, year, unit_id)
                    ) STRICT, WITHOUT ROWID;
                    INSERT INTO figure_by_code
                        SELECT code_id, year, unit_id, value FROM figure_value ORDER BY code_id, year, unit_id;
                    DROP INDEX figure_value_by_code;
                    CREATE TRIGGER figure_value_deleted AFTER DELETE ON figure_value BEGIN
                        DELETE FROM figure_by_code WHERE code_id = OLD.code_id AND year = OLD.year AND unit_id = OLD.unit_id;
                    END;
                    CREATE TRIGGER figure_value_updated AFTER UPDATE ON figure_value BEGIN
                        DELETE FROM figure_by_code WHERE code_id = OLD.code_id AND year = OLD.year AND unit_id = OLD.unit_id;
                        INSERT INTO figure_by_code VALUES (NEW.code_id, NEW.year, NEW.unit_id, NEW.value);
                    END;
                    """)
        }
        migrator.registerMigration("v8-quarantine") { db in
            // Documents a reader worker crashed, ran out of time or of memory on, by their bytes' digest and the
            // readers' version: skipped until the readers change.
            try db.execute(
                sql: """
                    CREATE TABLE quarantine (
                        sha256 TEXT NOT NULL, reader_version INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL,
                        unit_id TEXT NOT NULL, year INTEGER NOT NULL, quarantined_at TEXT NOT NULL,
                        PRIMARY KEY (sha256, reader_version)
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v9-source-origin") { db in
            // The configured source (report URL, URL template or listing page) each state is for: a source changed
            // in the config is asked again at once, its back-off reset.
            try db.execute(sql: "ALTER TABLE source_state ADD COLUMN origin TEXT")
        }
        migrator.registerMigration("office-problem-list") { db in
            // The problem list across runs: one row per problem of a stored report under its fingerprint (unit,
            // year, rule, cells), with the office's status, who set it, when, and a note.
            try db.execute(
                sql: """
                    CREATE TABLE problem (
                        fingerprint TEXT PRIMARY KEY, unit_id TEXT NOT NULL, year INTEGER NOT NULL, rule TEXT NOT NULL,
                        cells TEXT NOT NULL, outcome TEXT NOT NULL, message TEXT NOT NULL,
                        first_seen_at TEXT NOT NULL, last_seen_at TEXT NOT NULL,
                        status TEXT NOT NULL, status_by TEXT NOT NULL, status_at TEXT NOT NULL, note TEXT NOT NULL,
                        fixed_version_id INTEGER
                    ) STRICT;
                    CREATE INDEX problem_unit_year ON problem(unit_id, year);
                    """)
        }
        migrator.registerMigration("draft-problems") { db in
            // Problems recorded by `nianbao check --record` from a draft are marked as such: they are fixed by a
            // later check of the draft, not by the stored report's audit.
            try db.execute(sql: "ALTER TABLE problem ADD COLUMN origin TEXT NOT NULL DEFAULT 'report'")
        }
        migrator.registerMigration("ocr-provenance") { db in
            // Where OCR read each figure of a scan (page, box in points from the page's top-left corner) and how
            // sure it was, in a table of its own: only scans have rows there, so text reports store nothing more.
            // `figure_detail` gives them beside every figure (NULL for a figure not read by OCR).
            try db.execute(
                sql: """
                    CREATE TABLE figure_scan (
                        unit_id TEXT NOT NULL, year INTEGER NOT NULL, code_id INTEGER NOT NULL REFERENCES figure_code(id),
                        page INTEGER NOT NULL, min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL,
                        max_y REAL NOT NULL, confidence REAL NOT NULL, PRIMARY KEY (unit_id, year, code_id)
                    ) STRICT, WITHOUT ROWID;
                    DROP VIEW figure_detail;
                    CREATE VIEW figure_detail AS
                        SELECT f.unit_id, f.year, c.code, f.value, f.kind, s.source_table, s.row_label, s.column_label,
                            f.raw, o.page AS ocr_page, o.min_x AS ocr_min_x, o.min_y AS ocr_min_y, o.max_x AS ocr_max_x,
                            o.max_y AS ocr_max_y, o.confidence AS ocr_confidence
                        FROM figure_value f JOIN figure_code c ON c.id = f.code_id JOIN figure_source s ON s.id = f.source_id
                        LEFT JOIN figure_scan o ON o.unit_id = f.unit_id AND o.year = f.year AND o.code_id = f.code_id;
                    """)
        }
        return migrator
    }
}

extension Store {
    /// The name of the last schema migration this nianbao applies.
    public static var schemaVersion: String { Migrations.migrator.migrations.last ?? "" }
}
