import AduanCore

/// The words that work in every state of a dialog, whatever is being asked.
///
/// A command is recognised only when it is the whole message (case, spaces and punctuation do not
/// matter), so *batal* cancels but "jalan batal diperbaiki" is an answer. A dialog file may replace
/// any list under `commands`, e.g. `"commands": { "cancel": ["batal", "cancel", "stop"] }`.
public struct CommandWords: Sendable, Hashable {
    /// Cancel the conversation in progress.
    public var cancel: [String]
    /// Go back to the previous question.
    public var back: [String]
    /// Start over.
    public var restart: [String]
    /// Show help.
    public var help: [String]
    /// Ask for the status of one's cases, optionally followed by a tracking number.
    public var status: [String]
    /// Change language, followed by the language (`bahasa en`).
    public var language: [String]

    /// The built-in words, Indonesian first.
    public static let standard = CommandWords(
        cancel: ["batal", "batalkan", "cancel"],
        back: ["kembali", "balik", "back"],
        restart: ["ulang", "mulai ulang", "ulangi", "restart", "start over"],
        help: ["bantuan", "help", "menu", "?"],
        status: ["status", "cek", "cek status", "lacak", "track"],
        language: ["bahasa", "language", "lang"])

    /// The command names, as written under `commands`.
    public static let names = ["cancel", "back", "restart", "help", "status", "language"]

    /// Makes a word list.
    public init(cancel: [String], back: [String], restart: [String], help: [String],
                status: [String], language: [String]) {
        self.cancel = cancel
        self.back = back
        self.restart = restart
        self.help = help
        self.status = status
        self.language = language
    }

    /// The standard words with a dialog's overrides applied.
    public init(overrides: [String: [String]]) {
        let s = Self.standard
        self.init(cancel: overrides["cancel"] ?? s.cancel, back: overrides["back"] ?? s.back,
                  restart: overrides["restart"] ?? s.restart, help: overrides["help"] ?? s.help,
                  status: overrides["status"] ?? s.status, language: overrides["language"] ?? s.language)
    }

    /// Words that name each language, for `bahasa en` and for a bare `english`.
    public static let languageNames: [String: [String]] = [
        "id": ["id", "indonesia", "bahasa indonesia", "indonesian", "ind"],
        "en": ["en", "english", "inggris", "bahasa inggris", "eng"],
    ]
}
