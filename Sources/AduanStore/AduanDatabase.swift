import Foundation
import GRDB

/// The one type that owns Aduan's SQLite database: conversations, dialog revisions, cases and
/// their history.
///
/// The rest of Aduan speaks to it by intent (``commit(_:)`` a dialog step, look up a
/// ``case(tracking:)``), never by SQL. Every write is one transaction; dialog steps committed
/// concurrently with ``commit(_:)`` share transactions (group commit).
///
/// ```swift
/// let database = try AduanDatabase(path: "/var/lib/aduan/aduan.sqlite")
/// let result = try await database.commit(step)
/// let found = try database.case(tracking: "bgl k7m 4qx")
/// ```
///
/// A file database uses WAL with `synchronous=FULL` on every connection, so that a returned
/// write survives a power cut; foreign keys are on; a busy database is retried for 5 seconds.
public final class AduanDatabase: Sendable {
    /// The database connections: a `DatabasePool` for a file, a `DatabaseQueue` in memory.
    let writer: any DatabaseWriter
    /// Batches the steps of ``commit(_:)``.
    let committer: GroupCommitter
    /// Counts the write transactions committed (see ``committedTransactionCount``).
    private let commitCounter = CommitCounter()

    /// The most steps one group commit transaction holds.
    public static let maxBatchSize = 2_000

    /// Opens (creating it and its directory if needed) the database file at `path`, and migrates
    /// it to the current schema.
    public convenience init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: Self.makeConfiguration())
        // GRDB sets `synchronous=NORMAL` on the pool's writer *after* `prepareDatabase` has run,
        // when it switches the file to WAL. Commits happen on that connection: set FULL again.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        try self.init(writer: pool)
    }

    /// Creates an empty database in memory (for tests): the same schema and code as a file.
    public static func inMemory() throws -> AduanDatabase {
        try AduanDatabase(writer: DatabaseQueue(configuration: makeConfiguration()))
    }

    private init(writer: any DatabaseWriter) throws {
        self.writer = writer
        self.committer = GroupCommitter(writer: writer, maxBatch: Self.maxBatchSize)
        writer.add(transactionObserver: commitCounter, extent: .databaseLifetime)
        try Self.migrator.migrate(writer)
    }

    private static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "AduanDatabase"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// The number of write transactions SQLite has committed through this instance, migrations
    /// included. Tests and benchmarks compare it before and after a run to see group commit work.
    public var committedTransactionCount: Int {
        commitCounter.value
    }

    /// Closes the database connections. Later calls fail with an error; ``commit(_:)`` calls
    /// still queued fail too. Closing is optional: the connections also close on deinit.
    public func close() throws {
        try writer.close()
    }
}
