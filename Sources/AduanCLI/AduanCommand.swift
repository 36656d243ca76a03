import ArgumentParser

/// The `aduan` command: run the bot and the admin tools.
public struct AduanCommand: AsyncParsableCommand {
    /// The command's name, subcommands and help.
    public static let configuration = CommandConfiguration(
        commandName: "aduan",
        abstract: "Aduan: layanan pengaduan warga lewat chat / a citizen complaint desk over chat.",
        discussion: """
            Coba bot di terminal / try the bot in a terminal:
              aduan chat --bot Bots/bangli.json
            Periksa berkas / check files:
              aduan validate Dialogs/pengaduan.json Bots/bangli.json
            """,
        subcommands: [ChatCommand.self, ValidateCommand.self, SimulateCommand.self, GraphCommand.self, CasesCommand.self,
                      IRCCommand.self, RunCommand.self])

    /// Makes the command (for argument-parser).
    public init() {}
}
