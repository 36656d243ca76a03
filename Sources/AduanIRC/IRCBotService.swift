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
/// - The replies go out through the connection's flood-controlled queue: to the citizen's
///   current nick, or to a staff channel. Replies produced while the connection is down wait in
///   memory and are sent after the reconnect. (A durable outbox, so that replies survive a
///   crash of the bot, is a separate piece of work.)
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
    private let logger: Logger

    /// Makes the service. Unless `configuration.client.channels` is set, the bot joins
    /// ``defaultChannels(for:)``.
    public init(runtime: BotRuntime, configuration: IRCConnectionConfiguration,
                reloadInterval: Duration = .seconds(3), shutdownFlushTimeout: Duration = .seconds(5),
                quitMessage: String = "Layanan aduan berhenti sebentar / the complaint desk is stopping",
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
        self.logger = logger
    }

    /// The channels a bot's staff read: its coordinator channel and every agency's channel,
    /// each once (compared without case).
    public static func defaultChannels(for bot: BotFile) -> [IRCChannelJoin] {
        var seen: Set<String> = []
        var channels: [IRCChannelJoin] = []
        let names = [bot.configuration.coordinatorChannel].compactMap { $0 } + bot.configuration.agencies.compactMap(\.channel)
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
            await withGracefulShutdownHandler {
                await self.dispatchMessages()
            } onGracefulShutdown: {
                Task { await connection.finishMessages() }
            }
            // Every message taken has been handled: send the replies, then leave.
            await connection.quit(reason: quitMessage, flushTimeout: shutdownFlushTimeout)
            background.cancelAll()
        }
    }

    /// Takes messages until the stream ends, one worker per sender with messages waiting;
    /// returns when every message taken has been handled.
    private func dispatchMessages() async {
        let inbox = IRCOrderedInbox<IRCChatMessage>()
        await withDiscardingTaskGroup { workers in
            for await message in connection.messages {
                let key = message.identity
                guard inbox.add(message, key: key) else { continue }
                workers.addTask {
                    while let next = inbox.next(key: key) {
                        await self.handle(next)
                    }
                }
            }
        }
    }

    private func handle(_ message: IRCChatMessage) async {
        let inbound = InboundMessage(transport: "irc", sender: message.identity, channel: message.channel, text: message.text)
        do {
            let replies = try await runtime.handle(inbound)
            for reply in replies {
                await connection.send(reply)
            }
        } catch {
            logger.error("could not handle a message from \(message.nick) (\(message.identity)): \(error)")
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
