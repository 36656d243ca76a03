import AduanCore
import Foundation
import GRDB
import Testing
@testable import AduanStore

@Suite("Schema and connections")
struct SchemaTests {
    @Test("the migrations create the tables, indexes and triggers")
    func migrationsCreateSchema() throws {
        let directory = try TemporaryDirectory()
        let database = try AduanDatabase(path: directory.databasePath)
        try database.writer.read { db in
            #expect(try AduanDatabase.migrator.appliedMigrations(db) == ["v1", "v2 staff desk"])
            for table in ["dialog_revisions", "conversations", "cases", "case_events", "outbox"] {
                #expect(try db.tableExists(table), "missing table \(table)")
            }
            let caseColumns = try db.columns(in: "cases").map(\.name)
            #expect(caseColumns == [
                "id", "tracking", "tracking_key", "bot_id", "sequence", "conversation_key", "status",
                "category", "opd", "kecamatan", "desa", "details", "contact", "language",
                "confidential", "created_at", "updated_at", "due_at",
                "assignee", "anonymous", "paused_remaining", "waiting_until", "waiting_reason", "duplicate_of",
                "prompt", "rating", "clock_stage", "alarm_at", "version", "redacted_at",
            ])
            let indexes = try db.indexes(on: "cases")
            #expect(indexes.contains { $0.columns == ["conversation_key"] })
            #expect(indexes.contains { $0.columns == ["status"] })
            #expect(indexes.contains { $0.columns == ["tracking_key"] && $0.isUnique })
            #expect(indexes.contains { $0.columns == ["bot_id", "sequence"] && $0.isUnique })
            #expect(try db.triggerExists("case_events_refuse_update"))
            let foreignKeys = try db.foreignKeys(on: "case_events")
            #expect(foreignKeys.map(\.destinationTable) == ["cases"])
        }
    }

    @Test("migrating an already migrated file changes nothing")
    func migrationsRunOnce() throws {
        let directory = try TemporaryDirectory()
        _ = try AduanDatabase(path: directory.databasePath)
        let reopened = try AduanDatabase(path: directory.databasePath)
        #expect(try reopened.writer.read { try AduanDatabase.migrator.appliedMigrations($0) } == ["v1", "v2 staff desk"])
    }

    @Test("every pool connection has synchronous=FULL, WAL and foreign keys")
    func connectionSettings() throws {
        let directory = try TemporaryDirectory()
        let database = try AduanDatabase(path: directory.databasePath)
        let pool = try #require(database.writer as? DatabasePool)
        let writer = try pool.writeWithoutTransaction { db in
            try (Int.fetchOne(db, sql: "PRAGMA synchronous"),
                 String.fetchOne(db, sql: "PRAGMA journal_mode"),
                 Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(writer.0 == 2)
        #expect(writer.1 == "wal")
        #expect(writer.2 == 1)
        // Several concurrent reads make the pool open several reader connections.
        let readerSettings = Locked<[Int?]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let synchronous = try? pool.read { db in
                Thread.sleep(forTimeInterval: 0.01)
                return try Int.fetchOne(db, sql: "PRAGMA synchronous")
            }
            readerSettings.withLock { $0.append(synchronous ?? nil) }
        }
        #expect(readerSettings.withLock { $0 } == Array(repeating: 2, count: 8))
    }

    @Test("case_events refuses UPDATE and DELETE")
    func caseEventsAreAppendOnly() throws {
        let database = try AduanDatabase.inMemory()
        _ = try database.commitNow(Fixtures.step(step: 1, newCase: Fixtures.newCase()))
        for sql in ["UPDATE case_events SET note = 'edited'", "DELETE FROM case_events"] {
            let error = #expect(throws: DatabaseError.self) {
                try database.writer.write { try $0.execute(sql: sql) }
            }
            #expect(error?.message == "case_events is append-only")
        }
        let caseID = try #require(try database.allCases().first?.id)
        #expect(try database.events(caseID: caseID).first?.note == nil)
    }
}
