import AduanIRCProtocol
import Logging

/// What ``IRCClientStateMachine`` asks its connection to do. The state machine does no I/O: the
/// connection carries out each action in order.
public enum IRCClientAction: Sendable, Hashable {
    /// Send this protocol message (registration, `PONG`, `JOIN`, CTCP replies, `QUIT`) ahead of
    /// queued chat text.
    case send(IRCMessage)
    /// Hand this chat message to the bot.
    case deliver(IRCChatMessage)
    /// Registration is complete: the server knows the bot under this nick. Queued chat text may
    /// flow from now on.
    case registered(nick: String)
    /// Call ``IRCClientStateMachine/rejoinDue(channel:)`` after this delay (the bot was kicked).
    case scheduleRejoin(channel: String, after: Duration)
    /// Close the connection (a reconnect follows unless the bot is stopping).
    case disconnect(reason: String)
    /// Write this to the log.
    case log(Logger.Level, String)
    /// The server answered an `ISON`: of the nicks asked about, these are online (as the server
    /// spells them); nil when it does not know the command.
    case online([String]?)
    /// The server answered a `PING` the bot sent, with this token.
    case pong(String)
    /// The server refused a message to this nick: nobody has it (`401`).
    case noSuchNick(String)
    /// Someone joined a channel the bot is in.
    case arrival(IRCChannelArrival)
}

/// Someone who joined a channel the bot is in, with the account the server vouches for.
public struct IRCChannelArrival: Sendable, Hashable {
    /// The channel, as the server spells it.
    public var channel: String
    /// Their nick.
    public var nick: String
    /// Their services account (`account-tag`), nil when they are not logged in or the server
    /// does not say.
    public var account: String?
    /// Whether the server tells accounts at all (`account-tag` negotiated): only then does a
    /// missing account mean "not logged in".
    public var accountsKnown: Bool
    /// Their identity from the account, `irc-account:<name>` folded as the server's casemapping
    /// says (as ``IRCIdentityBook`` makes it); nil without an account.
    public var identity: String?

    /// An arrival.
    public init(channel: String, nick: String, account: String?, accountsKnown: Bool, identity: String?) {
        self.channel = channel
        self.nick = nick
        self.account = account
        self.accountsKnown = accountsKnown
        self.identity = identity
    }
}
