import AduanStore
import Foundation

/// The outbox row of a message a transport sends, and back.
extension OutboxMessage {
    /// The row that keeps `message` for `transport` until it is delivered.
    init(_ message: OutboundMessage, botID: String, transport: String, createdAt: Date) {
        switch message.destination {
        case .user(let identity):
            self.init(botID: botID, transport: transport, destination: .user, target: identity, text: message.text,
                      createdAt: createdAt)
        case .channel(let name):
            self.init(botID: botID, transport: transport, destination: .channel, target: name, text: message.text,
                      createdAt: createdAt)
        }
    }

    /// The message this row holds, as a transport sends it.
    var outbound: OutboundMessage {
        OutboundMessage(destination == .channel ? .channel(target) : .user(target), text)
    }
}
