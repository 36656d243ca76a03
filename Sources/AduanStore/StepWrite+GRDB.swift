import Foundation
import GRDB

extension StepWrite {
    /// Writes the step in `db`, which must be inside a transaction or savepoint so that a
    /// failure leaves nothing behind. Uses cached statements only: this is the hot path.
    func apply(_ db: Database) throws -> CommitResult {
        try Self.save(conversation, db)
        let caseID = try newCase.map { try Self.file($0, channel: channel, db) }
        for var message in outbox {
            if message.caseID == nil { message.caseID = caseID }
            try message.insert(db)
        }
        return CommitResult(caseID: caseID)
    }

    /// Inserts (step 1) or advances (step n + 1) the conversation, refusing any other step.
    private static func save(_ conversation: ConversationRecord, _ db: Database) throws {
        let statement: Statement
        if conversation.step == 1 {
            statement = try db.cachedStatement(sql: """
                INSERT INTO conversations (bot_id, revision, state, step, updated_at, key)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (key) DO NOTHING
                """)
            statement.setUncheckedArguments([
                conversation.botID, conversation.revision, conversation.state, conversation.step,
                StoredDate.seconds(conversation.updatedAt), conversation.key,
            ])
        } else {
            statement = try db.cachedStatement(sql: """
                UPDATE conversations
                SET bot_id = ?, revision = ?, state = ?, step = ?, updated_at = ?
                WHERE key = ? AND step = ?
                """)
            statement.setUncheckedArguments([
                conversation.botID, conversation.revision, conversation.state, conversation.step,
                StoredDate.seconds(conversation.updatedAt), conversation.key, conversation.step - 1,
            ])
        }
        try statement.execute()
        if db.changesCount != 1 {
            let storedStep = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT step FROM conversations WHERE key = ?"),
                arguments: [conversation.key])
            throw StoreError.staleConversation(
                key: conversation.key, step: conversation.step, storedStep: storedStep)
        }
    }

    /// Inserts the case and its "received" event; returns the case's row id.
    private static func file(_ newCase: NewCase, channel: String, _ db: Database) throws -> Int64 {
        let createdAt = StoredDate.seconds(newCase.createdAt)
        let insertCase = try db.cachedStatement(sql: """
            INSERT INTO cases (
                tracking, tracking_key, bot_id, sequence, conversation_key, status, category, opd,
                kecamatan, desa, details, contact, language, confidential,
                created_at, updated_at, due_at, anonymous, alarm_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertCase.setUncheckedArguments([
            newCase.tracking, CaseRecord.normalizedTracking(newCase.tracking), newCase.botID,
            newCase.sequence, newCase.conversationKey, newCase.status, newCase.category, newCase.opd,
            newCase.kecamatan, newCase.desa, newCase.details, newCase.contact, newCase.language,
            newCase.confidential, createdAt, createdAt, StoredDate.seconds(newCase.dueAt),
            newCase.anonymous, StoredDate.seconds(newCase.alarmAt),
        ])
        do {
            try insertCase.execute()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // SQLite names the columns: "UNIQUE constraint failed: cases.bot_id, cases.sequence".
            if error.message?.contains("cases.sequence") == true {
                throw StoreError.duplicateSequence(botID: newCase.botID, sequence: newCase.sequence)
            }
            throw StoreError.duplicateTracking(newCase.tracking)
        }
        let caseID = db.lastInsertedRowID

        let insertEvent = try db.cachedStatement(sql: """
            INSERT INTO case_events (case_id, at, actor, channel, kind, from_status, to_status, note)
            VALUES (?, ?, ?, ?, ?, NULL, ?, NULL)
            """)
        insertEvent.setUncheckedArguments([
            caseID, createdAt, newCase.conversationKey, channel, CaseEventRecord.receivedKind,
            newCase.status,
        ])
        try insertEvent.execute()
        return caseID
    }
}
