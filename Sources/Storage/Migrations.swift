import GRDB

/// The schema as named, append-only migrations. Never edit a shipped migration: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-archive-figures-runs") { db in
            try db.execute(sql: """
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
            try db.execute(sql: """
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
            try db.execute(sql: """
                DROP INDEX audit_status;
                CREATE INDEX audit_findings ON audit(status, year) WHERE status != 'pass';
                """)
        }
        return migrator
    }
}
