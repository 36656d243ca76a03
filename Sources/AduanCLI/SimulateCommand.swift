import AduanCore
import AduanDialog
import AduanRuntime
import ArgumentParser
import Foundation

/// `aduan simulate`: try a dialog without a database.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Try a dialog without a database / coba dialog tanpa database.",
        discussion: """
            Reads the citizen's messages, one per line, and prints the bot's replies after "< " and
            what the bot would do after "= " (file a case, look up a status). Nothing is stored.
            The bot's categories and kecamatan/desa list come from --bot.
            """)

    @Argument(help: "The dialog file to try.")
    var file: String

    @Option(name: .long, help: "The bot configuration that supplies categories and places.")
    var bot: String = "Bots/bangli.json"

    func run() throws {
        let botFile: BotFile
        let dialog: DialogFile
        do {
            botFile = try BotFile.load(path: bot)
            dialog = try DialogFile.load(path: file, catalog: botFile.catalog)
        } catch {
            Console.err("\(error)")
            throw ExitCode(1)
        }
        let interactive = Console.inputIsTerminal
        // Deadlines as the bot computes them (working hours, holidays), so the admin sees what
        // citizens will see.
        let simulator = DialogSimulator(engine: DialogEngine(dialog: dialog.dialog, catalog: botFile.catalog), start: Date(),
                                        echoInput: !interactive,
                                        responseDeadline: { start, hours, _ in botFile.responseDeadline(from: start, hours: hours) },
                                        countsWorkingHours: botFile.countsWorkingHours)
        var session = DialogSimulator.Session()
        if interactive {
            Console.out("Simulasi \(file) (revisi \(dialog.revision)). Ketik pesan; Ctrl-D untuk keluar.")
        }
        while true {
            if interactive { Console.out("> ", terminator: "") }
            guard let line = readLine(strippingNewline: true) else { break }
            simulator.run(line, session: &session) { Console.out($0) }
        }
    }
}
