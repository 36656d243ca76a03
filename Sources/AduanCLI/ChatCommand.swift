import AduanCore
import AduanRuntime
import AduanStore
import AduanTerminal
import Foundation
import ArgumentParser
import Logging

/// `aduan chat`: talk to a bot in the terminal, as a citizen (or, piped, as many people).
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat with a bot in the terminal / ngobrol dengan bot di terminal.",
        discussion: """
            At a terminal you are the citizen "warga": just type. Piped input is one message per line:
              NAME> text              a direct message from NAME
              #channel NAME> text     NAME says text in a channel
              text                    a direct message from the default citizen
              @jam +25j               (with --clock) moves the clock 25 hours on
            Every bot message is printed as "-> NAME: text" or "-> #channel: text"; further lines of a
            message are indented by two spaces. Conversations are kept in the database: run again with
            the same --db and they go on where they were.
            """)

    @Option(name: .long, help: "The bot configuration file.")
    var bot: String = "Bots/bangli.json"

    @Option(name: .long, help: "The SQLite database file (created if missing).")
    var db: String = "aduan.sqlite"

    @Option(name: .long, help: "The name of the citizen who types bare lines.")
    var citizen: String = "warga"

    @Option(name: .long, help: ArgumentHelp(
        "Run on a clock that stands at this time (ISO 8601, e.g. 2026-11-23T09:00:00+08:00) and moves only by '@jam +25j' lines: to try deadlines, reminders and escalation.",
        valueName: "time"))
    var clock: String?

    @Flag(name: .long, help: "Log what the bot does to standard error.")
    var verbose = false

    func run() async throws {
        BotLauncher.bootstrapLogging(verbose ? .debug : .warning)
        var terminalClock: TerminalClock?
        if let clock {
            guard let start = TerminalClock.parseInstant(clock) else {
                Console.err("aduan: cannot read --clock \"\(clock)\"; write e.g. 2026-11-23T09:00:00+08:00")
                throw ExitCode(2)
            }
            terminalClock = TerminalClock(start: start)
        }
        var now: (@Sendable () -> Date)?
        if let terminalClock { now = { terminalClock.now() } }
        let runtime = try BotLauncher.start(bot: bot, db: db, now: now, staffTransport: "terminal")
        let database = runtime.database
        let chat = TerminalChat(runtime: runtime, defaultSender: citizen, interactive: Console.inputIsTerminal,
                                clock: terminalClock)
        let failures = await chat.run(
            readLine: { Swift.readLine(strippingNewline: true) },
            output: { Console.out($0) },
            prompt: { Console.out($0, terminator: "") },
            errors: { Console.err($0) })
        try database.close()
        if failures > 0 { throw ExitCode(1) }
    }
}
