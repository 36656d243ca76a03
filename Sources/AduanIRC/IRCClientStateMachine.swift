import AduanCore
import AduanIRCProtocol
import Logging

/// The IRC client protocol as a pure state machine: events in (connected, a message received, a
/// timer tick, disconnected), ``IRCClientAction``s out. No sockets, no clock, no randomness of
/// its own (the random nick suffix comes from a seeded generator), so every behaviour is
/// unit-tested by feeding it messages.
///
/// What it does:
/// - on connect: `PASS` (if configured), `CAP LS 302`, `NICK`, `USER`;
/// - collects a multi-line `CAP LS`, requests the wanted capabilities the server offers, logs in
///   with SASL `PLAIN` when configured (903 success; 902/904/905/906 failure: logged, and the
///   bot goes on without an account), then `CAP END`; a server without `CAP` (421, or `001`
///   without any `CAP` reply) registers just the same;
/// - nick in use or refused (433/432/436/437) while registering: `nick_`, `nick__`, then the nick
///   with three random digits; once registered under another nick, it asks for its own nick
///   again on each timer tick;
/// - `001`: registered; joins the configured channels (keys included, several per `JOIN`);
/// - `PING` → `PONG`; `005` → ISUPPORT (casemapping, line length); `ERROR` → disconnect;
/// - kicked: rejoins after ``IRCClientConfiguration/rejoinDelay``;
/// - `PRIVMSG` to the bot's nick (casemapping-aware) → a direct chat message; in a joined
///   channel → a channel chat message; CTCP `VERSION`/`PING` → `NOTICE` replies, any other CTCP
///   ignored; `NOTICE`s are never answered;
/// - tracks nick changes, the bot's own included, and senders' identities (``IRCIdentityBook``);
/// - keepalive: a tick with nothing received sends `PING`; a second one disconnects.
public struct IRCClientStateMachine: Sendable {
    /// Where the connection is.
    enum State: Sendable, Hashable {
        /// No connection.
        case disconnected
        /// Connected; `001` not yet received.
        case registering(Registration)
        /// `001` received: chat may flow.
        case registered
    }

    /// Progress of registration on the current connection.
    struct Registration: Sendable, Hashable {
        var capabilities: CapabilityNegotiation = .listing(offered: [:])
        /// How many nicks were refused so far.
        var nickAttempt = 0
        /// Timer ticks spent registering.
        var ticks = 0
    }

    /// Progress of IRCv3 capability negotiation.
    enum CapabilityNegotiation: Sendable, Hashable {
        /// `CAP LS` sent; the capabilities offered so far (name → value).
        case listing(offered: [String: String])
        /// `CAP REQ` sent, waiting for `ACK`/`NAK`.
        case requested
        /// `AUTHENTICATE PLAIN` sent.
        case authenticating
        /// `CAP END` sent, or the server does not do `CAP`.
        case ended
    }

    /// What is known about the current connection; reset on every connect.
    struct Session: Sendable, Hashable {
        var nick: String
        var user: String?
        var host: String?
        var support = IRCISupport()
        var capabilities: Set<String> = []
        /// Folded name → name, for the channels the bot is in.
        var joined: [String: String] = [:]
        var awaitingPong = false
        /// `QUIT` was sent: the server's `ERROR` and the close are expected.
        var quitting = false
    }

    /// The configuration.
    public private(set) var configuration: IRCClientConfiguration
    var state: State = .disconnected
    var session: Session
    /// Senders' identities; kept across reconnects.
    public internal(set) var identities = IRCIdentityBook()
    var random: SplitMix64

    /// The token sent in keepalive `PING`s.
    static let keepaliveToken = "aduan-keepalive"

    /// Makes a state machine; `seed` drives the random nick suffix.
    public init(configuration: IRCClientConfiguration, seed: UInt64 = 0x5EED) {
        self.configuration = configuration
        self.session = Session(nick: configuration.nick)
        self.random = SplitMix64(seed: seed)
    }

    // MARK: - What is known

    /// Whether registration is complete on the current connection.
    public var isRegistered: Bool { state == .registered }

    /// Whether a connection is open (registering or registered).
    public var isConnected: Bool { state != .disconnected }

    /// The bot's nick on the current connection (the nick being tried while registering).
    public var nick: String { session.nick }

    /// The server's ISUPPORT parameters on the current connection.
    public var support: IRCISupport { session.support }

    /// The capabilities enabled on the current connection.
    public var capabilities: Set<String> { session.capabilities }

    /// The channels the bot is in (as the server spelled them).
    public var joinedChannels: [String] { session.joined.values.sorted() }

    /// The bot's `user@host` as the server shows it, once known.
    public var userAndHost: (user: String, host: String)? {
        guard let user = session.user, let host = session.host else { return nil }
        return (user, host)
    }

    /// The splitter for outgoing text: the server's line length, and the bot's real
    /// `nick!user@host` once known (from `001`, its own `JOIN` or an echoed message), else the
    /// conservative source length.
    public var textSplitter: IRCTextSplitter {
        if let (user, host) = userAndHost {
            return IRCTextSplitter(lineLength: session.support.lineLength, nick: session.nick, user: user, host: host)
        }
        return IRCTextSplitter(lineLength: session.support.lineLength)
    }

    // MARK: - Events

    /// The connection is open: start registering.
    public mutating func connected() -> [IRCClientAction] {
        session = Session(nick: configuration.nick)
        state = .registering(Registration())
        var actions: [IRCClientAction] = []
        if let password = configuration.password {
            actions.append(.send(IRCMessage(verb: "PASS", params: [password])))
        }
        actions.append(.send(IRCMessage(verb: "CAP", params: ["LS", "302"])))
        actions.append(.send(IRCMessage(verb: "NICK", params: [configuration.nick])))
        actions.append(.send(IRCMessage(verb: "USER", params: [configuration.userName, "0", "*", configuration.realName])))
        return actions
    }

    /// The connection closed (or failed). Channels, capabilities and the server's parameters
    /// are forgotten; senders' identities are kept.
    public mutating func disconnected() -> [IRCClientAction] {
        state = .disconnected
        session = Session(nick: configuration.nick)
        return []
    }

    /// A timer tick (about once a minute). `receivedSinceLastTick` says whether anything
    /// arrived since the previous tick: if nothing did, a `PING` is sent, and if that goes
    /// unanswered until the next tick the connection is given up.
    public mutating func tick(receivedSinceLastTick: Bool) -> [IRCClientAction] {
        var actions: [IRCClientAction] = []
        switch state {
        case .disconnected:
            return []
        case .registering(var registration):
            registration.ticks += 1
            state = .registering(registration)
            if registration.ticks >= 3 {
                return [.log(.warning, "registration did not complete; reconnecting"),
                        .disconnect(reason: "registration timed out")]
            }
        case .registered:
            if !session.support.caseMapping.equals(session.nick, configuration.nick) {
                actions.append(.send(IRCMessage(verb: "NICK", params: [configuration.nick])))
            }
        }
        if receivedSinceLastTick {
            session.awaitingPong = false
        } else if session.awaitingPong {
            return [.log(.warning, "the server stopped answering; reconnecting"), .disconnect(reason: "ping timeout")]
        } else {
            session.awaitingPong = true
            actions.append(.send(IRCMessage(verb: "PING", params: [Self.keepaliveToken])))
        }
        return actions
    }

    /// The delay after a kick is over: rejoin the channel if still registered and not in it.
    public mutating func rejoinDue(channel: String) -> [IRCClientAction] {
        guard isRegistered, session.joined[fold(channel)] == nil,
              let wanted = configuration.channels.first(where: { fold($0.name) == fold(channel) }) else { return [] }
        return Self.joinMessages(for: [wanted]).map { .send($0) }
    }

    /// The channels to be in changed (the bot file was reloaded): joins the new ones. Channels
    /// no longer configured are left alone.
    public mutating func setChannels(_ channels: [IRCChannelJoin]) -> [IRCClientAction] {
        let known = Set(configuration.channels.map { fold($0.name) })
        configuration.channels = channels
        guard isRegistered else { return [] }
        let new = channels.filter { !known.contains(fold($0.name)) && session.joined[fold($0.name)] == nil }
        return Self.joinMessages(for: new).map { .send($0) }
    }

    /// The bot is stopping: the `QUIT` to send (nothing when not connected).
    public mutating func quit(reason: String) -> [IRCClientAction] {
        guard isConnected else { return [] }
        session.quitting = true
        return [.send(IRCMessage(verb: "QUIT", params: [Self.sanitized(reason)]))]
    }

    /// A message from the server.
    public mutating func received(_ message: IRCMessage) -> [IRCClientAction] {
        guard isConnected else { return [] }
        session.awaitingPong = false
        switch message.verb.uppercased() {
        case "PING":
            return [.send(IRCMessage(verb: "PONG", params: message.params.isEmpty ? [session.nick] : message.params))]
        case "PONG":
            return [.pong(message.params.last ?? "")]
        case "401":
            return message.params.count >= 2 ? [.noSuchNick(message.params[1])] : []
        case "CAP":
            return receivedCapability(message)
        case "AUTHENTICATE":
            return receivedAuthenticate(message)
        case "900":
            return [.log(.info, "logged in to services as \(message.params.dropFirst(2).first ?? "?")")]
        case "903", "907":
            return endCapabilities(log: .log(.info, "SASL login succeeded"))
        case "902", "904", "905", "906":
            return endCapabilities(log: .log(.error, "SASL login failed (\(message.verb) \(message.params.last ?? "")); continuing without an account"))
        case "908":
            return []
        case "001":
            return receivedWelcome(message)
        case "005":
            session.support.apply(message)
            return []
        case "421":
            return receivedUnknownCommand(message)
        case "432", "433", "436", "437":
            return receivedNickRefused(message)
        case "396":
            if message.params.count >= 2 { session.host = message.params[1] }
            return []
        case "JOIN":
            return receivedJoin(message)
        case "354":
            return receivedWhox(message)
        case "MODE":
            return receivedMode(message)
        case "PART":
            return receivedPart(message)
        case "KICK":
            return receivedKick(message)
        case "NICK":
            return receivedNick(message)
        case "QUIT":
            if let nick = message.sourceParts?.nick {
                identities.quit(nick: nick, caseMapping: session.support.caseMapping)
            }
            return []
        case "CHGHOST":
            if isOwn(message.sourceParts?.nick), message.params.count >= 2 {
                session.user = message.params[0]
                session.host = message.params[1]
            }
            return []
        case "PRIVMSG":
            return receivedPrivmsg(message)
        case "303":
            // RPL_ISON: "<me> :nick1 nick2 …", the asked nicks that are online.
            return [.online(message.params.dropFirst().last.map { $0.split(separator: " ").map(String.init) } ?? [])]
        case "ERROR":
            let reason = message.params.last ?? "ERROR"
            return [.log(session.quitting ? .debug : .warning, "server closed the link: \(reason)"),
                    .disconnect(reason: reason)]
        case "482":
            // ERR_CHANOPRIVSNEEDED: e.g. removing an outsider from a staff channel without ops.
            let channel = message.params.dropFirst().first ?? "?"
            return [.log(.warning, "not a channel operator in \(channel), so outsiders cannot be removed from it: "
                         + "give the bot's account the op flag there (\(message.params.last ?? message.verb))")]
        case "471", "473", "474", "475", "403", "405":
            return [.log(.error, "cannot join \(message.params.dropFirst().first ?? "?"): \(message.params.last ?? message.verb)")]
        default:
            return []
        }
    }

    // MARK: - Outgoing chat

    /// `ISON` lines asking which of `nicks` are online: one nick per parameter (servers split
    /// no trailing parameter), at most 14 per line (RFC 1459 allows 15 parameters).
    public static func isonMessages(for nicks: [String]) -> [IRCMessage] {
        let valid = nicks.filter { !$0.isEmpty && !$0.contains(" ") && !$0.hasPrefix(":") }
        return stride(from: 0, to: valid.count, by: 14).map { start in
            IRCMessage(verb: "ISON", params: Array(valid[start..<min(start + 14, valid.count)]))
        }
    }

    /// Folds a nick by the server's casemapping, for comparing.
    public func folded(_ nick: String) -> String {
        fold(nick)
    }

    /// The nick to send to for a sender identity (see ``IRCIdentityBook/nick(for:)``).
    public func nick(forIdentity identity: String) -> String? {
        identities.nick(for: identity)
    }

    /// The `PRIVMSG`s that carry `text` to `target` (a nick or channel), split to fit one line
    /// each as the server relays them. CR, LF and NUL in the text never reach the wire: line
    /// breaks become separate messages. Empty when the target is invalid or nothing is left.
    public func privmsgs(to target: String, text: String) -> [IRCMessage] {
        (try? textSplitter.messages(verb: "PRIVMSG", target: target, text: text)) ?? []
    }

    // MARK: - Helpers

    func fold(_ name: String) -> String {
        session.support.caseMapping.lowercase(name)
    }

    func isOwn(_ nick: String?) -> Bool {
        guard let nick else { return false }
        return session.support.caseMapping.equals(nick, session.nick)
    }

    /// `JOIN` messages for channels, several per line: keyed channels first (keys are matched
    /// by position), each line well under 512 bytes.
    static func joinMessages(for channels: [IRCChannelJoin]) -> [IRCMessage] {
        let ordered = channels.filter { $0.key != nil } + channels.filter { $0.key == nil }
        var messages: [IRCMessage] = []
        var names: [String] = []
        var keys: [String] = []
        var length = 0
        func flush() {
            guard !names.isEmpty else { return }
            messages.append(IRCMessage(verb: "JOIN", params: keys.isEmpty ? [names.joined(separator: ",")]
                                       : [names.joined(separator: ","), keys.joined(separator: ",")]))
            names = []
            keys = []
            length = 0
        }
        for channel in ordered where IRCChannelJoin.isValidName(channel.name) {
            let added = channel.name.utf8.count + 1 + (channel.key.map { $0.utf8.count + 1 } ?? 0)
            if length + added > 400 { flush() }
            // A keyless channel after keyed ones needs no key: keys are positional and shorter.
            names.append(channel.name)
            if let key = channel.key { keys.append(key) }
            length += added
        }
        flush()
        return messages
    }

    /// Text without CR, LF and NUL.
    static func sanitized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != "\u{0}" }))
    }

    mutating func randomDigits(_ count: Int) -> String {
        (0..<count).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
    }
}
