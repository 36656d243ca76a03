import Foundation

/// A message waiting in the durable outbox (the `outbox` table) until its transport delivers it.
///
/// Status updates, staff announcements and escalations are written in the same transaction as
/// the change they report, so none is lost when a transport is down or the bot restarts; a
/// delivered message is marked sent (``AduanDatabase/markSent(_:at:)``) and never sent again.
///
/// ```swift
/// OutboxMessage(botID: "bangli", transport: "irc", destination: .channel, target: "#opd-pupr",
///               text: "Aduan baru BGL-K7M-4QX …", caseID: 12, createdAt: now)
/// ```
public struct OutboxMessage: Sendable, Equatable, Hashable {
    /// The row id (nil until stored).
    public var id: Int64?
    /// The bot that sends it.
    public var botID: String
    /// The transport that delivers it: `terminal`, `irc`, `matrix`.
    public var transport: String
    /// A person or a channel.
    public var destination: Destination
    /// The person's identity on the transport, or the channel's name.
    public var target: String
    /// What it says (may have several lines).
    public var text: String
    /// The case it is about, if any.
    public var caseID: Int64?
    /// When it was written.
    public var createdAt: Date
    /// When the transport took it; nil while it waits.
    public var sentAt: Date?

    /// Whether it goes to a person or a channel.
    public enum Destination: String, Sendable, Hashable {
        /// A direct message to a person.
        case user
        /// A message in a channel.
        case channel
    }

    /// Makes a message to store.
    public init(id: Int64? = nil, botID: String, transport: String, destination: Destination, target: String,
                text: String, caseID: Int64? = nil, createdAt: Date, sentAt: Date? = nil) {
        self.id = id
        self.botID = botID
        self.transport = transport
        self.destination = destination
        self.target = target
        self.text = text
        self.caseID = caseID
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}
