import AduanCore
import AduanDialog
import AduanStore
import Foundation

/// The dialog revisions a bot can run: the current one, and older ones that conversations in
/// flight started on. Every revision's text is stored in the database before any conversation
/// uses it, so a conversation finishes on its own revision even after the file was edited and
/// the bot restarted.
final class DialogRegistry: Sendable {
    private struct Contents {
        var bot: BotFile
        var current: DialogEngine
        var engines: [String: DialogEngine]
    }

    private let contents: Locked<Contents>
    private let database: AduanDatabase

    init(bot: BotFile, database: AduanDatabase, now: Date) throws {
        self.database = database
        let engine = DialogEngine(dialog: bot.dialog.dialog, catalog: bot.catalog)
        try Self.save(bot.dialog, in: database, now: now)
        contents = Locked(Contents(bot: bot, current: engine, engines: [bot.dialog.revision: engine]))
    }

    private static func save(_ file: DialogFile, in database: AduanDatabase, now: Date) throws {
        try database.saveDialogRevision(DialogRevisionRecord(
            revision: file.revision, dialogID: file.dialog.id, source: file.source, createdAt: now))
    }

    /// The bot as loaded now.
    var bot: BotFile { contents.withLock { $0.bot } }

    /// The engine for new conversations, with its revision.
    var current: (revision: String, engine: DialogEngine) {
        contents.withLock { ($0.bot.dialog.revision, $0.current) }
    }

    /// The engine for `revision`, loading it from the database if needed; nil when the database
    /// has no such revision.
    func engine(forRevision revision: String) throws -> DialogEngine? {
        if let engine = contents.withLock({ $0.engines[revision] }) { return engine }
        guard let record = try database.dialogRevision(revision) else { return nil }
        let catalog = bot.catalog
        let file = try DialogFile.parse(Data(record.source.utf8), path: "revision \(revision)", catalog: catalog, validate: false)
        let engine = DialogEngine(dialog: file.dialog, catalog: catalog)
        contents.withLock { $0.engines[revision] = engine }
        return engine
    }

    /// Makes `bot` current. Conversations in flight keep their revisions.
    func replace(with bot: BotFile, now: Date) throws {
        try Self.save(bot.dialog, in: database, now: now)
        let engine = DialogEngine(dialog: bot.dialog.dialog, catalog: bot.catalog)
        contents.withLock {
            $0.bot = bot
            $0.current = engine
            $0.engines[bot.dialog.revision] = engine
        }
    }
}
