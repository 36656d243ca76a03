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
}
