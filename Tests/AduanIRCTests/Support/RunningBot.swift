import AduanIRC
import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Logging
import ServiceLifecycle
import Testing

/// Logs for the integration tests: silent unless `ADUAN_IRC_TEST_LOG` is set (`debug`, `trace`),
/// then to standard error.
enum TestLog {
    static func logger(_ label: String, recorder: LogRecorder? = nil) -> Logger {
        if let recorder {
            var logger = Logger(label: label, factory: { _ in recorder })
            logger.logLevel = .trace
            return logger
        }
        guard let name = ProcessInfo.processInfo.environment["ADUAN_IRC_TEST_LOG"],
              let level = Logger.Level(rawValue: name) else {
            return Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
        }
        return Logger(label: label, factory: { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        })
    }
}

/// Keeps every log message (at trace level, so every IRC line the connection sends and
/// receives), for tests that check what the bot negotiated.
final class LogRecorder: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { lines.append("\(event.message)") }
    }

    /// Everything logged so far.
    var messages: [String] { lock.withLock { lines } }
}

/// The real Bangli bot on IRC, in this process: a temporary SQLite file, ``IRCBotService`` in a
/// `ServiceGroup`, connected to a test server. The staff channels are on IRC (`staffTransport`
/// `irc`, as `aduan run` sets it), so announcements and status updates in the outbox are the
/// IRC service's to deliver.
struct RunningBot {
    let service: IRCBotService
    let database: AduanDatabase
    let folder: URL
    let group: ServiceGroup
    let task: Task<Void, any Error>
    /// Whether ``stop()`` removes the folder (not when the caller brought it).
    let ownsFolder: Bool

    var connection: IRCConnection { service.connection }
    /// The bot's runtime (the one the IRC service feeds).
    var runtime: BotRuntime { service.runtime }

    /// The flood control the tests use: the default burst, and a little faster than the
    /// default 700 ms (ngircd itself lets about 3 lines a second through).
    static let testFlood = IRCFloodControl(burst: 4, interval: .milliseconds(350))
    /// The reconnect backoff the tests use: quick, 200 ms growing to 500 ms.
    static let testBackoff = IRCReconnectBackoff(initial: .milliseconds(200), maximum: .milliseconds(500))
    /// How long a citizen found offline is not asked about again (60 s when running for real).
    static let testPresenceRecheck: Duration = .seconds(1)
    /// How often the IRC service runs the response clock unless a test says otherwise.
    static let testClockInterval: Duration = .seconds(15)

    /// Starts the bot on 127.0.0.1:`port` and waits until it is registered and in its channels.
    /// `sasl` logs it in to a services account; `folder` reuses a database folder (kept at
    /// ``stop()``, for a restart); `recorder` receives the connection's log at trace level;
    /// `botPath` is the bot file (the shipped Bangli bot by default).
    static func start(port: Int, nick: String = "aduan", botPath: String = Repository.path("Bots/bangli.json"),
                      backoff: IRCReconnectBackoff = testBackoff,
                      flood: IRCFloodControl = testFlood, sasl: IRCClientConfiguration.SASL? = nil,
                      folder existing: URL? = nil, recorder: LogRecorder? = nil,
                      clockInterval: Duration = testClockInterval, tls: IRCTLSSettings? = nil) async throws -> RunningBot {
        let folder = try existing ?? Repository.temporaryFolder("aduan-irc")
        let database = try AduanDatabase(path: folder.appendingPathComponent("aduan.sqlite").path)
        let bot = try BotFile.load(path: botPath)
        let runtime = try BotRuntime(bot: bot, database: database, staffTransport: "irc", logger: TestLog.logger("aduan.runtime"))
        let settings = IRCConnectionConfiguration(host: "127.0.0.1", port: port, client: IRCClientConfiguration(nick: nick, sasl: sasl),
                                                  flood: flood, backoff: backoff, connectTimeout: .seconds(2),
                                                  keepaliveInterval: .seconds(30), seed: 42, tls: tls)
        let service = IRCBotService(runtime: runtime, configuration: settings, shutdownFlushTimeout: .seconds(3),
                                    clockInterval: clockInterval, presenceRecheckInterval: testPresenceRecheck,
                                    logger: TestLog.logger("aduan.irc", recorder: recorder))
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
            logger: TestLog.logger("aduan.services")))
        let task = Task { try await group.run() }
        let running = RunningBot(service: service, database: database, folder: folder, group: group, task: task,
                                 ownsFolder: existing == nil)
        let channels = IRCBotService.defaultChannels(for: bot).count
        do {
            try await running.waitUntil("registered and in \(channels) channels", timeout: .seconds(15)) {
                let registered = await service.connection.isRegistered
                let joined = await service.connection.joinedChannels.count
                return registered && joined == channels
            }
        } catch {
            await running.stop()
            throw error
        }
        return running
    }

    /// Waits until `condition` holds.
    func waitUntil(_ what: String, timeout: Duration, _ condition: @Sendable () async -> Bool) async throws {
        try await eventually("bot: not \(what)", timeout: timeout, condition)
    }

    /// Puts a message for the citizen `identity` (`irc:NICK`) in the outbox, as the desk does
    /// when staff act on their case.
    func queueOutbox(to identity: String, _ text: String) throws {
        let botID = runtime.bot.id
        let update = OutboxMessage(botID: botID, transport: "irc", destination: .user, target: identity, text: text,
                                   createdAt: Date())
        try database.enqueueOutbox([update])
    }

    /// Puts a status update for `identity`, who is not on the network, in the outbox and checks
    /// that it is held there (the deliverer looks at least every 2 s, and the server says the
    /// nick is not on) rather than sent to nobody; returns its text.
    func holdsForAbsent(_ identity: String) async throws -> String {
        let text = "Aduan BGL-GU3-QPN sedang dikerjakan oleh Dinas PUPR."
        try queueOutbox(to: identity, text)
        try await Task.sleep(for: .seconds(4))
        #expect(try runtime.pendingOutbox(transport: "irc").map(\.message.text) == [text], "sent to nobody and marked delivered")
        return text
    }

    /// `citizen` asks for several answers, which fill their line of the send queue (350 ms a
    /// line after the burst); then the desk writes them a status update, which the deliverer —
    /// finding them online (ISON) — hands over behind those answers. Returns its text.
    func queuesBehindOwnAnswers(of citizen: IRCTestClient, asking texts: [String]) async throws -> String {
        for text in texts { try await citizen.send("PRIVMSG aduan :\(text)") }
        try await citizen.waitFor("the first answer") { $0.sourceParts?.nick == "aduan" }
        let update = "Aduan BGL-GU3-QPN selesai ditangani."
        try queueOutbox(to: "irc:\(await citizen.nick)", update)
        try await Task.sleep(for: .seconds(3))
        #expect(await connection.pendingChatCount > 1, "the queue emptied too early for this test")
        return update
    }

    /// A citizen who was away connects again as `nick`, without writing: waits until the message
    /// that waited for them arrives and the outbox is empty; returns their client.
    func comesBack(_ nick: String, port: Int, receives text: String) async throws -> IRCTestClient {
        let client = try await IRCTestClient.connect(port: port, nick: nick)
        try await client.waitFor("the message that waited", timeout: .seconds(15)) {
            $0.sourceParts?.nick == "aduan" && $0.params == [nick, text]
        }
        // Marked once the server answered a PING sent after it: a server with flood control may
        // still be working through the bot's earlier lines.
        try await waitUntilOutboxEmpty("the message marked delivered", timeout: .seconds(15))
        return client
    }

    /// Waits until nothing waits in the outbox for IRC any more; `what` names the wait in a timeout.
    func waitUntilOutboxEmpty(_ what: String, timeout: Duration) async throws {
        try await waitUntil(what, timeout: timeout) { (try? runtime.pendingOutbox(transport: "irc").isEmpty) == true }
    }

    /// Runs `body` with this bot, then stops the bot, also when `body` throws; returns what `body` returns.
    func whileRunning<T>(_ body: (RunningBot) async throws -> T) async throws -> T {
        let result: T
        do {
            result = try await body(self)
        } catch {
            await stop()
            throw error
        }
        await stop()
        return result
    }

    /// Graceful shutdown (as on SIGTERM); cancels if that takes longer than `patience`.
    func stop(patience: Duration = .seconds(10)) async {
        await group.triggerGracefulShutdown()
        let task = self.task
        let finished = await withTaskGroup(of: Bool.self) { racers in
            racers.addTask { _ = await task.result; return true }
            racers.addTask {
                try? await Task.sleep(for: patience)
                return false
            }
            let first = await racers.next() ?? false
            if !first { task.cancel() }
            racers.cancelAll()
            return first
        }
        if !finished { _ = await task.result }
        try? database.close()
        if ownsFolder { try? FileManager.default.removeItem(at: folder) }
    }
}

/// Waits until `condition` holds, looking again every `interval`; throws "`what` within
/// `timeout`" when it still does not.
func eventually(_ what: String, timeout: Duration = .seconds(15), every interval: Duration = .milliseconds(20),
                _ condition: () async -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while !(await condition()) {
        guard ContinuousClock.now < deadline else { throw IRCTestClient.Timeout(description: "\(what) within \(timeout)") }
        try await Task.sleep(for: interval)
    }
}

extension IRCConnection {
    /// Waits until chat message `number` (from ``send(contentsOf:)``) has been written.
    nonisolated func waitUntilWritten(_ number: Int, timeout: Duration = .seconds(15)) async throws {
        try await eventually("chat message \(number) not written", timeout: timeout, every: .milliseconds(5)) {
            await self.chatStatus(number) == .written
        }
    }
}
