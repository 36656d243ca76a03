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
    /// The keys of the conversations stored before this runtime started and not yet read.
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

    /// Starts a bot on a database.
    ///
    /// - Parameters:
    ///   - now: the clock; tests pass a fixed or stepping one.
    public init(bot: BotFile, database: AduanDatabase, now: @escaping @Sendable () -> Date = { Date() },
                logger: Logger = Logger(label: "aduan.runtime")) throws {
        self.database = database
        self.now = now
        self.logger = logger
        self.registry = try DialogRegistry(bot: bot, database: database, now: now())
        self.sequence = Locked(try database.maxSequence(botID: bot.id))
        self.stored = Locked(try database.conversationKeys(botID: bot.id))
        self.watch = Locked(FileWatch(paths: bot.watchedPaths))
    }

    /// The bot as loaded now.
    public var bot: BotFile { registry.bot }

    /// The key of a citizen's conversation: bot, transport and the sender's identity.
    public func conversationKey(for message: InboundMessage) -> String {
        "\(registry.snapshot.bot.id)|\(message.transport):\(message.sender)"
    }

    /// Handles one message and returns what to send. A direct message is a step of the sender's
    /// conversation, committed durably before this returns. Channel messages are not for the
    /// dialog and get no answer.
    public func handle(_ message: InboundMessage) async throws -> [OutboundMessage] {
        guard message.channel == nil else {
            logger.debug("channel message ignored", metadata: ["channel": "\(message.channel ?? "")"])
            return []
        }
        let key = conversationKey(for: message)
        return try await serializer.run(key) {
            try await self.step(message, key: key)
        }
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
        let context = StepContext(now: time) { [sequence] in
            let next = sequence.withLock { value -> Int in
                value += 1
                return value
            }
            return TrackingNumber(prefix: snapshot.bot.configuration.trackingPrefix, sequence: next)
        }
        let result = runner.engine.handle(message.text, state: state, context: context)
        var outbound: [OutboundMessage] = []
        var newCase: NewCase?
        var announcements: [OutboundMessage] = []
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
                    confidential: filing.confidential, createdAt: filing.filedAt, dueAt: filing.dueAt)
                let text = StaffAnnouncement.newCase(filing, bot: snapshot.bot)
                for channel in StaffAnnouncement.channels(for: filing, bot: snapshot.bot) {
                    announcements.append(OutboundMessage(.channel(channel), text))
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
            _ = try await database.commit(StepWrite(conversation: updated, newCase: newCase, channel: message.transport))
        } catch {
            // Forget what this step assumed; the next message reads the conversation afresh.
            cache.withLock { $0[key] = nil }
            if record != nil { stored.withLock { _ = $0.insert(key) } }
            throw error
        }
        cache.withLock { $0[key] = Cached(record: updated, state: result.state) }
        if let newCase {
            logger.info("case filed", metadata: ["tracking": "\(newCase.tracking)", "opd": "\(newCase.opd)"])
        }
        return outbound + announcements
    }

    /// The citizen's own cases for a status request: one (by tracking number) or all. Another
    /// citizen's number finds nothing.
    private func statusCases(key: String, tracking: String?) throws -> [CaseSummary] {
        var records = try database.cases(conversationKey: key)
        if let tracking {
            let wanted = TrackingNumber.normalized(tracking)
            records = records.filter { TrackingNumber.normalized($0.tracking) == wanted }
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
