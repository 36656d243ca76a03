import AduanCore
import AduanDialog
import AduanStore
import Foundation

/// The dialog revisions a bot can run: the current one, and older ones that conversations in
/// flight started on. Every revision's text is stored in the database before any conversation
/// uses it, so a conversation finishes on its own revision even after the file was edited and
/// the bot restarted.
final class DialogRegistry: Sendable {
    /// One revision's engine, shared by reference: a `DialogEngine` is a large struct, and
    /// copying it (and the `BotFile`) on every step cost retains and releases of all their parts.
    final class Runner: Sendable {
        let revision: String
        let engine: DialogEngine
        init(revision: String, engine: DialogEngine) {
            self.revision = revision
            self.engine = engine
        }
    }

    /// The bot as loaded now and its current engine, shared by reference.
    final class Snapshot: Sendable {
        let bot: BotFile
        let current: Runner
        init(bot: BotFile, current: Runner) {
            self.bot = bot
            self.current = current
        }
    }

    private struct Contents {
        var snapshot: Snapshot
        var engines: [String: Runner]
    }

    private let contents: Locked<Contents>
    private let database: AduanDatabase

    init(bot: BotFile, database: AduanDatabase, now: Date) throws {
        self.database = database
        let engine = DialogEngine(dialog: bot.dialog.dialog, catalog: bot.catalog)
        try Self.save(bot.dialog, in: database, now: now)
        let runner = Runner(revision: bot.dialog.revision, engine: engine)
        contents = Locked(Contents(snapshot: Snapshot(bot: bot, current: runner), engines: [runner.revision: runner]))
    }

    private static func save(_ file: DialogFile, in database: AduanDatabase, now: Date) throws {
        try database.saveDialogRevision(DialogRevisionRecord(
            revision: file.revision, dialogID: file.dialog.id, source: file.source, createdAt: now))
    }

    /// The bot as loaded now.
    var bot: BotFile { snapshot.bot }

    /// The bot and the engine for new conversations.
    var snapshot: Snapshot { contents.withLock { $0.snapshot } }

    /// The engine for `revision`, loading it from the database if needed; nil when the database
    /// has no such revision.
    func engine(forRevision revision: String) throws -> Runner? {
        if let runner = contents.withLock({ $0.engines[revision] }) { return runner }
        guard let record = try database.dialogRevision(revision) else { return nil }
        let catalog = bot.catalog
        let file = try DialogFile.parse(Data(record.source.utf8), path: "revision \(revision)", catalog: catalog, validate: false)
        let runner = Runner(revision: revision, engine: DialogEngine(dialog: file.dialog, catalog: catalog))
        contents.withLock { $0.engines[revision] = runner }
        return runner
    }

    /// Makes `bot` current. Conversations in flight keep their revisions.
    func replace(with bot: BotFile, now: Date) throws {
        try Self.save(bot.dialog, in: database, now: now)
        let runner = Runner(revision: bot.dialog.revision, engine: DialogEngine(dialog: bot.dialog.dialog, catalog: bot.catalog))
        contents.withLock {
            $0.snapshot = Snapshot(bot: bot, current: runner)
            $0.engines[runner.revision] = runner
        }
    }
}
