/// A chat message for the bot, received over IRC: a `PRIVMSG` to the bot's nick (a direct
/// message) or in a channel the bot is in, with formatting codes removed.
public struct IRCChatMessage: Sendable, Hashable {
    /// Who sent it, as a stable conversation identity: `irc-account:<account>` when the server
    /// vouches for an account (IRCv3 `account-tag`), otherwise `irc:<nick>` with the nick folded
    /// by the server's casemapping, following nick changes the bot has seen (see
    /// ``IRCIdentityBook``).
    public var identity: String
    /// The sender's nick when the message was sent.
    public var nick: String
    /// The channel it was said in, or nil for a direct message.
    public var channel: String?
    /// The text, formatting codes removed.
    public var text: String
    /// The services account the sender is logged in to, when the server says so.
    public var account: String?
    /// The length of the line as the server relayed it, without tags and CR LF (0 when not
    /// known): a client that cuts a long text fills each line close to 510 bytes.
    public var relayedBytes: Int

    /// Makes a message.
    public init(identity: String, nick: String, channel: String? = nil, text: String, account: String? = nil,
                relayedBytes: Int = 0) {
        self.identity = identity
        self.nick = nick
        self.channel = channel
        self.text = text
        self.account = account
        self.relayedBytes = relayedBytes
    }
}
