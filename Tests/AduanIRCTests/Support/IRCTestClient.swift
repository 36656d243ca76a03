@testable import AduanIRC
import AduanIRCProtocol
import Foundation
import NIOCore
import NIOPosix

/// A tiny scripted IRC client for the integration tests: connects, registers, sends lines
/// (raw bytes too, for injection attempts), answers `PING`, and keeps everything it receives so
/// a test can wait for a message with a timeout.
actor IRCTestClient {
    /// A wait that ran out.
    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var nick: String
    /// Everything received, in order.
    private(set) var received: [IRCMessage] = []
    private var writer: NIOAsyncChannelOutboundWriter<ByteBuffer>?
    private var channel: (any Channel)?
    private var reader: Task<Void, Never>?
    /// Whether the connection has closed.
    private(set) var isClosed = false

    private init(nick: String) {
        self.nick = nick
    }

    /// Connects to 127.0.0.1:`port` and registers as `nick` (waits for `001`).
    static func connect(port: Int, nick: String, timeout: Duration = .seconds(20)) async throws -> IRCTestClient {
        let client = IRCTestClient(nick: nick)
        try await client.open(port: port, timeout: timeout)
        try await client.send("NICK \(nick)")
        try await client.send("USER \(nick) 0 * :scripted test client")
        _ = try await client.waitFor("welcome for \(nick)", timeout: timeout) { $0.verb == "001" }
        return client
    }

    /// The capabilities a logged-in scripted client asks for (the bot's set).
    static let accountCapabilities = ["sasl", "account-tag", "message-tags", "server-time", "echo-message"]

    /// Connects to 127.0.0.1:`port` as `nick` and logs in to services `account` with SASL
    /// PLAIN during registration (`CAP REQ`, `AUTHENTICATE PLAIN`, `903`, `CAP END`); waits for
    /// `001`.
    static func connect(port: Int, nick: String, account: String, password: String,
                        timeout: Duration = .seconds(20)) async throws -> IRCTestClient {
        let client = IRCTestClient(nick: nick)
        try await client.open(port: port, timeout: timeout)
        try await client.send("CAP LS 302")
        try await client.send("NICK \(nick)")
        try await client.send("USER \(nick) 0 * :scripted test client")
        let wanted = accountCapabilities.joined(separator: " ")
        try await client.send("CAP REQ :\(wanted)")
        let ack = try await client.waitFor("CAP ACK", timeout: timeout) {
            $0.verb == "CAP" && $0.params.count >= 3 && ($0.params[1] == "ACK" || $0.params[1] == "NAK")
        }
        guard ack.params[1] == "ACK" else { throw Timeout(description: "\(nick): the server refused \(wanted)") }
        try await client.send("AUTHENTICATE PLAIN")
        try await client.waitFor("AUTHENTICATE +", timeout: timeout) { $0.verb == "AUTHENTICATE" && $0.params.first == "+" }
        let payload = Data((account + "\u{0}" + account + "\u{0}" + password).utf8).base64EncodedString()
        try await client.send("AUTHENTICATE \(payload)")
        let result = try await client.waitFor("SASL result", timeout: timeout) { ["903", "902", "904", "905", "906"].contains($0.verb) }
        guard result.verb == "903" else {
            throw Timeout(description: "\(nick): SASL login to \(account) failed: \(result.description)")
        }
        try await client.send("CAP END")
        _ = try await client.waitFor("welcome for \(nick)", timeout: timeout) { $0.verb == "001" }
        return client
    }

    /// Registers the services account `account` (NickServ `REGISTER`) from a throwaway
    /// connection under that nick, then quits, leaving the nick free.
    static func registerAccount(port: Int, account: String, password: String,
                                email: String? = nil, timeout: Duration = .seconds(20)) async throws {
        let client = try await connect(port: port, nick: account, timeout: timeout)
        try await client.registerAccount(password: password, email: email ?? "\(account)@example.com", timeout: timeout)
        await client.close(quit: "registered")
    }

    /// `PRIVMSG NickServ :REGISTER <password> <email>` for the current nick; waits until
    /// services log this connection in (`900`).
    func registerAccount(password: String, email: String, timeout: Duration = .seconds(20)) async throws {
        let start = mark
        try await send("PRIVMSG NickServ :REGISTER \(password) \(email)")
        try await waitFor("NickServ registration of \(nick)", from: start, timeout: timeout) { $0.verb == "900" }
    }

    private func open(port: Int, timeout: Duration) async throws {
        let asyncChannel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(IRCLineDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        channel = asyncChannel.channel
        reader = Task {
            try? await asyncChannel.executeThenClose { inbound, outbound in
                self.writer = outbound
                for try await line in inbound {
                    await self.receive(line)
                }
            }
            self.isClosed = true
        }
        let deadline = ContinuousClock.now + timeout
        while writer == nil && !isClosed && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(2))
        }
        guard writer != nil else { throw Timeout(description: "could not open a connection to port \(port)") }
    }

    private func receive(_ line: ByteBuffer) async {
        guard let message = try? IRCMessage.parse(line.readableBytesView) else { return }
        received.append(message)
        if message.verb == "PING" {
            try? await send("PONG :\(message.params.last ?? "")")
        }
        if message.verb == "NICK", message.sourceParts?.nick == nick, let new = message.params.first {
            nick = new
        }
    }

    /// Sends one line (CR LF is added).
    func send(_ line: String) async throws {
        try await sendRaw(Array((line + "\r\n").utf8))
    }

    /// Sends bytes exactly as given.
    func sendRaw(_ bytes: [UInt8]) async throws {
        guard let writer else { throw Timeout(description: "not connected") }
        try await writer.write(ByteBuffer(bytes: bytes))
    }

    /// The number of messages received so far: pass it to ``waitFor(_:from:timeout:_:)`` to
    /// wait for something that arrives after now.
    var mark: Int { received.count }

    /// Waits for a message matching `predicate` received at or after index `from`.
    @discardableResult
    func waitFor(_ what: String, from: Int = 0, timeout: Duration = .seconds(15),
                 _ predicate: @Sendable (IRCMessage) -> Bool) async throws -> IRCMessage {
        let deadline = ContinuousClock.now + timeout
        var index = from
        while true {
            while index < received.count {
                if predicate(received[index]) { return received[index] }
                index += 1
            }
            if ContinuousClock.now >= deadline || (isClosed && index >= received.count) {
                let recent = received.suffix(8).map(\.description).joined(separator: "\n  ")
                throw Timeout(description: "\(nick): no \(what) within \(timeout)\(isClosed ? " (connection closed)" : ""); last received:\n  \(recent)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The texts of `PRIVMSG`s from `sender` to `target` received at or after `from`.
    func texts(from sender: String, to target: String? = nil, since from: Int = 0) -> [String] {
        received[min(from, received.count)...].compactMap { message in
            guard message.verb == "PRIVMSG", message.params.count == 2,
                  message.sourceParts?.nick.lowercased() == sender.lowercased() else { return nil }
            if let target, message.params[0].lowercased() != target.lowercased() { return nil }
            return message.params[1]
        }
    }

    /// Sends `text` to `bot` and waits until the bot answers with a line containing `expect`;
    /// returns the bot's lines since the message was sent.
    @discardableResult
    func say(_ text: String, to bot: String, expect: String, timeout: Duration = .seconds(20)) async throws -> [String] {
        let start = mark
        try await send("PRIVMSG \(bot) :\(text)")
        let me = nick
        try await waitFor("reply containing \"\(expect)\" to \"\(text.prefix(40))\"", from: start, timeout: timeout) { message in
            message.verb == "PRIVMSG" && message.sourceParts?.nick.lowercased() == bot.lowercased()
                && message.params.first?.lowercased() == me.lowercased() && message.params.last?.contains(expect) == true
        }
        return texts(from: bot, to: me, since: start)
    }

    /// Joins a channel and waits until the server confirms.
    func join(_ channel: String) async throws {
        let start = mark
        try await send("JOIN \(channel)")
        let me = nick
        try await waitFor("JOIN \(channel)", from: start) {
            $0.verb == "JOIN" && $0.sourceParts?.nick == me && $0.params.first?.lowercased() == channel.lowercased()
        }
    }

    /// Changes this client's nick to `new` and waits until the server confirms it.
    func changeNick(to new: String) async throws {
        let start = mark
        try await send("NICK \(new)")
        try await waitFor("own NICK", from: start) { $0.verb == "NICK" && $0.params.first == new }
    }

    /// Whether `nick` is on the server now (`ISON`).
    func isOnline(_ other: String) async throws -> Bool {
        let start = mark
        try await send("ISON \(other)")
        let reply = try await waitFor("ISON reply", from: start, timeout: .seconds(5)) { $0.verb == "303" }
        return reply.params.last?.split(separator: " ").contains { $0.lowercased() == other.lowercased() } == true
    }

    /// Waits until `nick` is on the server.
    func waitUntilOnline(_ other: String, timeout: Duration = .seconds(15)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await isOnline(other) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Timeout(description: "\(other) did not come online within \(timeout)")
    }

    /// Closes the connection (with `QUIT` when `quit` is given).
    func close(quit: String? = nil) async {
        if let quit, !isClosed { try? await send("QUIT :\(quit)") }
        try? await channel?.close()
        await reader?.value
    }
}
