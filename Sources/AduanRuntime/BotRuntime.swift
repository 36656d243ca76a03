import AduanCore
import AduanDialog
import AduanStore
import AduanWilayah
import Foundation
import Logging

/// Runs one bot: turns inbound messages into dialog steps, commits each step to the database
/// before its replies are released, and carries out the engine's effects. Transport-agnostic:
/// terminal, IRC and Matrix adapters all call ``handle(_:)``.
///
/// One citizen's messages are handled strictly in order; different citizens' messages run
/// concurrently and share the database's group commits.
public final class BotRuntime: Sendable {
    /// The database.
    public let database: AduanDatabase
    private let registry: DialogRegistry
    private let serializer = KeyedSerializer()
    private let cache = Locked<[String: Cached]>([:])
    /// The keys of the stored conversations that are not in ``cache``: those stored before this
    /// runtime started and not yet read, and the finished ones put out of memory.
    private let stored: Locked<Set<String>>

    /// A conversation as last committed, with its state already decoded.
    private struct Cached: Sendable {
        var record: ConversationRecord
        var state: ConversationState
    }
    private let sequence: Locked<Int>
    private let watch: Locked<FileWatch>
    private let now: @Sendable () -> Date
    private let logger: Logger
    /// The transport that carries the staff channels.
    public let staffTransport: String
    /// The conversations with a case waiting for the citizen's answer.
    private let prompted: Locked<Set<String>>
    private let bell = OutboxBell()
    /// When conversations past the retention period were last looked for.
    private let lastForget = Locked<Date?>(nil)
    /// How often conversations past the retention period are looked for (a scan of the table).
    static let forgetInterval: TimeInterval = 3600

    /// Starts a bot on a database.
    ///
    /// - Parameters:
    ///   - now: the clock; tests pass a fixed or stepping one.
    ///   - staffTransport: the transport that carries the staff channels (`terminal`, `irc`,
    ///     `matrix`); channel messages in the outbox wait for it.
    public init(bot: BotFile, database: AduanDatabase, now: @escaping @Sendable () -> Date = { Date() },
                staffTransport: String = "terminal", logger: Logger = Logger(label: "aduan.runtime")) throws {
        self.database = database
        self.now = now
        self.logger = logger
        self.staffTransport = staffTransport
        self.prompted = Locked(try database.conversationKeysWithPrompt(botID: bot.id))
        self.registry = try DialogRegistry(bot: bot, database: database, now: now())
        self.sequence = Locked(try database.maxSequence(botID: bot.id))
        self.stored = Locked(try database.conversationKeys(botID: bot.id))
        self.watch = Locked(FileWatch(paths: bot.watchedPaths))
    }

    /// The bot as loaded now.
    public var bot: BotFile { registry.bot }

    /// The conversations held in memory: the intakes under way.
    var cachedConversationCount: Int { cache.withLock { $0.count } }

    /// The key of a citizen's conversation: bot, transport and the sender's identity.
    public func conversationKey(for message: InboundMessage) -> String {
        "\(registry.snapshot.bot.id)|\(message.transport):\(message.sender)"
    }

    /// Handles one message and returns the answers to send now. A direct message is a step of
    /// the sender's conversation (or the answer to what one of their cases asked them),
    /// committed durably before this returns. A message in a staff channel may be a staff
    /// command; other channel messages get no answer. What the message causes elsewhere (status
    /// updates, announcements) waits in the outbox: see ``pendingOutbox(transport:)``.
    public func handle(_ message: InboundMessage) async throws -> [OutboundMessage] {
        if let channel = message.channel {
            // Staff commands run one at a time: two commands on one case must not both read it
            // before either writes (the second would be refused as stale).
            return try await serializer.run(Self.staffDeskKey) { try self.staffCommand(message, channel: channel) }
        }
        let key = conversationKey(for: message)
        return try await serializer.run(key) {
            if self.prompted.withLock({ $0.contains(key) }), let reply = try self.followUp(message, key: key) {
                return [OutboundMessage(.user(message.sender), reply)]
            }
            do {
                return try await self.step(message, key: key)
            } catch StoreError.staleConversation {
                // The stored conversation changed under this step (forgotten after the retention
                // period, say): once more, from what is stored now.
                return try await self.step(message, key: key)
            }
        }
    }

    /// The serializer key of staff commands (no conversation key looks like it: those have a `|`).
    private static let staffDeskKey = "staff desk"

    /// The desk for work done now.
    private func desk() -> DeskContext {
        DeskContext(bot: registry.bot, database: database, now: now(), staffTransport: staffTransport)
    }

    private func staffCommand(_ message: InboundMessage, channel: String) throws -> [OutboundMessage] {
        let context = desk()
        guard context.staffChannels.contains(channel.lowercased()) else { return [] }
        let directory = StaffDirectory(context.configuration)
        var outcome: StaffDesk.Outcome?
        var attempts = 0
        while true {
            do {
                outcome = try StaffDesk(context: attempts == 0 ? context : desk(), directory: directory)
                    .handle(message, channel: channel)
                break
            } catch StoreError.staleCase where attempts < 3 {
                // Someone (the citizen, the clock) changed the case meanwhile: read it again.
                attempts += 1
            }
        }
        guard let outcome else { return [] }
        if let key = outcome.prompted { prompted.withLock { _ = $0.insert(key) } }
        bell.ring()
        if outcome.replies.contains(where: { $0.hasPrefix("✔") }) {
            logger.info("staff command", metadata: ["account": "\(message.account ?? "-")", "channel": "\(channel)"])
        }
        return outcome.replies.map { OutboundMessage(.channel(channel), $0) }
    }

    /// The citizen's answer to what a case asked them, or nil when nothing waits for one (or
    /// the message is a command, which the dialog answers).
    private func followUp(_ message: InboundMessage, key: String) throws -> String? {
        guard let record = try awaitingAnswer(key: key, text: message.text) else {
            prompted.withLock { _ = $0.remove(key) }
            return nil
        }
        if registry.snapshot.current.engine.isCommand(message.text) { return nil }
        // "Is it fixed?" and the rating wait while the citizen is in the middle of filing another
        // complaint; a staff member's question does not.
        if record.prompt != CaseRecord.Prompt.info.rawValue, try isFiling(key: key) { return nil }
        var reply: String
        do {
            reply = try CitizenFollowUp(context: desk()).answer(message.text, to: record, channel: message.transport)
        } catch StoreError.staleCase {
            guard let fresh = try awaitingAnswer(key: key, text: message.text) else { return nil }
            reply = try CitizenFollowUp(context: desk()).answer(message.text, to: fresh, channel: message.transport)
        }
        if try database.caseAwaitingAnswer(conversationKey: key) == nil {
            prompted.withLock { _ = $0.remove(key) }
        }
        bell.ring()
        return reply
    }

    /// Whether the citizen is in the middle of an intake (a question of the dialog waits).
    private func isFiling(key: String) throws -> Bool {
        if let cached = cache.withLock({ $0[key] }) { return cached.state.isActive }
        guard let record = try database.conversation(key: key) else { return false }
        return record.revision != nil
    }

    /// Which of the citizen's cases a message answers: the one whose tracking number it names,
    /// else the one asked longest ago (citizens answer in the order they were asked).
    private func awaitingAnswer(key: String, text: String) throws -> CaseRecord? {
        let waiting = try database.casesAwaitingAnswer(conversationKey: key)
        guard waiting.count > 1 else { return waiting.first }
        let compact = TrackingNumber.normalized(text)
        return waiting.first { compact.contains(TrackingNumber.normalized($0.tracking)) } ?? waiting.first
    }

    // MARK: - The outbox and the clock

    /// Messages waiting for `transport`, the oldest first, to deliver and then mark with
    /// ``markDelivered(_:)``.
    public func pendingOutbox(transport: String, limit: Int = 100) throws -> [(id: Int64, message: OutboundMessage)] {
        try database.pendingOutbox(botID: registry.bot.id, transport: transport, limit: limit).compactMap { row in
            guard let id = row.id else { return nil }
            return (id, row.outbound)
        }
    }

    /// Whether `account` (`irc-account:budi`, `terminal:sari` …) is someone the bot file lets
    /// act: staff, a head or a coordinator.
    public func isOfficer(_ account: String) -> Bool {
        StaffDirectory(registry.bot.configuration).role(of: account) != nil
    }

    /// Keeps messages a transport could not send (its connection dropped) in the outbox, to be
    /// delivered like any other outbox message, also after a restart.
    public func keepForLater(_ messages: [OutboundMessage], transport: String) throws {
        let now = now()
        try database.enqueueOutbox(messages.map {
            OutboxMessage($0, botID: registry.bot.id, transport: transport, createdAt: now)
        })
        bell.ring()
    }

    /// Wakes whoever waits in ``outboxChanged(timeout:)`` (a transport that has news for its
    /// deliverer, such as a citizen back on the network).
    public func wakeOutbox() {
        bell.ring()
    }

    /// Marks outbox messages as delivered: they are never sent again.
    public func markDelivered(_ ids: [Int64]) throws {
        try database.markSent(ids, at: now())
    }

    /// Waits until something may have been added to the outbox (or `timeout` passes).
    public func outboxChanged(timeout: Duration) async {
        await bell.wait(timeout: timeout)
    }

    /// Fires the reminders and escalations that are due, and removes personal data past its
    /// retention period. Transports call it every few seconds; returns how many alarms fired.
    @discardableResult
    public func runClock() throws -> Int {
        let fired = try CaseClockRunner(context: desk()).fireDueAlarms()
        if fired > 0 {
            logger.info("alarms fired", metadata: ["count": "\(fired)"])
            bell.ring()
        }
        try forgetOldConversations()
        return fired
    }

    /// With a retention period, at most once an hour: deletes the conversations untouched for
    /// that long whose cases have all been redacted (the citizen's identity is their key), and
    /// forgets them here too.
    private func forgetOldConversations() throws {
        guard let days = registry.bot.configuration.retentionDays else { return }
        let time = now()
        let due = lastForget.withLock { last -> Bool in
            if let last, time.timeIntervalSince(last) < Self.forgetInterval { return false }
            last = time
            return true
        }
        guard due else { return }
        let keys = try database.forgetConversations(botID: registry.bot.id,
                                                    untouchedSince: time.addingTimeInterval(-Double(days) * 86_400))
        guard !keys.isEmpty else { return }
        cache.withLock { cache in for key in keys { cache[key] = nil } }
        stored.withLock { stored in for key in keys { stored.remove(key) } }
        prompted.withLock { prompted in for key in keys { prompted.remove(key) } }
        logger.info("conversations past the retention period forgotten", metadata: ["count": "\(keys.count)"])
    }

    private func step(_ message: InboundMessage, key: String) async throws -> [OutboundMessage] {
        let time = now()
        let cached = cache.withLock { $0[key] }
        // Every write goes through this runtime, so a conversation that is neither cached nor
        // stored before the start does not exist: a new citizen costs no read.
        let wasStored = cached == nil && stored.withLock { $0.remove(key) != nil }
        let record = try cached?.record ?? (wasStored ? database.conversation(key: key) : nil)
        var state = cached?.state ?? ConversationState.idle
        if cached == nil, let record, !record.state.isEmpty {
            do {
                state = try JSONDecoder().decode(ConversationState.self, from: Data(record.state.utf8))
            } catch {
                logger.error("unreadable conversation state; starting afresh", metadata: ["key": "\(key)", "error": "\(error)"])
            }
        }
        let snapshot = registry.snapshot
        var runner = snapshot.current
        if let pinned = record?.revision, pinned != runner.revision {
            if let old = try registry.engine(forRevision: pinned) {
                runner = old
            } else {
                logger.error("dialog revision missing from the database; restarting the conversation",
                             metadata: ["key": "\(key)", "revision": "\(pinned)"])
                let language = state.language
                state = .idle
                state.language = language
            }
        }
        var context = StepContext(now: time) { [sequence] in
            let next = sequence.withLock { value -> Int in
                value += 1
                return value
            }
            return TrackingNumber(prefix: snapshot.bot.configuration.trackingPrefix, sequence: next)
        } responseDeadline: { [bot = snapshot.bot] start, hours, _ in
            bot.responseDeadline(from: start, hours: hours)
        }
        context.countsWorkingHours = snapshot.bot.countsWorkingHours
        let result = runner.engine.handle(message.text, state: state, context: context)
        let desk = DeskContext(bot: snapshot.bot, database: database, now: time, staffTransport: staffTransport)
        var outbound: [OutboundMessage] = []
        var newCase: NewCase?
        var announcements: [OutboxMessage] = []
        let language = result.state.language ?? runner.engine.dialog.defaultLanguage
        for effect in result.effects {
            switch effect {
            case .reply(let text):
                outbound.append(OutboundMessage(.user(message.sender), text))
            case .fileCase(let filing):
                newCase = NewCase(
                    tracking: filing.tracking.code, botID: snapshot.bot.id, sequence: filing.tracking.sequence,
                    conversationKey: key, status: CaseStatus.received.rawValue, category: filing.category,
                    opd: filing.opd, kecamatan: filing.place.kecamatan, desa: filing.place.desa,
                    details: filing.details, contact: filing.contact, language: filing.language,
                    confidential: filing.confidential, createdAt: filing.filedAt, dueAt: filing.dueAt,
                    anonymous: filing.anonymous, alarmAt: desk.nextAlarm(due: filing.dueAt, stage: 0))
                let text = StaffAnnouncement.newCase(filing, bot: snapshot.bot)
                for channel in StaffAnnouncement.channels(for: filing.opd, bot: snapshot.bot) {
                    announcements.append(desk.toChannel(channel, text, caseID: nil))
                }
            case .showStatus(let tracking):
                let cases = try statusCases(key: key, tracking: tracking)
                outbound.append(OutboundMessage(.user(message.sender),
                                                runner.engine.statusReply(cases: cases, query: tracking, language: language)))
            case .scriptError(let problem):
                logger.error("dialog script error", metadata: ["key": "\(key)", "problem": "\(problem)"])
            }
        }
        let encoded = result.state.json()
        let updated = ConversationRecord(
            key: key, botID: snapshot.bot.id, revision: result.state.isActive ? runner.revision : nil, state: encoded,
            step: (record?.step ?? 0) + 1, updatedAt: time)
        do {
            _ = try await database.commit(StepWrite(conversation: updated, newCase: newCase, channel: message.transport,
                                                    outbox: announcements))
        } catch {
            // Forget what this step assumed; the next message reads the conversation afresh.
            cache.withLock { $0[key] = nil }
            if record != nil { stored.withLock { _ = $0.insert(key) } }
            throw error
        }
        if result.state.isActive {
            cache.withLock { $0[key] = Cached(record: updated, state: result.state) }
        } else {
            // Only intakes under way stay in memory; a finished one is read again when the
            // citizen comes back (the cache would otherwise grow with every citizen ever seen).
            cache.withLock { $0[key] = nil }
            stored.withLock { _ = $0.insert(key) }
        }
        if let newCase {
            logger.info("case filed", metadata: ["tracking": "\(newCase.tracking)", "opd": "\(newCase.opd)"])
            bell.ring()
        }
        return outbound
    }

    /// The citizen's own cases for a status request: one (by tracking number) or all. Another
    /// citizen's number finds nothing, except the original of one of the citizen's duplicates
    /// (they were told to follow it with `status ORIGINAL`); its summary holds nothing personal.
    private func statusCases(key: String, tracking: String?) throws -> [CaseSummary] {
        var records = try database.cases(conversationKey: key)
        if let tracking {
            let wanted = TrackingNumber.normalized(tracking)
            let own = records.filter { TrackingNumber.normalized($0.tracking) == wanted }
            if own.isEmpty, let original = try database.case(tracking: wanted), original.botID == registry.bot.id,
               let id = original.id, records.contains(where: { $0.duplicateOf == id }) {
                records = [original]
            } else {
                records = own
            }
        }
        return records.prefix(10).map { r in
            CaseSummary(tracking: r.tracking, status: CaseStatus(rawValue: r.status) ?? .received, category: r.category,
                        opd: r.opd, place: Place(kecamatan: r.kecamatan, desa: r.desa),
                        filedAt: r.createdAt, updatedAt: r.updatedAt)
        }
    }

    // MARK: - Reloading

    /// The outcome of a reload.
    public enum ReloadOutcome: Sendable {
        /// The edited files are in force; new conversations use this dialog revision.
        case reloaded(revision: String)
        /// The edited files have errors; the bot keeps running the previous version.
        case failed(DiagnosticList)
    }

    /// Loads the bot's files again. On errors the running version stays in force.
    @discardableResult
    public func reload() -> ReloadOutcome {
        let path = registry.bot.path
        do {
            let bot = try BotFile.load(path: path)
            try registry.replace(with: bot, now: now())
            watch.withLock { $0 = FileWatch(paths: bot.watchedPaths) }
            logger.info("reloaded", metadata: ["bot": "\(bot.id)", "revision": "\(bot.dialog.revision)"])
            return .reloaded(revision: bot.dialog.revision)
        } catch let list as DiagnosticList {
            watch.withLock { $0.acceptCurrent() }
            logger.error("reload failed; keeping the running version\n\(list)")
            return .failed(list)
        } catch {
            watch.withLock { $0.acceptCurrent() }
            let list = DiagnosticList([Diagnostic(file: path, message: "\(error)")])
            logger.error("reload failed; keeping the running version\n\(list)")
            return .failed(list)
        }
    }

    /// Reloads if the bot file, its dialog or its wilayah list changed on disk since the last
    /// look (looking at most once a second). Nil when nothing changed.
    public func reloadIfChanged() -> ReloadOutcome? {
        let changed = watch.withLock { $0.poll(now: Date()) }
        return changed ? reload() : nil
    }
}
