import Foundation
import GRDB

extension CaseRecord: FetchableRecord, TableRecord {
    /// The table that holds cases.
    public static var databaseTableName: String { "cases" }

    /// The columns of `cases`.
    public enum Columns {
        /// The `id` column.
        public static let id = Column("id")
        /// The `tracking` column.
        public static let tracking = Column("tracking")
        /// The `tracking_key` column: ``CaseRecord/normalizedTracking(_:)`` of `tracking`, for lookups.
        public static let trackingKey = Column("tracking_key")
        /// The `bot_id` column.
        public static let botID = Column("bot_id")
        /// The `sequence` column.
        public static let sequence = Column("sequence")
        /// The `conversation_key` column.
        public static let conversationKey = Column("conversation_key")
        /// The `status` column.
        public static let status = Column("status")
        /// The `category` column.
        public static let category = Column("category")
        /// The `opd` column.
        public static let opd = Column("opd")
        /// The `kecamatan` column.
        public static let kecamatan = Column("kecamatan")
        /// The `desa` column.
        public static let desa = Column("desa")
        /// The `details` column.
        public static let details = Column("details")
        /// The `contact` column.
        public static let contact = Column("contact")
        /// The `language` column.
        public static let language = Column("language")
        /// The `confidential` column.
        public static let confidential = Column("confidential")
        /// The `created_at` column.
        public static let createdAt = Column("created_at")
        /// The `updated_at` column.
        public static let updatedAt = Column("updated_at")
        /// The `due_at` column.
        public static let dueAt = Column("due_at")
        /// The `assignee` column.
        public static let assignee = Column("assignee")
        /// The `anonymous` column.
        public static let anonymous = Column("anonymous")
        /// The `paused_remaining` column.
        public static let pausedRemaining = Column("paused_remaining")
        /// The `waiting_until` column.
        public static let waitingUntil = Column("waiting_until")
        /// The `waiting_reason` column.
        public static let waitingReason = Column("waiting_reason")
        /// The `duplicate_of` column.
        public static let duplicateOf = Column("duplicate_of")
        /// The `prompt` column.
        public static let prompt = Column("prompt")
        /// The `rating` column.
        public static let rating = Column("rating")
        /// The `clock_stage` column.
        public static let clockStage = Column("clock_stage")
        /// The `alarm_at` column.
        public static let alarmAt = Column("alarm_at")
        /// The `version` column.
        public static let version = Column("version")
        /// The `redacted_at` column.
        public static let redactedAt = Column("redacted_at")
    }

    /// Decodes a row of `cases`.
    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        tracking = try row.decode(forColumn: Columns.tracking)
        botID = try row.decode(forColumn: Columns.botID)
        sequence = try row.decode(forColumn: Columns.sequence)
        conversationKey = try row.decode(forColumn: Columns.conversationKey)
        status = try row.decode(forColumn: Columns.status)
        category = try row.decode(forColumn: Columns.category)
        opd = try row.decode(forColumn: Columns.opd)
        kecamatan = try row.decode(forColumn: Columns.kecamatan)
        desa = try row.decode(forColumn: Columns.desa)
        details = try row.decode(forColumn: Columns.details)
        contact = try row.decode(forColumn: Columns.contact)
        language = try row.decode(forColumn: Columns.language)
        confidential = try row.decode(forColumn: Columns.confidential)
        createdAt = StoredDate.date(try row.decode(Double.self, forColumn: Columns.createdAt))
        updatedAt = StoredDate.date(try row.decode(Double.self, forColumn: Columns.updatedAt))
        dueAt = StoredDate.date(try row.decode(Double?.self, forColumn: Columns.dueAt))
        assignee = try row.decode(forColumn: Columns.assignee)
        anonymous = try row.decode(forColumn: Columns.anonymous)
        pausedRemaining = try row.decode(forColumn: Columns.pausedRemaining)
        waitingUntil = try row.decode(forColumn: Columns.waitingUntil)
        waitingReason = try row.decode(forColumn: Columns.waitingReason)
        duplicateOf = try row.decode(forColumn: Columns.duplicateOf)
        prompt = try row.decode(forColumn: Columns.prompt)
        rating = try row.decode(forColumn: Columns.rating)
        clockStage = try row.decode(forColumn: Columns.clockStage)
        alarmAt = StoredDate.date(try row.decode(Double?.self, forColumn: Columns.alarmAt))
        version = try row.decode(forColumn: Columns.version)
        redactedAt = StoredDate.date(try row.decode(Double?.self, forColumn: Columns.redactedAt))
    }
}
