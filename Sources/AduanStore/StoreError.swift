/// The errors ``AduanDatabase`` throws for writes that break the store's rules.
///
/// SQLite failures (disk full, I/O errors) come through as GRDB's `DatabaseError`.
public enum StoreError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A conversation write whose `step` is not exactly the stored step + 1 (1 for a new
    /// conversation): another writer has advanced, or never created, the conversation.
    /// `storedStep` is nil when no conversation with that key is stored.
    case staleConversation(key: String, step: Int, storedStep: Int?)
    /// A new case whose tracking number (compared after ``CaseRecord/normalizedTracking(_:)``)
    /// is already taken.
    case duplicateTracking(String)
    /// A new case whose sequence number is already taken for its bot.
    case duplicateSequence(botID: String, sequence: Int)
    /// A case change whose `version` is not exactly the stored version + 1: someone else changed
    /// the case meanwhile. `storedVersion` is nil when no such case is stored.
    case staleCase(tracking: String, version: Int, storedVersion: Int?)

    /// A sentence for logs and operators.
    public var description: String {
        switch self {
        case let .staleConversation(key, step, storedStep?):
            "stale conversation \"\(key)\": step \(step) written, but the stored step is \(storedStep) "
                + "(a write must carry step \(storedStep + 1))"
        case let .staleConversation(key, step, nil):
            "stale conversation \"\(key)\": step \(step) written, but no such conversation is stored "
                + "(a new conversation starts at step 1)"
        case let .duplicateTracking(tracking):
            "tracking number \"\(tracking)\" is already taken by another case"
        case let .duplicateSequence(botID, sequence):
            "case sequence \(sequence) is already taken for bot \"\(botID)\""
        case let .staleCase(tracking, version, storedVersion?):
            "case \(tracking) changed meanwhile: version \(version) written, but the stored version is \(storedVersion)"
        case let .staleCase(tracking, version, nil):
            "case \(tracking) (version \(version)) is not stored"
        }
    }
}
