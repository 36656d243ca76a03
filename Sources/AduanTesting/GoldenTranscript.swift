import AduanDialog
import AduanRuntime
import Foundation

/// A golden transcript: a conversation with a dialog, recorded in a text file under
/// `Tests/Transcripts/<dialog id>/NAME.txt`, that the test suite replays and compares.
///
/// The file starts with `#` lines (a description, and `# bot: Bots/bangli.json` to choose the bot),
/// followed by the ``DialogSimulator`` transcript: `> ` citizen lines, `< ` bot lines (further lines
/// indented by two spaces) and `= ` effects. Only the `> ` lines are inputs; the rest is what the
/// bot must answer. Run the tests with `ADUAN_UPDATE_GOLDEN=1` to rewrite the files from what the
/// bot answers now, then review the diff with `git diff Tests/Transcripts`.
public struct GoldenTranscript: Sendable {
    /// The file.
    public var path: String
    /// The `#` header lines.
    public var header: [String]
    /// The citizen's messages.
    public var inputs: [String]
    /// The whole file as it is.
    public var recorded: String

    /// The folder holding every dialog's transcripts.
    public static let folder = "Tests/Transcripts"

    /// Reads a transcript file.
    public init(path: String) throws {
        self.path = path
        recorded = try String(contentsOfFile: path, encoding: .utf8)
        let lines = recorded.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        header = lines.prefix { $0.hasPrefix("#") }
        inputs = lines.filter { $0.hasPrefix("> ") || $0 == ">" }.map { $0 == ">" ? "" : String($0.dropFirst(2)) }
    }

    /// The bot file named in the header (default `Bots/bangli.json`), relative to the repository.
    public var botPath: String {
        for line in header where line.hasPrefix("# bot:") {
            return line.dropFirst("# bot:".count).trimmingCharacters(in: .whitespaces)
        }
        return "Bots/bangli.json"
    }

    /// What the file should say now: the header and a fresh run of the inputs, on a fixed clock
    /// (6 January 2026 09:00 WITA, one minute per message) and numbered tracking numbers.
    public func replay(dialogPath: String) throws -> String {
        let bot = try BotFile.load(path: Repository.path(botPath))
        let dialog = try DialogFile.load(path: dialogPath, catalog: bot.catalog)
        let simulator = DialogSimulator(engine: DialogEngine(dialog: dialog.dialog, catalog: bot.catalog), start: TestClock.start,
                                        responseDeadline: { start, hours, _ in bot.responseDeadline(from: start, hours: hours) },
                                        countsWorkingHours: bot.countsWorkingHours)
        return header.map { $0 + "\n" }.joined() + simulator.transcript(inputs)
    }

    /// The transcripts of the dialog with id `dialogID`.
    public static func all(forDialog dialogID: String) -> [String] {
        let dir = Repository.path(folder + "/" + dialogID)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { dir + "/" + $0 }
    }

    /// Whether the suite should rewrite transcripts instead of comparing.
    public static var updating: Bool {
        ProcessInfo.processInfo.environment["ADUAN_UPDATE_GOLDEN"] == "1"
    }
}
