@testable import AduanIRC
import AduanIRCProtocol
import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Testing

/// The IRC bot against a real InspIRCd 3 with Atheme services (Debian packages `inspircd` and
/// `atheme-services`): the bot and the citizens log in to services accounts with SASL PLAIN, and
/// the server tags every message with the sender's account (`account-tag`), so a logged-in
/// citizen is the same conversation under any nick. Each test starts its own servers on free
/// ports and stops them at the end. Without the packages these tests fail with "install
/// inspircd atheme-services".
@Suite("IRC bot with accounts, against a real InspIRCd + Atheme")
struct AccountIntegrationTests {
    static let botPassword = "bot-rahasia-123"

    /// Runs `body` with fresh servers and the Bangli bot logged in to its own account
    /// (registered first); stops everything whatever happens.
    func withServicesAndBot(recorder: LogRecorder? = nil,
                            _ body: (InspircdServer, RunningBot) async throws -> Void) async throws {
        let server = try InspircdServer.start()
        defer { server.stop() }
        try await IRCTestClient.registerAccount(port: server.port, account: "aduan", password: Self.botPassword)
        let bot = try await RunningBot.start(port: server.port, sasl: .init(account: "aduan", password: Self.botPassword),
                                             recorder: recorder)
        do {
            try await body(server, bot)
        } catch {
            await bot.stop()
            throw error
        }
        await bot.stop()
    }

    /// Registers `account` and connects a client logged in to it with SASL, under `nick`.
    func citizen(on server: InspircdServer, nick: String, account: String) async throws -> IRCTestClient {
        try await IRCTestClient.registerAccount(port: server.port, account: account, password: "sandi-\(account)")
        return try await IRCTestClient.connect(port: server.port, nick: nick, account: account, password: "sandi-\(account)")
    }

    @Test("the bot negotiates sasl account-tag message-tags server-time echo-message and logs in to its account (903)",
          .timeLimit(.minutes(2)))
    func botLogsIn() async throws {
        let recorder = LogRecorder()
        try await withServicesAndBot(recorder: recorder) { server, bot in
            let lines = recorder.messages
            let ack = try #require(lines.first { $0.hasPrefix("<- ") && $0.contains(" CAP ") && $0.contains(" ACK ") },
                                   "no CAP ACK in the bot's trace")
            let acked = Set(ack.split(separator: ":").last?.split(separator: " ").map(String.init) ?? [])
            #expect(acked == ["sasl", "account-tag", "message-tags", "server-time", "echo-message"])
            #expect(lines.contains { $0.hasPrefix("-> ") && $0.contains("AUTHENTICATE PLAIN") })
            #expect(lines.contains { $0.hasPrefix("<- ") && $0.contains(" 903 ") })
            #expect(lines.contains("SASL login succeeded"))
            #expect(!lines.contains { $0.contains(Self.botPassword) })

            // The server agrees: WHOIS says the bot is logged in as "aduan".
            let other = try await IRCTestClient.connect(port: server.port, nick: "pengamat")
            let start = await other.mark
            try await other.send("WHOIS aduan")
            let whois = try await other.waitFor("WHOIS account line", from: start) { $0.verb == "330" || $0.verb == "318" }
            #expect(whois.verb == "330" && whois.params.count >= 3 && whois.params[2] == "aduan")
            #expect(await bot.connection.registrationCount == 1)
            await other.close()
        }
    }

    @Test("a logged-in citizen changes nick without sharing a channel and keeps the conversation; whoever takes the old nick without the account learns nothing",
          .timeLimit(.minutes(2)))
    func accountSurvivesNickChange() async throws {
        try await withServicesAndBot { server, bot in
            let citizen = try await citizen(on: server, nick: "Warga_Lama", account: "WargaAkun")
            try await citizen.say("halo", to: "aduan", expect: "Contoh: Cempaga, Bangli")
            try await citizen.say("kintamni", to: "aduan", expect: "Tulis nama desanya.")

            // No channel in common with the bot: the bot never sees this NICK.
            let mark = await citizen.mark
            try await citizen.send("NICK Warga_Baru")
            try await citizen.waitFor("own NICK", from: mark) { $0.verb == "NICK" && $0.params.first == "Warga_Baru" }
            let list = try await citizen.say("batur selatan", to: "aduan", expect: "14. Lainnya")
            #expect(!list.joined().contains("Selamat datang"))
            try await citizen.say("jalan", to: "aduan", expect: "Contoh: _Jalan berlubang")
            try await citizen.say("Jalan berlubang di depan pasar Kintamani.", to: "aduan", expect: IRCIntegrationTests.privacyQuestion)
            try await citizen.say("1", to: "aduan", expect: IRCIntegrationTests.contactQuestion)
            try await citizen.say("tidak", to: "aduan", expect: "Sudah benar?")
            let done = try await citizen.say("ya", to: "aduan", expect: "status BGL-")
            let joined = done.joined(separator: "\n")
            let code = String(try #require(joined.range(of: IRCIntegrationTests.trackingPattern, options: .regularExpression)
                .map { joined[$0] }))

            // One conversation, keyed by the account (case folded), holding the one case.
            let key = "bangli|irc:irc-account:wargaakun"
            let filed = try #require(try bot.database.case(tracking: code))
            #expect(filed.conversationKey == key)
            #expect(try bot.database.cases(conversationKey: key).count == 1)
            #expect(try bot.database.caseCount() == 1)
            let keys = try bot.database.conversationKeys(botID: "bangli")
            #expect(!keys.contains { $0.contains("warga_lama") || $0.contains("warga_baru") })

            // Someone without an account takes the old nick: a different conversation.
            let impostor = try await IRCTestClient.connect(port: server.port, nick: "Warga_Lama")
            let answer = try await impostor.say("status", to: "aduan", expect: "Belum ada aduan")
            #expect(!answer.joined().contains(code))
            #expect(!(await impostor.texts(from: "aduan")).joined().contains(code))

            // The citizen, under the new nick, still gets their case.
            let status = try await citizen.say("status", to: "aduan", expect: code)
            #expect(status.joined().contains(code))
            #expect(try bot.database.caseCount() == 1)
            #expect(await bot.connection.registrationCount == 1)
            await impostor.close()
            await citizen.close()
        }
    }

    @Test("the bot restarts mid-dialog; the account-identified citizen, under a new nick, goes on",
          .timeLimit(.minutes(2)))
    func botRestart() async throws {
        let server = try InspircdServer.start()
        defer { server.stop() }
        let sasl = IRCClientConfiguration.SASL(account: "aduan", password: Self.botPassword)
        try await IRCTestClient.registerAccount(port: server.port, account: "aduan", password: Self.botPassword)
        let folder = try Repository.temporaryFolder("aduan-irc-restart")
        defer { try? FileManager.default.removeItem(at: folder) }

        let first = try await RunningBot.start(port: server.port, sasl: sasl, folder: folder)
        let citizen: IRCTestClient
        do {
            citizen = try await self.citizen(on: server, nick: "warga_tekun", account: "tekun")
            try await citizen.say("halo", to: "aduan", expect: "Contoh: Cempaga, Bangli")
            try await citizen.say("kintamni", to: "aduan", expect: "Tulis nama desanya.")
        } catch {
            await first.stop()
            throw error
        }
        await first.stop()
        try await citizen.send("NICK warga_tekun2")

        let second = try await RunningBot.start(port: server.port, sasl: sasl, folder: folder)
        do {
            let list = try await citizen.say("batur selatan", to: "aduan", expect: "14. Lainnya")
            #expect(!list.joined().contains("Selamat datang"))
            #expect(try second.database.conversationKeys(botID: "bangli").contains("bangli|irc:irc-account:tekun"))
        } catch {
            await second.stop()
            throw error
        }
        await second.stop()
        await citizen.close()
    }
}
