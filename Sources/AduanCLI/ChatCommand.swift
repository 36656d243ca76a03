import AduanCore
import AduanRuntime
import AduanStore
import AduanTerminal
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

    @Flag(name: .long, help: "Log what the bot does to standard error.")
    var verbose = false

    func run() async throws {
        BotLauncher.bootstrapLogging(verbose ? .debug : .warning)
        let runtime = try BotLauncher.start(bot: bot, db: db)
        let database = runtime.database
        let chat = TerminalChat(runtime: runtime, defaultSender: citizen, interactive: Console.inputIsTerminal)
        let failures = await chat.run(
            readLine: { Swift.readLine(strippingNewline: true) },
            output: { Console.out($0) },
            prompt: { Console.out($0, terminator: "") },
            errors: { Console.err($0) })
        try database.close()
        if failures > 0 { throw ExitCode(1) }
    }
}
