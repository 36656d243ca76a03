import Foundation
import GRDB

extension CaseEventRecord: FetchableRecord, TableRecord {
    /// The table that holds case events.
    public static var databaseTableName: String { "case_events" }

    /// The columns of `case_events`.
    public enum Columns {
        /// The `id` column.
        public static let id = Column("id")
        /// The `case_id` column.
        public static let caseID = Column("case_id")
        /// The `at` column.
        public static let at = Column("at")
        /// The `actor` column.
        public static let actor = Column("actor")
        /// The `channel` column.
        public static let channel = Column("channel")
        /// The `kind` column.
        public static let kind = Column("kind")
        /// The `from_status` column.
        public static let fromStatus = Column("from_status")
        /// The `to_status` column.
        public static let toStatus = Column("to_status")
        /// The `note` column.
        public static let note = Column("note")
    }

    /// Decodes a row of `case_events`.
    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        caseID = try row.decode(forColumn: Columns.caseID)
        at = StoredDate.date(try row.decode(Double.self, forColumn: Columns.at))
        actor = try row.decode(forColumn: Columns.actor)
        channel = try row.decode(forColumn: Columns.channel)
        kind = try row.decode(forColumn: Columns.kind)
        fromStatus = try row.decode(forColumn: Columns.fromStatus)
        toStatus = try row.decode(forColumn: Columns.toStatus)
        note = try row.decode(forColumn: Columns.note)
    }
}
