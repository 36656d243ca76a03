import AduanCore
import AduanIRCProtocol
import AduanRuntime
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// A connection to one IRC server that stays up: SwiftNIO underneath, ``IRCClientStateMachine``
/// deciding, this actor carrying out its actions.
///
/// - Lines are framed by ``IRCLineDecoder`` and read with `for try await line in inbound`.
/// - Everything written goes through one send queue with flood control (``IRCFloodControl``):
///   protocol lines first, then the bot's chat messages, each split to fit 512 bytes as the
///   server relays it (``IRCTextSplitter``, with the bot's real `nick!user@host` once known).
/// - When the connection drops it connects again after a backoff (``IRCReconnectBackoff``);
///   chat messages queued meanwhile are sent after the next registration (kept in memory only),
///   except `strandable` ones to people, which are handed back (``takeStranded()``).
/// - Chat waits while the server has more than a window of the bot's bytes unprocessed
///   (``IRCServerWindow``), and recipients take turns (``IRCSendQueue``).
/// - ``quit(reason:flushTimeout:)`` sends what is queued, then `QUIT`, and ends ``run()``.
///
/// Chat messages for the bot arrive on ``messages``.
public actor IRCConnection {
    /// Chat messages for the bot, in the order received. Ends when ``finishMessages()`` is
    /// called or ``run()`` returns.
    public nonisolated let messages: AsyncStream<IRCChatMessage>
    private let messageSink: AsyncStream<IRCChatMessage>.Continuation
    /// Who joins the channels the bot is in. Ends when ``run()`` returns.
    public nonisolated let arrivals: AsyncStream<IRCChannelArrival>
    private let arrivalSink: AsyncStream<IRCChannelArrival>.Continuation
    /// The settings.
    public nonisolated let configuration: IRCConnectionConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger

    private var machine: IRCClientStateMachine
    private var queue: IRCSendQueue
    private var flood: IRCFloodControl
    /// What the server has not processed yet, kept under its receive queue's limit.
    private var window: IRCServerWindow
    private var backoff: IRCReconnectBackoff
    private var random: SplitMix64
    private var channel: (any Channel)?
    private var doorbell: AsyncStream<Void>.Continuation?
    private var registeredAt: ContinuousClock.Instant?
    private var receivedSinceTick = false
    private var stopping = false
    private var timers: [Task<Void, Never>] = []

    /// Which chat messages (see ``send(contentsOf:)``) have been handed to the socket, or were
    /// taken for a write that failed when the connection dropped.
    private var chatLedger = IRCChatLedger()
    /// Messages to people taken out of the queue when the connection dropped (``takeStranded()``).
    private var stranded: [OutboundMessage] = []

    /// Tasks waiting for the answer to an `ISON`, by the number of the `ISON` on this connection.
    private var presenceWaiters: [(number: Int, continuation: CheckedContinuation<[String]?, Never>)] = []
    /// `ISON`s sent and answered on this connection (the server answers them in order).
    private var isonSent = 0
    private var isonAnswered = 0
    /// The server does not know `ISON` (for as long as this connection lasts).
    private var presenceUnknown = false
    /// The nicks the server said nobody has (`401`), folded, in the order received (across
    /// reconnects, so that a mark stays valid).
    private var refusedNicks: [String] = []
    /// Refusals dropped from the front of ``refusedNicks`` (it keeps the last few thousand).
    private var refusedDropped = 0
    /// Tasks waiting for the `PONG` with their token.
    private var pongWaiters: [String: CheckedContinuation<Bool, Never>] = [:]
    private var pingsSent = 0

    /// How many times the connection completed registration (1 after the first, 2 after a
    /// reconnect, …).
    public private(set) var registrationCount = 0

    /// Makes a connection; nothing happens until ``run()``.
    public init(configuration: IRCConnectionConfiguration,
                eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger = Logger(label: "aduan.irc")) {
        self.configuration = configuration
        self.group = eventLoopGroup
        self.logger = logger
        let seed = configuration.seed ?? UInt64.random(in: 0...UInt64.max)
        self.machine = IRCClientStateMachine(configuration: configuration.client, seed: seed)
        self.random = SplitMix64(seed: seed ^ 0xB0FF)
        self.queue = IRCSendQueue(capacity: configuration.maximumQueuedMessages)
        self.flood = configuration.flood
        // Off with the flood control (a server whose limits are lifted for the bot).
        self.window = IRCServerWindow(limit: configuration.flood.isUnlimited ? nil : configuration.serverWindow)
        self.backoff = configuration.backoff
        (messages, messageSink) = AsyncStream.makeStream(of: IRCChatMessage.self)
        (arrivals, arrivalSink) = AsyncStream.makeStream(of: IRCChannelArrival.self, bufferingPolicy: .bufferingNewest(1000))
    }

    /// Removes `nick` from `channel` (`KICK`); the bot must be a channel operator there.
    public func kick(_ nick: String, from channel: String, reason: String) {
        perform([.send(IRCMessage(verb: "KICK", params: [channel, nick, reason]))])
    }

    // MARK: - Public interface

    /// Whether the bot is registered on a live connection.
    public var isRegistered: Bool { machine.isRegistered }

    /// The bot's nick now.
    public var nick: String { machine.nick }

    /// The channels the bot is in.
    public var joinedChannels: [String] { machine.joinedChannels }

    /// The number of chat messages waiting to be sent.
    public var pendingChatCount: Int { queue.chatCount }

    /// Connects, and connects again whenever the connection drops, until ``quit(reason:flushTimeout:)``
    /// or cancellation.
    public func run() async {
        defer {
            messageSink.finish()
            arrivalSink.finish()
        }
        while !stopping && !Task.isCancelled {
            do {
                try await connectAndServe()
                if !stopping { logger.warning("IRC connection closed") }
            } catch {
                if !stopping && !Task.isCancelled {
                    logger.warning("IRC connection to \(configuration.host):\(configuration.port) failed: \(error)")
                }
            }
            let registeredFor = registeredAt.map { ContinuousClock.now - $0 }
            connectionClosed()
            if stopping || Task.isCancelled { break }
            let delay = backoff.nextDelay(registeredFor: registeredFor, using: &random)
            logger.info("reconnecting in \(delay.seconds.formatted2) s")
            do {
                try await Task.sleep(for: delay)
            } catch {
                break
            }
        }
    }

    /// Queues a chat message from the bot. A message to a user goes to the nick their identity
    /// is at when its turn comes. While disconnected, messages wait for the next connection.
    public func send(_ message: OutboundMessage) {
        send(contentsOf: [message])
    }

    /// Queues chat messages from the bot, in order (one call for a reply of several messages).
    /// Returns the number of the last one, for ``chatStatus(_:)``.
    @discardableResult
    public func send(contentsOf messages: [OutboundMessage], strandable: Bool = false) -> Int {
        for message in messages {
            if let dropped = queue.enqueueChat(message, strandable: strandable) {
                logger.error("send queue full (\(queue.capacity) messages); dropped the oldest, to \(dropped.destination)")
            }
        }
        if strandable, !machine.isRegistered { strand() }
        doorbell?.yield()
        return queue.lastChatNumber
    }

    /// The `strandable` messages to people that the connection could not send (it dropped
    /// before, or they came while it was down), handed over once: the person may not be back
    /// when the connection is, and IRC keeps nothing for someone who is away, so the caller
    /// keeps them for later (the bot: in its durable outbox, sent once the person is online).
    public func takeStranded() -> [OutboundMessage] {
        defer { stranded = [] }
        return stranded
    }

    private func strand() {
        let taken = queue.takeStranded()
        guard !taken.isEmpty else { return }
        logger.info("\(taken.count == 1 ? "a message" : "\(taken.count) messages") to people not sent before the connection dropped; kept for when they are back")
        stranded += taken
    }

    /// Where a chat message stands, by the number ``send(contentsOf:)`` returned.
    public enum ChatStatus: Sendable, Equatable {
        /// Still queued, or being written.
        case waiting
        /// Handed to the socket whole (or dropped: it had no nick to go to, or the queue was full).
        case written
        /// Taken for a write that failed when the connection dropped: send it again if it matters.
        case lost
    }

    /// Where chat message `number` stands. Other messages queued before or after it do not
    /// matter: a message is written once its own lines are.
    public func chatStatus(_ number: Int) -> ChatStatus {
        chatLedger.status(number)
    }

    /// Which of the users `identities` are on the server now, asked with `ISON` at the nicks
    /// they are known at: identity → online. An identity without a known nick is left out. Nil
    /// when the bot is not registered or the server did not answer within `timeout`.
    public func presence(of identities: Set<String>, timeout: Duration = .seconds(5)) async -> [String: Bool]? {
        guard machine.isRegistered, !presenceUnknown else { return nil }
        var byNick: [String: String] = [:]  // folded nick → identity
        for identity in identities {
            if let nick = machine.nick(forIdentity: identity) { byNick[machine.folded(nick)] = identity }
        }
        var online: Set<String> = []
        for message in IRCClientStateMachine.isonMessages(for: Array(byNick.keys)) {
            guard let answer = await ask(message, timeout: timeout) else { return nil }
            online.formUnion(answer.map { machine.folded($0) })
        }
        return Dictionary(uniqueKeysWithValues: byNick.map { ($0.value, online.contains($0.key)) })
    }

    private func ask(_ message: IRCMessage, timeout: Duration) async -> [String]? {
        isonSent += 1
        let number = isonSent
        let timer = Self.after(timeout) { [weak self] in await self?.answerPresence(number, with: nil) }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            presenceWaiters.append((number, continuation))
            perform([.send(message)])
        }
    }

    private func answerPresence(_ number: Int, with nicks: [String]?) {
        guard let index = presenceWaiters.firstIndex(where: { $0.number == number }) else { return }
        presenceWaiters.remove(at: index).continuation.resume(returning: nicks)
    }

    /// A mark for ``reached(_:since:timeout:)``: how many refusals (`401`) came so far.
    public var refusalMark: Int { refusedDropped + refusedNicks.count }

    /// Whether what was written to the user `identity` since `mark` reached them: the server is
    /// asked to answer a `PING` (it answers in order, so any refusal of an earlier message to
    /// them has arrived by then), and the answer is no when it refused their nick meanwhile.
    /// Nil when the connection dropped or the server did not answer within `timeout`.
    public func reached(_ identity: String, since mark: Int, timeout: Duration = .seconds(10)) async -> Bool? {
        guard machine.isRegistered, let nick = machine.nick(forIdentity: identity) else { return nil }
        pingsSent += 1
        let token = "aduan-\(pingsSent)"
        let timer = Self.after(timeout) { [weak self] in await self?.answerPing(token, answered: false) }
        defer { timer.cancel() }
        let answered = await withCheckedContinuation { continuation in
            pongWaiters[token] = continuation
            perform([.send(IRCMessage(verb: "PING", params: [token]))])
        }
        guard answered else { return nil }
        let folded = machine.folded(nick)
        return !refusedNicks.dropFirst(max(0, mark - refusedDropped)).contains(folded)
    }

    /// A task that runs `action` after `delay` unless cancelled first (a reply's deadline).
    private static func after(_ delay: Duration, _ action: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        Task {
            do {
                try await Task.sleep(for: delay)
            } catch {
                return
            }
            await action()
        }
    }

    private func answerPing(_ token: String, answered: Bool) {
        pongWaiters.removeValue(forKey: token)?.resume(returning: answered)
    }

    /// Sets the channels to be in (after the bot file was reloaded); new ones are joined.
    public func updateChannels(_ channels: [IRCChannelJoin]) {
        perform(machine.setChannels(channels))
    }

    /// Ends ``messages``: nothing more is delivered to the bot.
    public func finishMessages() {
        messageSink.finish()
    }

    /// Stops: waits up to `flushTimeout` for queued chat messages to go out, sends `QUIT`, waits
    /// briefly for the server to close the connection, and makes ``run()`` return.
    public func quit(reason: String, flushTimeout: Duration = .seconds(5)) async {
        stopping = true
        let deadline = ContinuousClock.now + flushTimeout
        while machine.isRegistered, queue.hasChat, ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: .milliseconds(20))
            } catch {
                break
            }
        }
        if queue.hasChat {
            logger.warning("\(queue.chatCount) chat messages were not sent before quitting")
        }
        guard let channel else { return }
        perform(machine.quit(reason: reason))
        // The server answers QUIT with ERROR and closes; close ourselves if it does not.
        let closed = channel.closeFuture
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await Task.sleep(for: .seconds(2))
                } catch {
                    return
                }
                channel.close(promise: nil)
            }
            group.addTask { try? await closed.get() }
            await group.next()
            group.cancelAll()
        }
    }

    // MARK: - One connection

    private func connectAndServe() async throws {
        let maximumLineLength = configuration.maximumLineLength
        let tlsContext = try configuration.tls?.makeContext()
        let serverName = configuration.tls?.serverName ?? configuration.host
        let asyncChannel = try await ClientBootstrap(group: group)
            .connectTimeout(.nanoseconds(Int64(configuration.connectTimeout.seconds * 1e9)))
            .channelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        // A name for SNI only when it is a name: an address is checked against
                        // the certificate but never sent as SNI.
                        let sni = serverName.contains(where: \.isLetter) && !serverName.contains(":") ? serverName : nil
                        let handler = try NIOSSLClientHandler(context: tlsContext, serverHostname: sni)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(IRCLineDecoder(maximumLineLength: maximumLineLength)))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        channel = asyncChannel.channel
        if stopping {
            try await asyncChannel.executeThenClose { _, _ in }
            return
        }
        try await asyncChannel.executeThenClose { inbound, outbound in
            let (bell, ring) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
            doorbell = ring
            logger.info("connected to \(configuration.host):\(configuration.port)")
            perform(machine.connected())
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await self.writeLoop(outbound, bell: bell) }
                tasks.addTask { try await self.tickLoop() }
                for try await line in inbound {
                    receive(line)
                }
                tasks.cancelAll()
            }
        }
    }

    private func connectionClosed() {
        _ = machine.disconnected()
        queue.connectionClosed()
        strand()
        window.reset()
        for timer in timers { timer.cancel() }
        timers = []
        doorbell?.finish()
        doorbell = nil
        for waiter in presenceWaiters { waiter.continuation.resume(returning: nil) }
        presenceWaiters = []
        isonSent = 0
        isonAnswered = 0
        presenceUnknown = false
        for waiter in pongWaiters.values { waiter.resume(returning: false) }
        pongWaiters = [:]
        channel = nil
        registeredAt = nil
        receivedSinceTick = false
    }

    private func receive(_ line: ByteBuffer) {
        receivedSinceTick = true
        guard line.readableBytes > 0 else { return }
        let message: IRCMessage
        do {
            message = try IRCMessage.parse(line.readableBytesView)
        } catch {
            logger.debug("ignored an unparsable line: \(error)")
            return
        }
        if logger.logLevel <= .trace { logger.trace("<- \(message)") }
        perform(machine.received(message))
    }

    private func perform(_ actions: [IRCClientAction]) {
        for action in actions {
            switch action {
            case .send(let message):
                do {
                    queue.enqueueProtocol(try message.serialize())
                    doorbell?.yield()
                } catch {
                    logger.error("refused to send \(message.verb): \(error)")
                }
            case .deliver(let chat):
                messageSink.yield(chat)
            case .registered:
                registeredAt = .now
                registrationCount += 1
                doorbell?.yield()
            case .scheduleRejoin(let channel, let delay):
                timers.append(Task { [weak self] in
                    do {
                        try await Task.sleep(for: delay)
                    } catch {
                        return
                    }
                    await self?.rejoinDue(channel)
                })
            case .disconnect(let reason):
                logger.log(level: stopping ? .debug : .info, "closing the connection: \(reason)")
                channel?.close(promise: nil)
            case .log(let level, let text):
                logger.log(level: level, "\(text)")
            case .online(let nicks):
                isonAnswered += 1
                if nicks == nil { presenceUnknown = true }
                answerPresence(isonAnswered, with: nicks)
            case .pong(let token):
                if window.answer(token) { doorbell?.yield() }
                answerPing(token, answered: true)
            case .arrival(let arrival):
                arrivalSink.yield(arrival)
            case .noSuchNick(let nick):
                refusedNicks.append(machine.folded(nick))
                if refusedNicks.count > 10_000 {
                    refusedNicks.removeFirst(5_000)
                    refusedDropped += 5_000
                }
            }
        }
    }

    private func rejoinDue(_ channel: String) {
        perform(machine.rejoinDue(channel: channel))
    }

    private func tickLoop() async throws {
        while true {
            try await Task.sleep(for: configuration.keepaliveInterval)
            let received = receivedSinceTick
            receivedSinceTick = false
            perform(machine.tick(receivedSinceLastTick: received))
        }
    }

    // MARK: - Writing

    private enum Write {
        case line(ByteBuffer)
        case wait(Duration)
        case idle
    }

    private func writeLoop(_ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, bell: AsyncStream<Void>) async throws {
        for await _ in bell {
            drain: while true {
                // The lines flood control lets go now leave in one write (at most 64 at a time):
                // one system call and one flush instead of one per line.
                var batch: ByteBuffer?
                var lines = 0
                var stop: Write?
                collect: while lines < Self.linesPerWrite {
                    switch nextWrite() {
                    case .line(var buffer):
                        if batch == nil { batch = buffer } else { batch?.writeBuffer(&buffer) }
                        lines += 1
                    case let other:
                        stop = other
                        break collect
                    }
                }
                // The messages whose last line is in this batch are written once it is.
                let finished = queue.takeFinished()
                if let batch {
                    do {
                        try await outbound.write(batch)
                    } catch {
                        chatLedger.settle(finished, lost: true)
                        throw error
                    }
                }
                chatLedger.settle(finished, lost: false)
                switch stop {
                case .wait(let delay)?:
                    try await Task.sleep(for: delay)
                case .idle?:
                    break drain
                case .line?, nil:
                    continue // a full batch: there may be more
                }
            }
        }
    }

    /// The most lines gathered into one write.
    static let linesPerWrite = 64

    private func nextWrite() -> Write {
        let isChat = !queue.hasProtocolLines
        guard let line = queue.next(chatAllowed: machine.isRegistered, expand: { expand($0) }) else { return .idle }
        // Chat waits for the server's PONG when too much is unprocessed; the PONG rings the bell.
        if isChat, !window.allows(line.count + 2) { return .idle }
        if let delay = flood.take(at: .now) { return .wait(delay) }
        queue.removeNext()
        if let token = window.sent(line.count + 2) {
            perform([.send(IRCMessage(verb: "PING", params: [token]))])
        }
        if logger.logLevel <= .trace { logger.trace("-> \(Self.redacted(line))") }
        var buffer = ByteBuffer()
        buffer.reserveCapacity(line.count + 2)
        buffer.writeBytes(line)
        buffer.writeBytes([13, 10])
        return .line(buffer)
    }

    /// The lines for one chat message: the recipient's current nick, the text split to fit.
    private func expand(_ message: OutboundMessage) -> [[UInt8]] {
        let target: String
        switch message.destination {
        case .channel(let name):
            target = name
        case .user(let identity):
            guard let nick = machine.nick(forIdentity: identity) else {
                logger.error("no nick known for \(identity) any more; a message to them was dropped")
                return []
            }
            target = nick
        }
        let lines = machine.privmsgs(to: target, text: message.text).compactMap { try? $0.serialize() }
        if lines.isEmpty, message.text.contains(where: { !$0.isWhitespace }) {
            logger.error("cannot send to \(target): not a valid target")
        }
        return lines
    }

    /// A line for the trace log, without passwords.
    private static func redacted(_ line: [UInt8]) -> String {
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix("PASS ") { return "PASS ****" }
        if text.hasPrefix("AUTHENTICATE ") && text != "AUTHENTICATE PLAIN" { return "AUTHENTICATE ****" }
        return text
    }
}

extension Double {
    /// Two decimals, for logs.
    var formatted2: String {
        let hundredths = Int((self * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
