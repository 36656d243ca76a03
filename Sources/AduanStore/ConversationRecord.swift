import Foundation

/// One conversation between a bot and a citizen, as stored in the `conversations` table.
///
/// The runtime owns the meaning of `state`; the store keeps it as opaque text.
///
/// ```swift
/// let record = ConversationRecord(
///     key: "bangli|terminal:warga", botID: "bangli", revision: "sha256:…",
///     state: #"{"node":"ask-location"}"#, step: 3, updatedAt: now)
/// ```
public struct ConversationRecord: Sendable, Equatable, Hashable, Codable {
    /// The conversation key, e.g. `"bangli|terminal:warga"` (bot and channel address).
    public var key: String
    /// The bot this conversation belongs to.
    public var botID: String
    /// The dialog revision the conversation is pinned to; nil while the conversation is idle.
    public var revision: String?
    /// The runtime's state for the conversation (a JSON blob, opaque to the store).
    public var state: String
    /// The number of committed steps. A write must carry exactly the stored step + 1 (1 for a new
    /// conversation); see ``StoreError/staleConversation(key:step:storedStep:)``.
    public var step: Int
    /// When the conversation last changed (stored to the millisecond).
    public var updatedAt: Date

    /// Creates a conversation record.
    public init(key: String, botID: String, revision: String?, state: String, step: Int, updatedAt: Date) {
        self.key = key
        self.botID = botID
        self.revision = revision
        self.state = state
        self.step = step
        self.updatedAt = updatedAt
    }
}
