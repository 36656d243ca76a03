import Foundation
import GRDB

// MARK: - Reads
// Synchronous on purpose: each is one short query (see PITFALLS: GRDB's async overloads).

extension AduanDatabase {
    /// The conversation stored under `key`, or nil.
    public func conversation(key: String) throws -> ConversationRecord? {
        try writer.read { db in
            try ConversationRecord.fetchOne(db, key: key)
        }
    }

    /// The keys of every conversation of a bot, so a runtime that starts can tell a new citizen
    /// (no row: nothing to read) from a returning one without a query per first message.
    public func conversationKeys(botID: String) throws -> Set<String> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT key FROM conversations WHERE bot_id = ?", arguments: [botID]))
        }
    }

    /// The dialog revision stored under `revision`, or nil.
    public func dialogRevision(_ revision: String) throws -> DialogRevisionRecord? {
        try writer.read { db in
            try DialogRevisionRecord.fetchOne(db, key: revision)
        }
    }

    /// The case with this tracking number, or nil. Case, spaces and dashes do not matter:
    /// `"bgl k7m 4qx"` finds `"BGL-K7M-4QX"` (see ``CaseRecord/normalizedTracking(_:)``).
    public func `case`(tracking: String) throws -> CaseRecord? {
        try writer.read { db in
            try CaseRecord
                .filter(CaseRecord.Columns.trackingKey == CaseRecord.normalizedTracking(tracking))
                .fetchOne(db)
        }
    }

    /// The cases filed by a conversation, newest first.
    public func cases(conversationKey: String) throws -> [CaseRecord] {
        try writer.read { db in
            try CaseRecord
                .filter(CaseRecord.Columns.conversationKey == conversationKey)
                .order(CaseRecord.Columns.createdAt.desc, CaseRecord.Columns.id.desc)
                .fetchAll(db)
        }
    }

    /// Every case, oldest first.
    public func allCases() throws -> [CaseRecord] {
        try writer.read { db in
            try CaseRecord
                .order(CaseRecord.Columns.createdAt, CaseRecord.Columns.id)
                .fetchAll(db)
        }
    }

    /// The history of a case, in the order it was recorded.
    public func events(caseID: Int64) throws -> [CaseEventRecord] {
        try writer.read { db in
            try CaseEventRecord
                .filter(CaseEventRecord.Columns.caseID == caseID)
                .order(CaseEventRecord.Columns.id)
                .fetchAll(db)
        }
    }

    /// The highest case sequence number of a bot, or 0 when it has filed no case.
    public func maxSequence(botID: String) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT MAX(sequence) FROM cases WHERE bot_id = ?", arguments: [botID]) ?? 0
        }
    }

    /// The number of cases stored.
    public func caseCount() throws -> Int {
        try writer.read { db in
            try CaseRecord.fetchCount(db)
        }
    }
}
