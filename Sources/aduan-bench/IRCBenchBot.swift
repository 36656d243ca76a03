import AduanIRC
import AduanRuntime
import AduanStore
import Foundation
import Logging
import ServiceLifecycle

/// The real bot on IRC in this process, as `aduan run` starts it: ``BotRuntime`` on a SQLite
/// file, ``IRCBotService`` in a `ServiceGroup`, the staff channels on IRC — with the bot's
/// flood control off (`--flood-interval-ms 0`: burst 4, interval zero).
struct IRCBenchBot {
    let service: IRCBotService
    let database: AduanDatabase
    let group: ServiceGroup
    let task: Task<Void, any Error>

    static let flood = IRCFloodControl(burst: 4, interval: .zero)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func start(bot: BotFile, databasePath: String, host: String, port: Int, nick: String,
                      logger: Logger) async throws -> IRCBenchBot {
        let database = try AduanDatabase(path: databasePath)
        let runtime = try BotRuntime(bot: bot, database: database, staffTransport: "irc", logger: logger)
        let settings = IRCConnectionConfiguration(
            host: host, port: port, client: IRCClientConfiguration(nick: nick), flood: flood,
            backoff: IRCReconnectBackoff(initial: .milliseconds(200), maximum: .seconds(2)), connectTimeout: .seconds(5))
        let service = IRCBotService(runtime: runtime, configuration: settings, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)], logger: logger))
        let task = Task { try await group.run() }
        let running = IRCBenchBot(service: service, database: database, group: group, task: task)
        let channels = IRCBotService.defaultChannels(for: bot).count
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let registered = await service.connection.isRegistered
            let joined = await service.connection.joinedChannels.count
            if registered && joined == channels { break }
            guard ContinuousClock.now < deadline else {
                await running.stop()
                throw Failure(description: "the bot did not register and join its \(channels) channels on \(host):\(port) within 20 s")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return running
    }

    /// The bot's nick on the server.
    var nick: String {
        get async { await service.connection.nick }
    }

    /// Graceful shutdown (as on SIGTERM): queued replies are sent, then `QUIT`.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
        try? database.close()
    }
}
