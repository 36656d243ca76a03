import AduanCore
import GRDB

/// Counts the write transactions SQLite commits on a connection (GRDB's commit hook tells every
/// transaction observer, even one that observes no table).
final class CommitCounter: TransactionObserver, Sendable {
    private let count = Locked(0)

    /// The number of commits so far.
    var value: Int { count.withLock { $0 } }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }

    func databaseDidChange(with event: DatabaseEvent) {}

    func databaseDidCommit(_ db: Database) {
        count.withLock { $0 += 1 }
    }

    func databaseDidRollback(_ db: Database) {}
}
