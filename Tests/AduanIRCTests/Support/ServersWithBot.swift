import AduanIRC
import AduanTesting
import Foundation

extension NgircdServer {
    /// Runs `body` with a fresh ngircd and the Bangli bot on it; stops both whatever happens.
    /// `unlimited` turns flood control off on both sides (for load tests only).
    static func withBot(backoff: IRCReconnectBackoff = RunningBot.testBackoff, unlimited: Bool = false,
                        clockInterval: Duration = RunningBot.testClockInterval,
                        _ body: (NgircdServer, RunningBot) async throws -> Void) async throws {
        let server = try start(floodControl: !unlimited)
        defer { server.stop() }
        let flood = unlimited ? IRCFloodControl(burst: 4, interval: .zero) : RunningBot.testFlood
        let bot = try await RunningBot.start(port: server.port, backoff: backoff, flood: flood, clockInterval: clockInterval)
        try await bot.whileRunning { try await body(server, $0) }
    }
}

extension InspircdServer {
    /// The password of the bot's services account `aduan`.
    static let botPassword = "bot-rahasia-123"
    /// The bot's SASL login to its services account (see ``registerBotAccount()``).
    static let botLogin = IRCClientConfiguration.SASL(account: "aduan", password: botPassword)

    /// Registers the bot's services account `aduan`, so the bot can log in with ``botLogin``.
    func registerBotAccount() async throws {
        try await IRCTestClient.registerAccount(port: port, account: Self.botLogin.account, password: Self.botLogin.password)
    }

    /// Connects a client as `nick`, logged in with SASL to `account` (password `sandi-ACCOUNT`),
    /// registering the account first unless `register` is false.
    func loggedInClient(nick: String, account: String, register: Bool = true) async throws -> IRCTestClient {
        if register {
            try await IRCTestClient.registerAccount(port: port, account: account, password: "sandi-\(account)")
        }
        return try await IRCTestClient.connect(port: port, nick: nick, account: account, password: "sandi-\(account)")
    }

    /// Runs `body` with fresh InspIRCd + Atheme and the Bangli bot logged in to its own account
    /// (registered first); stops everything whatever happens.
    static func withBot(flood: IRCFloodControl = RunningBot.testFlood, recorder: LogRecorder? = nil,
                        _ body: (InspircdServer, RunningBot) async throws -> Void) async throws {
        let server = try start()
        defer { server.stop() }
        try await server.registerBotAccount()
        let bot = try await RunningBot.start(port: server.port, flood: flood, sasl: botLogin, recorder: recorder)
        try await bot.whileRunning { try await body(server, $0) }
    }

    /// Runs `body` with fresh InspIRCd + Atheme on which the bot's account is registered, and a
    /// folder `name` for a database that outlives restarts of the bot; removes both afterwards.
    static func withBotAccount(folder name: String, _ body: (InspircdServer, URL) async throws -> Void) async throws {
        let server = try start()
        defer { server.stop() }
        try await server.registerBotAccount()
        let folder = try Repository.temporaryFolder(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(server, folder)
    }
}
