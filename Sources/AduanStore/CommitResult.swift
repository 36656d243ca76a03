/// What ``AduanDatabase/commit(_:)`` wrote, once it is durably committed.
public struct CommitResult: Sendable, Equatable, Hashable {
    /// The row id of the case the step filed, or nil when the step filed none.
    public var caseID: Int64?

    /// Creates a commit result.
    public init(caseID: Int64?) {
        self.caseID = caseID
    }
}
