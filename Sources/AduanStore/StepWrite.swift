import Foundation

/// Everything one dialog step changes, written atomically by ``AduanDatabase/commit(_:)``.
///
/// ```swift
/// let result = try await database.commit(StepWrite(
///     conversation: ConversationRecord(key: "bangli|irc:warga", botID: "bangli",
///                                      revision: revision, state: stateJSON, step: 4, updatedAt: now),
///     newCase: filed,            // nil for most steps
///     channel: "irc"))
/// result.caseID                  // the new case's row id when `filed` was given
/// ```
public struct StepWrite: Sendable, Equatable {
    /// The conversation after the step. Its `step` must be exactly the stored step + 1
    /// (1 for a conversation not stored yet), or the write fails with
    /// ``StoreError/staleConversation(key:step:storedStep:)``.
    public var conversation: ConversationRecord
    /// The case the step filed, if any: inserted together with a first "received" event
    /// (`toStatus` = its status, actor = its conversation key, channel = ``channel``).
    public var newCase: NewCase?
    /// The channel the step came through, e.g. `"terminal"`, `"irc"`, `"matrix"`.
    public var channel: String
    /// Messages to deliver later through the outbox, e.g. the new case's announcements in staff
    /// channels. Those without a case id get the new case's.
    public var outbox: [OutboxMessage]

    /// Creates a step write.
    public init(conversation: ConversationRecord, newCase: NewCase? = nil, channel: String,
                outbox: [OutboxMessage] = []) {
        self.conversation = conversation
        self.newCase = newCase
        self.channel = channel
        self.outbox = outbox
    }
}
