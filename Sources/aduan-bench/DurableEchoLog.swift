import Foundation
import GRDBSQLite

/// The durable echo's log: what a bot that keeps the rule "every message is committed with
/// `synchronous=FULL` before its reply is sent" must pay at the least, with nothing else of a
/// bot. Each message is one row in plain libsqlite3 (``RawSQLite``); messages that arrive while
/// a commit is under way share the next transaction (group commit, as the bot's store does);
/// the reply is released once its transaction has committed.
///
/// Commits run on one serial queue, never on an event loop: an fsync there would stall every
/// connection of that loop.
final class DurableEchoLog: @unchecked Sendable {
    private struct Entry {
        var key: [UInt8]
        var text: [UInt8]
        var committed: @Sendable () -> Void
    }

    private let sqlite: RawSQLite
    private let insert: OpaquePointer
    private let queue = DispatchQueue(label: "aduan-bench durable echo")
    private let lock = NSLock()
    // Guarded by `lock`.
    private var pending: [Entry] = []
    private var flushing = false
    private var failure: String?
    // Touched only on `queue`.
    private var transactions = 0

    init(path: String) throws {
        sqlite = try RawSQLite(path: path)
        try sqlite.exec("CREATE TABLE messages (id INTEGER PRIMARY KEY, sender TEXT NOT NULL, text TEXT NOT NULL)")
        insert = try sqlite.prepare("INSERT INTO messages (sender, text) VALUES (?, ?)")
    }

    deinit {
        sqlite3_finalize(insert)
    }

    /// Commits the message; `committed` runs (on the log's queue) once it is durable.
    func append(sender: String, text: String, committed: @escaping @Sendable () -> Void) {
        let starts = lock.withLock {
            pending.append(Entry(key: Array(sender.utf8), text: Array(text.utf8), committed: committed))
            if flushing { return false }
            flushing = true
            return true
        }
        if starts { queue.async { self.flush() } }
    }

    /// The rows committed and the transactions that held them, and the first error if any.
    func totals() -> (rows: Int, transactions: Int, failure: String?) {
        let (rows, transactions) = queue.sync {
            (Int((try? sqlite.queryText("SELECT count(*) FROM messages")) ?? "") ?? -1, self.transactions)
        }
        return (rows, transactions, lock.withLock { failure })
    }

    private func flush() {
        let batch = lock.withLock {
            defer { pending = [] }
            return pending
        }
        do {
            try sqlite.exec("BEGIN IMMEDIATE")
            for entry in batch where sqlite.insert(insert, entry.key, entry.text) != SQLITE_DONE {
                throw RawSQLite.Failure(description: "INSERT: \(sqlite.lastError)")
            }
            try sqlite.exec("COMMIT")
            transactions += 1
            for entry in batch { entry.committed() }
        } catch {
            try? sqlite.exec("ROLLBACK")
            // No reply for these messages: the citizens time out and the run fails with this error.
            lock.withLock { failure = failure ?? "\(error)" }
        }
        let more = lock.withLock {
            if pending.isEmpty { flushing = false }
            return flushing
        }
        if more { queue.async { self.flush() } }
    }
}
