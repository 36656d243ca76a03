import AduanCore
import GRDB

/// Group commit: dialog steps submitted concurrently share one SQLite transaction, so that the
/// cost of a durable commit (an fsync) is paid once per batch instead of once per step.
///
/// A step that arrives while no flush is under way starts one. Steps that arrive while a flush is
/// under way wait in the queue; when the flush has committed, the next one takes everything
/// queued (up to `maxBatch` steps). Flushes run on the database writer's serial queue, so they
/// interleave with other writes in arrival order. Inside a flush every step runs in its own
/// savepoint: a failing step rolls back only its own changes and fails only its own caller.
final class GroupCommitter: Sendable {
    /// The caller waiting for one step.
    typealias Waiter = CheckedContinuation<CommitResult, any Error>

    private struct Pending: Sendable {
        var step: StepWrite
        var waiter: Waiter
    }

    private struct Queue: Sendable {
        var pending: [Pending] = []
        var isFlushing = false
    }

    private let writer: any DatabaseWriter
    private let maxBatch: Int
    private let queue = Locked(Queue())

    init(writer: any DatabaseWriter, maxBatch: Int) {
        precondition(maxBatch > 0, "maxBatch must be positive")
        self.writer = writer
        self.maxBatch = maxBatch
    }

    /// Queues `step`; `waiter` is resumed once the transaction holding it has committed (or with
    /// the step's error).
    func submit(_ step: StepWrite, waiter: Waiter) {
        let startsFlush = queue.withLock { queue in
            queue.pending.append(Pending(step: step, waiter: waiter))
            if queue.isFlushing { return false }
            queue.isFlushing = true
            return true
        }
        if startsFlush { scheduleFlush() }
    }

    private func scheduleFlush() {
        writer.asyncWriteWithoutTransaction { db in
            self.flush(db)
        }
    }

    /// Runs on the writer queue: commits one batch, then schedules the next if steps are waiting.
    private func flush(_ db: Database) {
        let batch = queue.withLock { queue in
            if queue.pending.count <= maxBatch {
                defer { queue.pending = [] }
                return queue.pending
            }
            defer { queue.pending.removeFirst(maxBatch) }
            return Array(queue.pending.prefix(maxBatch))
        }
        let outcomes = Self.write(batch.map(\.step), db)
        let hasMore = queue.withLock { queue in
            if queue.pending.isEmpty { queue.isFlushing = false }
            return queue.isFlushing
        }
        if hasMore { scheduleFlush() }
        for (pending, outcome) in zip(batch, outcomes) {
            pending.waiter.resume(with: outcome)
        }
    }

    /// Writes `steps` in one transaction, each in its own savepoint. Returns one outcome per
    /// step; when the transaction itself fails, every step fails with its error.
    static func write(_ steps: [StepWrite], _ db: Database) -> [Result<CommitResult, any Error>] {
        var outcomes: [Result<CommitResult, any Error>] = []
        outcomes.reserveCapacity(steps.count)
        do {
            try db.inTransaction(.immediate) {
                // GRDB's `inSavepoint` compiles its statements on every call; cached statements
                // cut the cost of a step's savepoint by more than half.
                let savepoint = try db.cachedStatement(sql: "SAVEPOINT step")
                let release = try db.cachedStatement(sql: "RELEASE SAVEPOINT step")
                let rollback = try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT step")
                for step in steps {
                    try savepoint.execute()
                    do {
                        let result = try step.apply(db)
                        try release.execute()
                        outcomes.append(.success(result))
                    } catch {
                        // Some errors (SQLITE_FULL, SQLITE_IOERR, …) make SQLite roll back the
                        // whole transaction: then the steps before are lost too.
                        guard db.isInsideTransaction else { throw error }
                        try rollback.execute()
                        try release.execute()
                        outcomes.append(.failure(error))
                    }
                }
                return .commit
            }
            return outcomes
        } catch {
            return steps.map { _ in .failure(error) }
        }
    }
}
