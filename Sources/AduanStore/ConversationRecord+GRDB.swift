import Foundation
import GRDB

extension ConversationRecord: FetchableRecord, TableRecord {
    /// The table that holds conversations.
    public static var databaseTableName: String { "conversations" }

    /// The columns of `conversations`.
    public enum Columns {
        /// The `key` column.
        public static let key = Column("key")
        /// The `bot_id` column.
        public static let botID = Column("bot_id")
        /// The `revision` column.
        public static let revision = Column("revision")
        /// The `state` column.
        public static let state = Column("state")
        /// The `step` column.
        public static let step = Column("step")
        /// The `updated_at` column.
        public static let updatedAt = Column("updated_at")
    }

    /// Decodes a row of `conversations`.
    public init(row: Row) throws {
        key = try row.decode(forColumn: Columns.key)
        botID = try row.decode(forColumn: Columns.botID)
        revision = try row.decode(forColumn: Columns.revision)
        state = try row.decode(forColumn: Columns.state)
        step = try row.decode(forColumn: Columns.step)
        updatedAt = StoredDate.date(try row.decode(Double.self, forColumn: Columns.updatedAt))
    }
}
