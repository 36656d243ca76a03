/// A message that reached the bot from a chat network.
public struct InboundMessage: Sendable, Hashable {
    /// The transport it came over: `terminal`, `irc`, `matrix`.
    public var transport: String
    /// Who sent it: the identity the network vouches for (an account or user id; a nick only
    /// where the network knows nothing better).
    public var sender: String
    /// The channel it was said in, or nil for a direct message to the bot.
    public var channel: String?
    /// What was said.
    public var text: String
    /// The account the network vouches for, in the form staff are named in bot files
    /// (`irc-account:budi`, `matrix:@budi:bangli.go.id`, `terminal:budi`); nil when the network
    /// vouches for no account (an IRC nick without services). Staff commands need one.
    public var account: String?

    /// Makes a message.
    public init(transport: String, sender: String, channel: String? = nil, text: String, account: String? = nil) {
        self.transport = transport
        self.sender = sender
        self.channel = channel
        self.text = text
        self.account = account
    }
}

/// A message the bot sends.
public struct OutboundMessage: Sendable, Hashable {
    /// Where it goes.
    public var destination: Destination
    /// What it says (may have several lines).
    public var text: String

    /// Where an outbound message goes.
    public enum Destination: Sendable, Hashable {
        /// A direct message to this sender.
        case user(String)
        /// A channel.
        case channel(String)
    }

    /// Makes a message.
    public init(_ destination: Destination, _ text: String) {
        self.destination = destination
        self.text = text
    }
}
