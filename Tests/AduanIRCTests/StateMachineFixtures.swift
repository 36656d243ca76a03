@testable import AduanIRC
import AduanIRCProtocol

/// Helpers for driving ``IRCClientStateMachine`` with raw lines.
extension IRCClientStateMachine {
    /// Feeds raw server lines; returns every action.
    mutating func feed(_ lines: String...) -> [IRCClientAction] {
        lines.flatMap { line -> [IRCClientAction] in
            guard let message = try? IRCMessage.parse(line) else { return [] }
            return received(message)
        }
    }

    /// A state machine already registered as `aduan` on a server with the given ISUPPORT tokens.
    static func registered(_ configuration: IRCClientConfiguration = .init(nick: "aduan", channels: [IRCChannelJoin("#opd-pupr")]),
                           isupport: String = "CASEMAPPING=rfc1459", caps: String? = nil) -> IRCClientStateMachine {
        var machine = IRCClientStateMachine(configuration: configuration)
        _ = machine.connected()
        if let caps {
            _ = machine.feed(":irc.test CAP * LS :\(caps)")
            _ = machine.feed(":irc.test CAP * ACK :\(caps)")
        } else {
            _ = machine.feed(":irc.test 421 * CAP :Unknown command")
        }
        _ = machine.feed(":irc.test 001 \(configuration.nick) :Welcome to the network \(configuration.nick)!~aduan@bot.example",
                         ":irc.test 005 \(configuration.nick) \(isupport) :are supported by this server")
        for channel in configuration.channels {
            _ = machine.feed(":\(configuration.nick)!~aduan@bot.example JOIN \(channel.name)")
        }
        return machine
    }
}

extension Array where Element == IRCClientAction {
    /// The protocol lines the actions send, serialized.
    var sentLines: [String] {
        compactMap { action in
            if case .send(let message) = action { return try? message.serializedString() }
            return nil
        }
    }

    /// The chat messages the actions deliver.
    var delivered: [IRCChatMessage] {
        compactMap { action in
            if case .deliver(let message) = action { return message }
            return nil
        }
    }

    /// Whether one action is a disconnect.
    var disconnects: Bool {
        contains { if case .disconnect = $0 { return true } else { return false } }
    }
}
