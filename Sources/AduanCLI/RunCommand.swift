import AduanIRC
import AduanRuntime
import AduanStore
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle

/// `aduan run`: the bot on an IRC network, until SIGTERM or SIGINT.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the bot on IRC / jalankan bot di IRC.",
        discussion: """
            Connects to an IRC server, joins the staff channels and answers citizens' private messages with the bot's dialog. Without --channel the bot joins its coordinator channel and every agency's channel from the bot file. It reconnects by itself when the connection drops, and stops cleanly (QUIT) on SIGTERM or Ctrl-C.

            Passwords may also come from the environment (ADUAN_IRC_PASSWORD, ADUAN_SASL_PASSWORD), which keeps them out of the process list.

            Example: aduan run --bot Bots/bangli.json --irc-host 127.0.0.1 --nick aduan
            """)

    @Option(name: .long, help: "The bot configuration file.")
    var bot: String = "Bots/bangli.json"

    @Option(name: .long, help: "The SQLite database file (created if missing).")
    var db: String = "aduan.sqlite"

    @Option(name: .customLong("irc-host"), help: "The IRC server's host name or address.")
    var ircHost: String = "127.0.0.1"

    @Option(name: .customLong("irc-port"), help: "The IRC server's port (default 6667, or 6697 with --irc-tls).")
    var ircPort: Int?

    @Flag(name: .customLong("irc-tls"), help: "Connect with TLS; the server's certificate is verified.")
    var ircTLS = false

    @Option(name: .customLong("irc-tls-ca"), help: ArgumentHelp(
        "A PEM file of certificate authorities to trust instead of the system's (a network with its own CA).",
        valueName: "file"))
    var ircTLSCA: String?

    @Option(name: .customLong("irc-tls-name"), help: ArgumentHelp(
        "The name the server's certificate must carry, when it is not --irc-host.", valueName: "name"))
    var ircTLSName: String?

    var port: Int { ircPort ?? (ircTLS ? 6697 : 6667) }

    @Option(name: .customLong("irc-password"), help: "The server password (PASS), if the server needs one.")
    var ircPassword: String?

    @Option(name: .long, help: "The bot's nick.")
    var nick: String = "aduan"

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("A channel to join, as '#name' or '#name key'; repeat for more (default: the bot file's channels).",
                               valueName: "channel"))
    var channel: [String] = []

    @Option(name: .customLong("sasl-account"), help: "Log in to this services account with SASL PLAIN.")
    var saslAccount: String?

    @Option(name: .customLong("sasl-password"), help: "The SASL password.")
    var saslPassword: String?

    @Option(name: .customLong("flood-burst"), help: "Lines the bot may send back to back.")
    var floodBurst: Int = 4

    @Option(name: .customLong("flood-interval-ms"), help: "Milliseconds per line after the burst (0: no limit, no window).")
    var floodIntervalMs: Int = 700

    @Option(name: .customLong("flood-window-bytes"), help: ArgumentHelp(
        "Bytes the server may hold unprocessed before the bot waits for it (PING/PONG).",
        discussion: "Keep it well under the server's receive queue (InspIRCd: 8192 by default)."))
    var floodWindowBytes: Int = 2560

    @Option(name: .customLong("reconnect-max-seconds"), help: "The longest wait between reconnection attempts.")
    var reconnectMaxSeconds: Int = 60

    @Flag(name: .long, help: "Log every IRC line (passwords hidden) to standard error.")
    var trace = false

    @Flag(name: .long, help: "Log more of what the bot does.")
    var verbose = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--irc-port must be between 1 and 65535") }
        if !ircTLS && (ircTLSCA != nil || ircTLSName != nil) {
            throw ValidationError("--irc-tls-ca and --irc-tls-name need --irc-tls")
        }
        if let ircTLSCA, !FileManager.default.isReadableFile(atPath: ircTLSCA) {
            throw ValidationError("--irc-tls-ca: cannot read \(ircTLSCA)")
        }
        guard !nick.isEmpty, !nick.contains(where: { $0 == " " || $0 == "," || $0 == ":" || $0.isNewline }),
              let first = nick.unicodeScalars.first, !("0"..."9").contains(first), first != "#", first != "-" else {
            throw ValidationError("--nick \"\(nick)\" is not a valid IRC nick")
        }
        for text in channel where IRCChannelJoin(parsing: text) == nil {
            throw ValidationError("--channel \"\(text)\" is not a channel: write '#name' or '#name key'")
        }
        let password = saslPassword ?? environment["ADUAN_SASL_PASSWORD"]
        if saslAccount != nil && password == nil {
            throw ValidationError("--sasl-account needs --sasl-password (or ADUAN_SASL_PASSWORD)")
        }
        if saslAccount == nil && saslPassword != nil {
            throw ValidationError("--sasl-password needs --sasl-account")
        }
        guard floodBurst >= 1 else { throw ValidationError("--flood-burst must be at least 1") }
        guard floodIntervalMs >= 0 else { throw ValidationError("--flood-interval-ms must be 0 or more") }
        guard floodWindowBytes >= 1024 else { throw ValidationError("--flood-window-bytes must be at least 1024 (two full lines)") }
        guard reconnectMaxSeconds >= 1 else { throw ValidationError("--reconnect-max-seconds must be at least 1") }
    }

    func run() async throws {
        BotLauncher.bootstrapLogging(trace ? .trace : verbose ? .debug : .info)
        let logger = Logger(label: "aduan")
        let runtime = try BotLauncher.start(bot: bot, db: db, staffTransport: "irc")
        let database = runtime.database
        let sasl = saslAccount.map {
            IRCClientConfiguration.SASL(account: $0, password: saslPassword ?? environment["ADUAN_SASL_PASSWORD"] ?? "")
        }
        let client = IRCClientConfiguration(
            nick: nick, password: ircPassword ?? environment["ADUAN_IRC_PASSWORD"], sasl: sasl,
            channels: channel.compactMap(IRCChannelJoin.init(parsing:)))
        let settings = IRCConnectionConfiguration(
            host: ircHost, port: port, client: client,
            flood: IRCFloodControl(burst: floodBurst, interval: .milliseconds(floodIntervalMs)),
            backoff: IRCReconnectBackoff(maximum: .seconds(reconnectMaxSeconds)),
            tls: ircTLS ? IRCTLSSettings(trustedCertificates: ircTLSCA, serverName: ircTLSName) : nil,
            serverWindow: floodWindowBytes)
        let service = IRCBotService(runtime: runtime, configuration: settings, logger: Logger(label: "aduan.irc"))
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        logger.info("starting \(runtime.bot.id) on \(ircHost):\(port)\(ircTLS ? " (TLS)" : "") as \(nick)")
        do {
            try await group.run()
        } catch is CancellationError {
            // Cancelled: a clean stop.
        } catch {
            Console.err("aduan: the IRC bot stopped: \(error)")
            try? database.close()
            throw ExitCode(1)
        }
        do {
            try database.close()
        } catch {
            Console.err("aduan: could not close the database cleanly: \(error)")
            throw ExitCode(1)
        }
        logger.info("stopped")
    }
}
