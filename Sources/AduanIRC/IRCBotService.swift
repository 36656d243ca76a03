import AduanCore
import AduanRuntime
import Logging
import ServiceLifecycle

/// The bot on IRC, as a `Service` of swift-service-lifecycle: owns an ``IRCConnection`` and
/// joins it to a ``BotRuntime``.
///
/// - Every chat message becomes `runtime.handle(_:)` with transport `irc` and the sender's
///   identity (``IRCChatMessage/identity``): direct messages are dialog steps; channel messages
///   are passed with their channel (the runtime ignores them today).
/// - One citizen's messages are handled strictly in order, different citizens' concurrently
///   (one task per citizen with messages waiting).
/// - Staff commands are accepted from accounts only: a message carries an account
///   (``InboundMessage/account``) when the server vouches for one (`account-tag`); a bare nick
///   never passes for staff.
/// - The replies go out through the connection's flood-controlled queue: to the citizen's
///   current nick, or to a staff channel. Replies produced while the connection is down wait in
///   memory and are sent after the reconnect.
/// - Status updates, announcements and escalations come from the runtime's durable outbox:
///   delivered while the bot is registered, one at a time, each marked delivered once its own
///   lines are written (however busy the send queue is with chat), so they survive a server
///   outage and a restart of the bot and are not sent twice (a crash while one is being written
///   sends that one again, and so does a connection that drops in the middle of its write).
///   IRC keeps nothing for a user who is not connected, so a message to a citizen is sent only
///   when the server says (`ISON`) their nick is online, and counts as delivered once a `PING`
///   sent after it is answered without the server refusing the nick (`401`: they left in
///   between); otherwise it waits in the outbox until
///   they write to the bot again or a later look finds them back (after
///   ``presenceRecheckInterval``, then twice as long each time, up to an hour). A message to a
///   services account waits until the account has written to the bot since it started (no nick
///   is known for it before). On graceful shutdown the message being written is finished and
///   marked before `QUIT`.
/// - Every ``clockInterval`` the runtime's clock fires due reminders and escalations.
/// - Every few seconds the bot's files are checked for edits (``BotRuntime/reloadIfChanged()``);
///   when the channels come from the bot file, new staff channels are joined.
/// - On graceful shutdown (SIGTERM, SIGINT) no new messages are taken, the messages being
///   handled finish, their replies are sent (up to ``shutdownFlushTimeout``), then `QUIT`.
public final class IRCBotService: Service, Sendable {
    /// The bot.
    public let runtime: BotRuntime
    /// The connection.
    public let connection: IRCConnection
    /// Whether the channels follow the bot file (coordinator channel and agency channels).
    public let channelsFromBot: Bool
    /// How often the bot's files are checked for edits.
    public let reloadInterval: Duration
    /// How long shutdown waits for queued replies to be sent.
    public let shutdownFlushTimeout: Duration
    /// The `QUIT` message.
    public let quitMessage: String
    /// How long shutdown waits, at least, for the outbox message being written to be written
    /// whole (it is then marked delivered and not sent again after the restart).
    static let inFlightAllowance: Duration = .seconds(15)
    /// How often due reminders and escalations are looked for.
    public let clockInterval: Duration
    /// How long a citizen found offline is not asked about again (their messages wait); twice as
    /// long after each further look that finds them away, up to ``longestPresenceRecheck``.
    public let presenceRecheckInterval: Duration
    static let longestPresenceRecheck: Duration = .seconds(3600)
    /// Citizens found offline: when to look again, and the wait before that look. Messages to
    /// them wait until they are back.
    private let offline = Locked<[String: (next: ContinuousClock.Instant, wait: Duration)]>([:])
    private let logger: Logger
    /// The services accounts that have written to the bot since it started: the connection
    /// knows a nick for them.
    private let seenAccounts = Locked<Set<String>>([])
    /// Citizens with outbox messages held for them (away, or no nick known yet): when they write,
    /// those go out before the answer to their message.
    private let heldFor = Locked<Set<String>>([])

    /// Makes the service. Unless `configuration.client.channels` is set, the bot joins
    /// ``defaultChannels(for:)``.
    public init(runtime: BotRuntime, configuration: IRCConnectionConfiguration,
                reloadInterval: Duration = .seconds(3), shutdownFlushTimeout: Duration = .seconds(5),
                quitMessage: String = "Layanan aduan berhenti sebentar / the complaint desk is stopping",
                clockInterval: Duration = .seconds(15), presenceRecheckInterval: Duration = .seconds(60),
                logger: Logger = Logger(label: "aduan.irc")) {
        var configuration = configuration
        channelsFromBot = configuration.client.channels.isEmpty
        if channelsFromBot {
            configuration.client.channels = Self.defaultChannels(for: runtime.bot)
        }
        self.runtime = runtime
        self.connection = IRCConnection(configuration: configuration, logger: logger)
        self.reloadInterval = reloadInterval
        self.shutdownFlushTimeout = shutdownFlushTimeout
        self.quitMessage = quitMessage
        self.clockInterval = clockInterval
        self.presenceRecheckInterval = presenceRecheckInterval
        self.logger = logger
        if runtime.staffTransport != "irc" {
            // Then announcements and escalations wait in the outbox for that transport: easy
            // to miss when it was meant to be IRC.
            logger.notice("the staff channels are on \(runtime.staffTransport), not IRC: this bot does not post announcements in its IRC channels")
        }
    }

    /// The channels a bot's staff read: its coordinator and leadership channels and every
    /// agency's channel and head channel, each once (compared without case).
    public static func defaultChannels(for bot: BotFile) -> [IRCChannelJoin] {
        var seen: Set<String> = []
        var channels: [IRCChannelJoin] = []
        let configuration = bot.configuration
        let names = [configuration.coordinatorChannel, configuration.leadershipChannel].compactMap { $0 }
            + configuration.agencies.flatMap { [$0.channel, $0.headChannel].compactMap { $0 } }
        for name in names where IRCChannelJoin.isValidName(name) && seen.insert(name.lowercased()).inserted {
            channels.append(IRCChannelJoin(name))
        }
        return channels
    }

    /// Runs until graceful shutdown or cancellation (both a clean end).
    public func run() async throws {
        let connection = self.connection
        await withTaskGroup(of: Void.self) { background in
            background.addTask { await connection.run() }
            background.addTask { await self.watchFiles() }
            background.addTask { await self.runClock() }
            background.addTask { await self.guardStaffChannels() }
            let stopping = await withTaskGroup(of: Void.self) { delivery in
                delivery.addTask { await self.deliverOutbox() }
                await withGracefulShutdownHandler {
                    await self.dispatchMessages()
                } onGracefulShutdown: {
                    Task { await connection.finishMessages() }
                }
                // The outbox first: no new message from it, and the one being written is
                // marked delivered once written, before QUIT (so it is neither lost after QUIT
                // nor sent again after the restart).
                delivery.cancelAll()
                return ContinuousClock.now
            }
            // Every message taken has been handled: send the replies, then leave.
            let left = shutdownFlushTimeout - (ContinuousClock.now - stopping)
            await connection.quit(reason: quitMessage, flushTimeout: max(left, .seconds(1)))
            background.cancelAll()
        }
    }

    /// Keeps the staff channels for officers: case announcements carry descriptions, places and
    /// confidential cases. On a network that vouches for accounts (`account-tag`), whoever joins a
    /// staff channel without the account of someone the bot file lets act is removed at once
    /// (`KICK`; the bot must be a channel operator, which it is in a channel it created). On a
    /// network without accounts nobody can be told apart, so the bot says so once in the log.
    private func guardStaffChannels() async {
        var warned = false
        for await arrival in connection.arrivals {
            guard arrival.accountsKnown else {
                if !warned {
                    let advice = "make them invite-only (+i) or use a network with services"
                    logger.warning("\(arrival.nick) joined \(arrival.channel): this network vouches for no accounts, so the bot cannot keep its staff channels for officers; \(advice)")
                    warned = true
                }
                continue
            }
            if let identity = arrival.identity, runtime.isOfficer(identity) { continue }
            logger.info("removing \(arrival.nick) (\(arrival.account ?? "no account")) from staff channel \(arrival.channel)")
            await connection.kick(arrival.nick, from: arrival.channel, reason: Self.staffOnlyReason)
        }
    }

    /// Why someone is removed from a staff channel.
    static let staffOnlyReason = "Kanal staf: hanya untuk petugas yang masuk (login) dengan akun terdaftar. "
        + "(Staff channel: officers logged in to a listed account only.)"

    /// Takes messages until the stream ends, one worker per sender with messages waiting;
    /// returns when every message taken has been handled.
    private func dispatchMessages() async {
        let inbox = IRCOrderedInbox<IRCChatMessage>()
        await withDiscardingTaskGroup { workers in
            for await message in connection.messages {
                let key = message.identity
                guard inbox.add(message, key: key) else { continue }
                workers.addTask {
                    while var next = inbox.next(key: key) {
                        // A long text the citizen's client cut into pieces is one answer.
                        while IRCLongText.mayContinue(next), let more = await Self.nextPiece(in: inbox, key: key) {
                            next = IRCLongText.joined(next, more)
                        }
                        await self.handle(next)
                    }
                }
            }
        }
    }

    /// The sender's next direct message if it comes within ``IRCLongText/window`` (it continues
    /// the cut text just taken), or nil.
    private static func nextPiece(in inbox: IRCOrderedInbox<IRCChatMessage>, key: String) async -> IRCChatMessage? {
        let deadline = ContinuousClock.now + IRCLongText.window
        while true {
            if let next = inbox.nextIfWaiting(key: key) {
                if next.channel == nil { return next }
                // A channel message is no piece: it stays next in line.
                inbox.putBack(next, key: key)
                return nil
            }
            guard ContinuousClock.now < deadline else { return nil }
            do {
                try await Task.sleep(for: .milliseconds(20))
            } catch {
                return nil
            }
        }
    }

    private func handle(_ message: IRCChatMessage) async {
        let account = message.identity.hasPrefix(IRCIdentityBook.accountPrefix) ? message.identity : nil
        if let account {
            seenAccounts.withLock { _ = $0.insert(account) }
        }
        // Back: what waits for them goes out with the deliverer's next look — before the answer
        // to this message (a held category list after the next question would mislead).
        offline.withLock { _ = $0.removeValue(forKey: message.identity) }
        if heldFor.withLock({ $0.contains(message.identity) }) {
            runtime.wakeOutbox()
            try? await eventuallyTrue(within: .seconds(5)) { !self.heldFor.withLock { $0.contains(message.identity) } }
        }
        let inbound = InboundMessage(transport: "irc", sender: message.identity, channel: message.channel, text: message.text,
                                     account: account)
        do {
            let replies = try await runtime.handle(inbound)
            // Replies that the connection cannot send before it drops come back as stranded.
            if !replies.isEmpty { await connection.send(contentsOf: replies, strandable: true) }
        } catch {
            logger.error("could not handle a message from \(message.nick) (\(message.identity)): \(error)")
        }
    }

    /// An outbox message handed to the connection, by its number in the send queue, and the
    /// connection's refusal mark from before it was sent.
    private struct Flight {
        var id: Int64
        var message: OutboundMessage
        var number: Int
        var mark: Int
    }

    /// How an outbox message handed to the connection ended.
    private enum Landing {
        /// Written (and, to a citizen, not refused): marked delivered.
        case delivered
        /// The connection dropped first: it is written after the reconnect (or, when stopping,
        /// after the restart).
        case interrupted
        /// The server refused the citizen's nick: they left. It stays in the outbox.
        case away
    }

    /// Sends what waits in the outbox for IRC whenever the bot is registered, one message at a
    /// time, and marks each delivered once its lines are written: a stop or crash in between
    /// sends at most that one message again, never loses it.
    ///
    /// A message to a services account (`irc-account:NAME`) is sent only once the bot has seen
    /// that account write since it started: before that the connection knows no nick for it
    /// (after a restart of the bot, say) and would drop the message. It waits in the outbox
    /// until the citizen writes again; the other messages go on meanwhile.
    private func deliverOutbox() async {
        // Handed to the connection, not yet known to be written: never handed over twice,
        // unless its write was lost with the connection.
        var inFlight: Flight?
        // Messages at the head of the outbox waiting for their account's nick.
        var held: Set<Int64> = []
        while !Task.isCancelled {
            await runtime.outboxChanged(timeout: .seconds(2))
            keepStranded(await connection.takeStranded())
            guard await connection.isRegistered else { continue }
            do {
                if var flight = inFlight {
                    // Handed over before the connection dropped: written after the reconnect.
                    let landing = try await land(&flight)
                    inFlight = flight
                    guard landing != .interrupted else { continue }
                    inFlight = nil
                }
                // Room for the held messages and as many again, so they never block the rest.
                let pending = try runtime.pendingOutbox(transport: "irc", limit: held.count + 100)
                var away = await offlineIdentities(pending.map(\.message.destination).filter(isAddressable))
                var stillHeld: Set<Int64> = []
                // Each citizen's last pending message: once it is handed over, nothing of theirs is held.
                var lastFor: [String: Int64] = [:]
                for item in pending {
                    if case .user(let identity) = item.message.destination { lastFor[identity] = item.id }
                }
                heldFor.withLock { $0.formIntersection(lastFor.keys) }
                for item in pending {
                    guard !Task.isCancelled, await connection.isRegistered else { break }
                    guard isAddressable(item.message.destination) else {
                        stillHeld.insert(item.id)
                        if case .user(let identity) = item.message.destination { heldFor.withLock { _ = $0.insert(identity) } }
                        if !held.contains(item.id), case .user(let identity) = item.message.destination {
                            logger.info("holding an outbox message for \(identity) until they write: no nick known yet")
                        }
                        continue
                    }
                    if case .user(let identity) = item.message.destination, away.contains(identity) {
                        stillHeld.insert(item.id)
                        heldFor.withLock { _ = $0.insert(identity) }
                        if !held.contains(item.id) {
                            logger.info("holding an outbox message for \(identity) until they are back: not on the network")
                        }
                        continue
                    }
                    let mark = await connection.refusalMark
                    var flight = Flight(id: item.id, message: item.message,
                                        number: await connection.send(contentsOf: [item.message]), mark: mark)
                    if case .user(let identity) = item.message.destination, lastFor[identity] == item.id {
                        heldFor.withLock { _ = $0.remove(identity) }
                    }
                    inFlight = flight
                    let landing = try await land(&flight)
                    inFlight = flight
                    guard landing != .interrupted else { break }
                    inFlight = nil
                    if landing == .away, case .user(let identity) = item.message.destination {
                        // Their other messages wait too.
                        away.insert(identity)
                        stillHeld.insert(item.id)
                    }
                }
                held = stillHeld
            } catch is CancellationError {
                break
            } catch {
                logger.error("could not deliver the outbox: \(error)")
                try? await Task.sleep(for: .seconds(1))
            }
        }
        keepStranded(await connection.takeStranded())
        // Stopping: the message being written lands as any other — marked once written and, for
        // a citizen, not refused — while the connection goes on writing until QUIT. Not
        // cancelled itself, so it can wait for that.
        if var flight = inFlight {
            // A message of many lines under flood control may need longer than the flush
            // allowance; sending it again after the restart would be worse than a slower stop.
            let deadline = ContinuousClock.now + max(shutdownFlushTimeout, Self.inFlightAllowance)
            await Task {
                do {
                    _ = try await self.land(&flight, until: deadline)
                } catch {
                    self.logger.error("could not mark an outbox message delivered: \(error)")
                }
            }.value
        }
    }

    /// Waits until `condition` holds or `timeout` passes, looking every 20 ms.
    private func eventuallyTrue(within timeout: Duration, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition(), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Replies the connection could not send before it dropped go to the outbox: held until
    /// the citizen is back on the network, and kept across a restart of the bot.
    private func keepStranded(_ messages: [OutboundMessage]) {
        guard !messages.isEmpty else { return }
        do {
            try runtime.keepForLater(messages, transport: "irc")
        } catch {
            logger.error("could not keep \(messages.count) unsent replies in the outbox: \(error)")
        }
    }

    /// Waits until the flight's lines are written and, for a citizen, until the server has
    /// answered a `PING` sent after them without refusing their nick (the citizen may have left
    /// since the presence check); then marks it delivered. A message whose write was lost with the
    /// connection is handed over again — except while stopping (`deadline` given): then it stays
    /// in the outbox, as does one not written by the deadline.
    private func land(_ flight: inout Flight, until deadline: ContinuousClock.Instant? = nil) async throws -> Landing {
        while true {
            switch await connection.chatStatus(flight.number) {
            case .written:
                // While stopping, the answer is awaited no longer than the stop allows.
                let patience = deadline.map { min(.seconds(10), max(.milliseconds(100), $0 - ContinuousClock.now)) } ?? .seconds(10)
                if case .user(let identity) = flight.message.destination,
                   await connection.reached(identity, since: flight.mark, timeout: patience) == false {
                    logger.info("\(identity) left before an outbox message reached them; it waits until they are back")
                    markAway(identity)
                    return .away
                }
                try runtime.markDelivered([flight.id])
                return .delivered
            case .lost:
                guard await connection.isRegistered, deadline == nil else { return .interrupted }
                logger.info("an outbox message was lost with the connection; sending it again")
                flight.mark = await connection.refusalMark
                flight.number = await connection.send(contentsOf: [flight.message])
            case .waiting:
                guard await connection.isRegistered, deadline.map({ ContinuousClock.now < $0 }) ?? true else {
                    return .interrupted
                }
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// The citizens among `destinations` who are not on the network now, asked with `ISON` (one
    /// line for up to 14); one found offline is not asked again before their next look is due
    /// (so that many absent citizens do not fill the send queue with `ISON`s). When the server
    /// does not answer, nobody counts as offline.
    private func offlineIdentities(_ destinations: [OutboundMessage.Destination]) async -> Set<String> {
        let now = ContinuousClock.now
        var away: Set<String> = []
        var toAsk: Set<String> = []
        offline.withLock { offline in
            for case .user(let identity) in destinations {
                if let known = offline[identity], now < known.next {
                    away.insert(identity)
                } else {
                    toAsk.insert(identity)
                }
            }
        }
        guard !toAsk.isEmpty, let presence = await connection.presence(of: toAsk) else { return away }
        for (identity, isOnline) in presence {
            if isOnline {
                offline.withLock { _ = $0.removeValue(forKey: identity) }
            } else {
                markAway(identity, now: now)
                away.insert(identity)
            }
        }
        return away
    }

    /// The citizen is not on the network: look again after ``presenceRecheckInterval``, or twice
    /// as long as last time.
    private func markAway(_ identity: String, now: ContinuousClock.Instant = .now) {
        offline.withLock { offline in
            let wait = offline[identity].map { min($0.wait * 2, Self.longestPresenceRecheck) } ?? presenceRecheckInterval
            offline[identity] = (now + wait, wait)
        }
    }

    /// Whether the connection can address a message now: a channel, a nick identity, or an
    /// account the bot has seen write.
    private func isAddressable(_ destination: OutboundMessage.Destination) -> Bool {
        guard case .user(let identity) = destination, identity.hasPrefix(IRCIdentityBook.accountPrefix) else { return true }
        return seenAccounts.withLock { $0.contains(identity) }
    }

    private func runClock() async {
        while !Task.isCancelled {
            do {
                try runtime.runClock()
            } catch {
                logger.error("the case clock failed: \(error)")
            }
            do {
                try await Task.sleep(for: clockInterval)
            } catch {
                return
            }
        }
    }

    private func watchFiles() async {
        while true {
            do {
                try await Task.sleep(for: reloadInterval)
            } catch {
                return
            }
            guard case .reloaded? = runtime.reloadIfChanged(), channelsFromBot else { continue }
            await connection.updateChannels(Self.defaultChannels(for: runtime.bot))
        }
    }
}
