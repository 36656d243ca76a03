import Foundation
import GRDB

// MARK: - The staff desk
// Case changes, the outbox, alarms, prompts and redaction: each write is one transaction.

extension AduanDatabase {
    /// Writes a change to a case, its history entries and its outbox messages in one
    /// transaction, refusing a change made from a stale read.
    ///
    /// - Throws: ``StoreError/staleCase(tracking:version:storedVersion:)`` when the case changed
    ///   since it was read; `DatabaseError` when SQLite fails.
    public func save(_ change: CaseChange) throws {
        try writer.write { db in
            try change.apply(db)
        }
    }

    /// The case with this row id, or nil.
    public func `case`(id: Int64) throws -> CaseRecord? {
        try writer.read { db in
            try CaseRecord.filter(CaseRecord.Columns.id == id).fetchOne(db)
        }
    }

    /// The cases a staff list shows, the oldest deadline first (cases without one last), or the
    /// newest first with ``CaseQuery/newestFirst``; at most `query.limit`.
    public func cases(_ query: CaseQuery) throws -> [CaseRecord] {
        try writer.read { db in
            let request = Self.request(query)
            if query.newestFirst {
                return try request.order(CaseRecord.Columns.createdAt.desc, CaseRecord.Columns.id.desc)
                    .limit(query.limit).fetchAll(db)
            }
            return try request
                .order(CaseRecord.Columns.dueAt.ascNullsLast, CaseRecord.Columns.id)
                .limit(query.limit)
                .fetchAll(db)
        }
    }

    /// How many cases match a staff list's conditions, whatever its limit.
    public func caseCount(_ query: CaseQuery) throws -> Int {
        try writer.read { db in
            try Self.request(query).fetchCount(db)
        }
    }

    /// The cases matching a query's conditions, unordered and unlimited.
    private static func request(_ query: CaseQuery) -> QueryInterfaceRequest<CaseRecord> {
        var request = CaseRecord.filter(CaseRecord.Columns.botID == query.botID)
        if let statuses = query.statuses {
            request = request.filter(statuses.contains(CaseRecord.Columns.status))
        }
        if let opd = query.opd {
            request = request.filter(CaseRecord.Columns.opd == opd)
        }
        if let kecamatan = query.kecamatan {
            request = request.filter(CaseRecord.Columns.kecamatan.collating(.nocase) == kecamatan)
        }
        if let assignee = query.assignee {
            request = request.filter(CaseRecord.Columns.assignee == assignee)
        }
        if let dueBefore = query.dueBefore {
            request = request.filter(CaseRecord.Columns.dueAt < StoredDate.seconds(dueBefore))
                .filter(CaseRecord.Columns.status != "waiting")
        }
        return request
    }

    /// The cases of a bot whose next alarm is due at `now`, the earliest first.
    public func casesWithAlarm(botID: String, dueBy now: Date, limit: Int = 100) throws -> [CaseRecord] {
        try writer.read { db in
            try CaseRecord
                .filter(CaseRecord.Columns.botID == botID)
                .filter(CaseRecord.Columns.alarmAt <= StoredDate.seconds(now))
                .order(CaseRecord.Columns.alarmAt, CaseRecord.Columns.id)
                .limit(limit)
                .fetchAll(db)
        }
    }

    /// The newest case of a conversation that waits for the citizen's answer (its `prompt` is
    /// set), or nil.
    public func caseAwaitingAnswer(conversationKey: String) throws -> CaseRecord? {
        try casesAwaitingAnswer(conversationKey: conversationKey).last
    }

    /// The cases of a conversation that wait for the citizen's answer, the one asked longest
    /// ago first.
    public func casesAwaitingAnswer(conversationKey: String) throws -> [CaseRecord] {
        try writer.read { db in
            try CaseRecord
                .filter(CaseRecord.Columns.conversationKey == conversationKey)
                .filter(CaseRecord.Columns.prompt != nil)
                .order(CaseRecord.Columns.updatedAt, CaseRecord.Columns.id)
                .fetchAll(db)
        }
    }

    /// The conversations of a bot with a case waiting for the citizen's answer, so the runtime
    /// reads prompts only for them.
    public func conversationKeysWithPrompt(botID: String) throws -> Set<String> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT DISTINCT conversation_key FROM cases WHERE bot_id = ? AND prompt IS NOT NULL
                """, arguments: [botID]))
        }
    }

    /// Messages of a bot waiting for `transport`, the oldest first.
    public func pendingOutbox(botID: String, transport: String, limit: Int = 100) throws -> [OutboxMessage] {
        try writer.read { db in
            try OutboxMessage.fetchAll(db, sql: """
                SELECT * FROM outbox WHERE transport = ? AND sent_at IS NULL AND bot_id = ?
                ORDER BY id LIMIT ?
                """, arguments: [transport, botID, limit])
        }
    }

    /// Adds messages to the outbox in one transaction (a transport's messages it could not send
    /// and keeps for later).
    public func enqueueOutbox(_ messages: [OutboxMessage]) throws {
        guard !messages.isEmpty else { return }
        try writer.write { db in
            for message in messages {
                try message.insert(db)
            }
        }
    }

    /// Marks outbox messages as delivered; a message already marked keeps its first time.
    public func markSent(_ ids: [Int64], at time: Date) throws {
        guard !ids.isEmpty else { return }
        try writer.write { db in
            let statement = try db.cachedStatement(sql: "UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL")
            for id in ids {
                try statement.execute(arguments: [StoredDate.seconds(time), id])
            }
        }
    }

    /// Removes the personal data of a bot's finished cases (closed, rejected, duplicate, and
    /// resolved ones whose citizen never answered whether it is fixed) last changed before
    /// `cutoff`: the details, the contact and the citizen's identity in the case,
    /// its history and its outbox (messages still waiting are dropped too). Category, OPD, kecamatan, desa, statuses, times and rating
    /// stay, for anonymous statistics. Returns the number of cases redacted.
    @discardableResult
    public func redactFinishedCases(botID: String, changedBefore cutoff: Date, at time: Date) throws -> Int {
        let redacted = CaseRecord.redactedText
        return try writer.write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, conversation_key FROM cases
                WHERE bot_id = ? AND redacted_at IS NULL AND updated_at < ?
                  AND status IN ('closed', 'rejected', 'duplicate', 'resolved')
                """, arguments: [botID, StoredDate.seconds(cutoff)])
            for row in rows {
                let id: Int64 = row["id"]
                let key: String = row["conversation_key"]
                try db.execute(sql: """
                    UPDATE case_events SET note = ? WHERE case_id = ? AND note IS NOT NULL;
                    UPDATE case_events SET actor = ? WHERE case_id = ? AND actor = ?;
                    DELETE FROM outbox WHERE case_id = ?;
                    UPDATE cases SET details = ?, contact = NULL, conversation_key = ?, waiting_reason = NULL,
                        prompt = NULL, alarm_at = NULL, redacted_at = ?, version = version + 1
                    WHERE id = ?;
                    """, arguments: [redacted, id, redacted, id, key, id, redacted, redacted, StoredDate.seconds(time), id])
            }
            return rows.count
        }
    }

    /// Deletes a bot's conversations untouched since `cutoff` that no case needs any more
    /// (every case filed from them has been redacted, or there was none): the citizen's
    /// identity, which is the conversation's key, and any unfinished answers go with them.
    /// Returns their keys. A citizen who writes again starts afresh.
    public func forgetConversations(botID: String, untouchedSince cutoff: Date) throws -> [String] {
        try writer.write { db in
            let keys = try String.fetchAll(db, sql: """
                SELECT key FROM conversations
                WHERE bot_id = ? AND updated_at < ?
                  AND NOT EXISTS (SELECT 1 FROM cases WHERE cases.conversation_key = conversations.key AND redacted_at IS NULL)
                """, arguments: [botID, StoredDate.seconds(cutoff)])
            let delete = try db.cachedStatement(sql: "DELETE FROM conversations WHERE key = ?")
            for key in keys { try delete.execute(arguments: [key]) }
            return keys
        }
    }
}

extension CaseChange {
    /// Writes the change in `db`, inside the caller's transaction.
    func apply(_ db: Database) throws {
        guard let id = record.id else {
            throw StoreError.staleCase(tracking: record.tracking, version: record.version, storedVersion: nil)
        }
        let r = record
        try db.execute(sql: """
            UPDATE cases SET status = ?, opd = ?, assignee = ?, due_at = ?, paused_remaining = ?,
                waiting_until = ?, waiting_reason = ?, duplicate_of = ?, prompt = ?, rating = ?,
                clock_stage = ?, alarm_at = ?, confidential = ?, anonymous = ?, version = ?, updated_at = ?
            WHERE id = ? AND version = ?
            """, arguments: [
                r.status, r.opd, r.assignee, StoredDate.seconds(r.dueAt), r.pausedRemaining,
                r.waitingUntil, r.waitingReason, r.duplicateOf, r.prompt, r.rating,
                r.clockStage, StoredDate.seconds(r.alarmAt), r.confidential, r.anonymous, r.version,
                StoredDate.seconds(at), id, r.version - 1,
            ])
        if db.changesCount != 1 {
            let stored = try Int.fetchOne(db, sql: "SELECT version FROM cases WHERE id = ?", arguments: [id])
            throw StoreError.staleCase(tracking: r.tracking, version: r.version, storedVersion: stored)
        }
        let insertEvent = try db.cachedStatement(sql: """
            INSERT INTO case_events (case_id, at, actor, channel, kind, from_status, to_status, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for event in events {
            try insertEvent.execute(arguments: [
                id, StoredDate.seconds(event.at), event.actor, event.channel, event.kind,
                event.fromStatus, event.toStatus, event.note,
            ])
        }
        for var message in outbox {
            if message.caseID == nil { message.caseID = id }
            try message.insert(db)
        }
    }
}

extension AduanDatabase {
    /// The cases marked as duplicates of the case with row id `id`.
    public func duplicates(of id: Int64) throws -> [CaseRecord] {
        try writer.read { db in
            try CaseRecord.filter(CaseRecord.Columns.duplicateOf == id).order(CaseRecord.Columns.id).fetchAll(db)
        }
    }
}
