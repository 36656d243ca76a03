import Foundation
import GRDB

extension OutboxMessage: FetchableRecord {
    /// Decodes a row of `outbox`.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        botID = try row.decode(forColumn: "bot_id")
        transport = try row.decode(forColumn: "transport")
        let destination: String = try row.decode(forColumn: "destination")
        self.destination = Destination(rawValue: destination) ?? .user
        target = try row.decode(forColumn: "target")
        text = try row.decode(forColumn: "text")
        caseID = try row.decode(forColumn: "case_id")
        createdAt = StoredDate.date(try row.decode(Double.self, forColumn: "created_at"))
        sentAt = StoredDate.date(try row.decode(Double?.self, forColumn: "sent_at"))
    }

    /// Inserts the message (waiting, whatever its `sentAt`).
    func insert(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO outbox (bot_id, transport, destination, target, text, case_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        statement.setUncheckedArguments([
            botID, transport, destination.rawValue, target, text, caseID, StoredDate.seconds(createdAt),
        ])
        try statement.execute()
    }
}
