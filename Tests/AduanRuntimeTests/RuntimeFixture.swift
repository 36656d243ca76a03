import AduanCore
import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Logging

/// A test bot on a real SQLite file in a temporary folder.
struct RuntimeFixture {
    let folder: URL
    let botPath: String
    let dbPath: String
    let clock = TestClock(step: 1)

    init() throws {
        folder = try Repository.temporaryFolder("aduan-runtime")
        botPath = try TestBot.write(in: folder)
        dbPath = folder.appendingPathComponent("aduan.sqlite").path
    }

    func runtime() throws -> BotRuntime {
        try BotRuntime(bot: BotFile.load(path: botPath), database: AduanDatabase(path: dbPath),
                       now: { [clock] in clock.now() }, logger: .quietTestLogger)
    }
}

extension Logger {
    /// The runtime tests' logger: only critical messages get through.
    static var quietTestLogger: Logger {
        var logger = Logger(label: "aduan.test")
        logger.logLevel = .critical
        return logger
    }
}

extension BotRuntime {
    /// Sends a direct message from `sender` over the "test" transport; returns the texts sent back to them.
    func say(_ text: String, from sender: String = "warga") async throws -> [String] {
        try await handle(InboundMessage(transport: "test", sender: sender, text: text))
            .filter { $0.destination == .user(sender) }.map(\.text)
    }
}

/// The test dialog's intake, message by message.
let intake = ["halo", "batur selatan", "jalan", "Jalan berlubang di depan pura"]
