import GRDB

extension AduanDatabase {
    /// The schema, as named migrations. A migration is never edited once released: change the
    /// schema by registering a new one ("v2", …) below the others.
    ///
    /// Timestamps are REAL unix seconds rounded to the millisecond (see `StoredDate`), so
    /// `datetime(created_at, 'unixepoch', 'subsec')` reads them in the sqlite3 shell.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE dialog_revisions (
                    revision TEXT NOT NULL PRIMARY KEY,
                    dialog_id TEXT NOT NULL,
                    source TEXT NOT NULL,
                    created_at REAL NOT NULL
                ) STRICT;

                CREATE TABLE conversations (
                    key TEXT NOT NULL PRIMARY KEY,
                    bot_id TEXT NOT NULL,
                    revision TEXT,
                    state TEXT NOT NULL,
                    step INTEGER NOT NULL CHECK (step >= 1),
                    updated_at REAL NOT NULL
                ) STRICT;

                CREATE TABLE cases (
                    id INTEGER PRIMARY KEY,
                    tracking TEXT NOT NULL UNIQUE,
                    tracking_key TEXT NOT NULL UNIQUE,
                    bot_id TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    conversation_key TEXT NOT NULL,
                    status TEXT NOT NULL,
                    category TEXT NOT NULL,
                    opd TEXT NOT NULL,
                    kecamatan TEXT NOT NULL,
                    desa TEXT,
                    details TEXT NOT NULL,
                    contact TEXT,
                    language TEXT NOT NULL,
                    confidential INTEGER NOT NULL CHECK (confidential IN (0, 1)),
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    due_at REAL,
                    UNIQUE (bot_id, sequence)
                ) STRICT;
                CREATE INDEX cases_on_conversation_key ON cases (conversation_key);
                CREATE INDEX cases_on_status ON cases (status);

                CREATE TABLE case_events (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases (id),
                    at REAL NOT NULL,
                    actor TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    from_status TEXT,
                    to_status TEXT,
                    note TEXT
                ) STRICT;
                CREATE INDEX case_events_on_case_id ON case_events (case_id);
                CREATE TRIGGER case_events_refuse_update BEFORE UPDATE ON case_events
                BEGIN
                    SELECT RAISE(ABORT, 'case_events is append-only');
                END;
                CREATE TRIGGER case_events_refuse_delete BEFORE DELETE ON case_events
                BEGIN
                    SELECT RAISE(ABORT, 'case_events is append-only');
                END;
                """)
        }

        // Future migrations go here, e.g. migrator.registerMigration("v2") { db in … }

        return migrator
    }
}
