import Foundation
import GRDB

extension DialogRevisionRecord: FetchableRecord, TableRecord {
    /// The table that holds dialog revisions.
    public static var databaseTableName: String { "dialog_revisions" }

    /// The columns of `dialog_revisions`.
    public enum Columns {
        /// The `revision` column.
        public static let revision = Column("revision")
        /// The `dialog_id` column.
        public static let dialogID = Column("dialog_id")
        /// The `source` column.
        public static let source = Column("source")
        /// The `created_at` column.
        public static let createdAt = Column("created_at")
    }

    /// Decodes a row of `dialog_revisions`.
    public init(row: Row) throws {
        revision = try row.decode(forColumn: Columns.revision)
        dialogID = try row.decode(forColumn: Columns.dialogID)
        source = try row.decode(forColumn: Columns.source)
        createdAt = StoredDate.date(try row.decode(Double.self, forColumn: Columns.createdAt))
    }
}
