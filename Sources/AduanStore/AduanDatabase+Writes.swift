import Foundation
import GRDB

// MARK: - Writes
// Each write is one transaction that keeps the store's invariants.

extension AduanDatabase {
    /// Saves a dialog revision; does nothing when the revision is already stored (a revision is
    /// a hash of its source, so the stored one is the same).
    public func saveDialogRevision(_ record: DialogRevisionRecord) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO dialog_revisions (revision, dialog_id, source, created_at)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (revision) DO NOTHING
                    """,
                arguments: [
                    record.revision, record.dialogID, record.source, StoredDate.seconds(record.createdAt),
                ])
        }
    }

    /// Writes one dialog step durably: the conversation, and the case it filed if any.
    ///
    /// This is the hot path. Steps committed concurrently share one transaction (group commit),
    /// each in its own savepoint: a step that fails (a stale conversation, a duplicate tracking
    /// number) fails only its own call and the others commit. The call returns once the
    /// transaction holding the step has committed with `synchronous=FULL`. Once submitted, a step
    /// is written even if the calling task is cancelled.
    ///
    /// - Throws: ``StoreError/staleConversation(key:step:storedStep:)`` when the conversation's
    ///   step is not the stored step + 1; ``StoreError/duplicateTracking(_:)`` or
    ///   ``StoreError/duplicateSequence(botID:sequence:)`` for a case that clashes with another;
    ///   `DatabaseError` when SQLite fails.
    public func commit(_ step: StepWrite) async throws -> CommitResult {
        try await withCheckedThrowingContinuation { waiter in
            committer.submit(step, waiter: waiter)
        }
    }

    /// Writes one dialog step in its own transaction, blocking the calling thread: for tools and
    /// tests. Same rules and errors as ``commit(_:)``.
    public func commitNow(_ step: StepWrite) throws -> CommitResult {
        try writer.write { db in
            try step.apply(db)
        }
    }
}
