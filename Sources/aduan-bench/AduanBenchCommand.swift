import ArgumentParser

/// `aduan-bench`: `steps` (the default: dialog steps through the runtime and SQLite against raw
/// libsqlite3) and `irc` (the bot over a real IRC server against an echo client).
@main
struct AduanBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aduan-bench",
        abstract: "Benchmarks of the Aduan bot.",
        discussion: """
            Without a subcommand, `steps` runs (all its options work without naming it: \
            `aduan-bench --citizens 1000 --json`).
            """,
        subcommands: [AduanBench.self, IRCBench.self],
        defaultSubcommand: AduanBench.self)
}
