import AduanRuntime
import Foundation
import AduanStore
import ArgumentParser
import Logging

/// What `aduan chat` and `aduan run` share: logging to standard error, and starting a bot on a
/// database with a human message (and exit status 2) when the files or the database are wrong.
enum BotLauncher {
    /// Sends every log line at `level` or above to standard error.
    static func bootstrapLogging(_ level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Loads the bot file and opens the database, or explains why not and exits with status 2.
    static func start(bot: String, db: String, now: (@Sendable () -> Date)? = nil,
                      staffTransport: String) throws -> BotRuntime {
        let botFile: BotFile
        do {
            botFile = try BotFile.load(path: bot)
        } catch {
            Console.err("aduan: cannot start the bot:\n\(error)")
            throw ExitCode(2)
        }
        let database: AduanDatabase
        do {
            database = try AduanDatabase(path: db)
        } catch {
            Console.err("aduan: cannot open the database \(db): \(error)")
            throw ExitCode(2)
        }
        do {
            return try BotRuntime(bot: botFile, database: database, now: now ?? { Date() }, staffTransport: staffTransport,
                                  logger: Logger(label: "aduan.runtime"))
        } catch {
            try? database.close()
            Console.err("aduan: cannot start the bot on \(db): \(error)")
            throw ExitCode(2)
        }
    }
}
