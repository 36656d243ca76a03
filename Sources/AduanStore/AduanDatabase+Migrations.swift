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

        // The staff desk: who has a case, the paused clock, prompts to the citizen, ratings,
        // escalation alarms, redaction after the retention period, and the durable outbox.
        migrator.registerMigration("v2 staff desk") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN assignee TEXT;
                ALTER TABLE cases ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1));
                ALTER TABLE cases ADD COLUMN paused_remaining REAL;
                ALTER TABLE cases ADD COLUMN waiting_until TEXT;
                ALTER TABLE cases ADD COLUMN waiting_reason TEXT;
                ALTER TABLE cases ADD COLUMN duplicate_of INTEGER REFERENCES cases (id);
                ALTER TABLE cases ADD COLUMN prompt TEXT CHECK (prompt IN ('info', 'fixed', 'rating'));
                ALTER TABLE cases ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
                ALTER TABLE cases ADD COLUMN clock_stage INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE cases ADD COLUMN alarm_at REAL;
                ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE cases ADD COLUMN redacted_at REAL;
                CREATE INDEX cases_on_alarm_at ON cases (alarm_at) WHERE alarm_at IS NOT NULL;
                CREATE INDEX cases_with_prompt ON cases (conversation_key) WHERE prompt IS NOT NULL;

                -- History stays append-only; the one update allowed is the redaction of personal
                -- data (note and citizen actor) after the retention period.
                DROP TRIGGER case_events_refuse_update;
                CREATE TRIGGER case_events_refuse_update BEFORE UPDATE ON case_events
                WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.at IS NOT OLD.at
                    OR NEW.channel IS NOT OLD.channel OR NEW.kind IS NOT OLD.kind
                    OR NEW.from_status IS NOT OLD.from_status OR NEW.to_status IS NOT OLD.to_status
                    OR (NEW.note IS NOT OLD.note AND NEW.note IS NOT '[dihapus]')
                    OR (NEW.actor IS NOT OLD.actor AND NEW.actor IS NOT '[dihapus]')
                BEGIN
                    SELECT RAISE(ABORT, 'case_events is append-only');
                END;

                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    bot_id TEXT NOT NULL,
                    transport TEXT NOT NULL,
                    destination TEXT NOT NULL CHECK (destination IN ('user', 'channel')),
                    target TEXT NOT NULL,
                    text TEXT NOT NULL,
                    case_id INTEGER REFERENCES cases (id),
                    created_at REAL NOT NULL,
                    sent_at REAL
                ) STRICT;
                CREATE INDEX outbox_pending ON outbox (transport, id) WHERE sent_at IS NULL;
                """)
        }

        // Future migrations go here, e.g. migrator.registerMigration("v3 …") { db in … }

        return migrator
    }
}
