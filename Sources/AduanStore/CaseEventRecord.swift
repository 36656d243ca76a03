import Foundation

/// One entry in a case's append-only history (the `case_events` table): who did what, when,
/// through which channel, and the status change if any.
public struct CaseEventRecord: Sendable, Equatable, Hashable, Codable {
    /// The row id (nil only for a record that was never stored).
    public var id: Int64?
    /// The case this event belongs to.
    public var caseID: Int64
    /// When it happened (stored to the millisecond).
    public var at: Date
    /// Who did it: a conversation key for the citizen, a staff identity otherwise.
    public var actor: String
    /// The channel it came through, e.g. `"terminal"`, `"irc"`, `"matrix"`.
    public var channel: String
    /// What happened, e.g. ``CaseEventRecord/receivedKind``.
    public var kind: String
    /// The status before, for a status change.
    public var fromStatus: String?
    /// The status after, for a status change.
    public var toStatus: String?
    /// A free-text note.
    public var note: String?

    /// The kind of the first event of every case, written when the case is filed.
    public static let receivedKind = "received"

    /// Creates a case event record.
    public init(
        id: Int64?, caseID: Int64, at: Date, actor: String, channel: String, kind: String,
        fromStatus: String?, toStatus: String?, note: String?
    ) {
        self.id = id
        self.caseID = caseID
        self.at = at
        self.actor = actor
        self.channel = channel
        self.kind = kind
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.note = note
    }
}
