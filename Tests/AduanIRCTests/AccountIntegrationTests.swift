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
    @Test("the bot negotiates sasl account-tag message-tags server-time echo-message and logs in to its account (903)",
          .timeLimit(.minutes(2)))
    func botLogsIn() async throws {
        let recorder = LogRecorder()
        try await InspircdServer.withBot(recorder: recorder) { server, bot in
            let lines = recorder.messages
            let ack = try #require(lines.first { $0.hasPrefix("<- ") && $0.contains(" CAP ") && $0.contains(" ACK ") },
                                   "no CAP ACK in the bot's trace")
            let acked = Set(ack.split(separator: ":").last?.split(separator: " ").map(String.init) ?? [])
            #expect(acked == ["sasl", "account-tag", "message-tags", "server-time", "echo-message"])
            #expect(lines.contains { $0.hasPrefix("-> ") && $0.contains("AUTHENTICATE PLAIN") })
            #expect(lines.contains { $0.hasPrefix("<- ") && $0.contains(" 903 ") })
            #expect(lines.contains("SASL login succeeded"))
            #expect(!lines.contains { $0.contains(InspircdServer.botPassword) })

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
        try await InspircdServer.withBot { server, bot in
            let citizen = try await server.loggedInClient(nick: "Warga_Lama", account: "WargaAkun")
            try await citizen.say("halo", to: "aduan", expect: "Contoh: Cempaga, Bangli")
            try await citizen.say("kintamni", to: "aduan", expect: "Tulis nama desanya.")

            // No channel in common with the bot: the bot never sees this NICK.
            try await citizen.changeNick(to: "Warga_Baru")
            let list = try await citizen.say("batur selatan", to: "aduan", expect: "14. Lainnya")
            #expect(!list.joined().contains("Selamat datang"))
            try await citizen.say("jalan", to: "aduan", expect: "Contoh: _Jalan berlubang")
            try await citizen.say("Jalan berlubang di depan pasar Kintamani.", to: "aduan", expect: BangliIntake.privacyQuestion)
            let code = try await citizen.confirmWithoutContact()

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
        try await InspircdServer.withBotAccount(folder: "aduan-irc-restart") { server, folder in
            let first = try await RunningBot.start(port: server.port, sasl: InspircdServer.botLogin, folder: folder)
            let citizen = try await first.whileRunning { _ in
                let citizen = try await server.loggedInClient(nick: "warga_tekun", account: "tekun")
                try await citizen.say("halo", to: "aduan", expect: "Contoh: Cempaga, Bangli")
                try await citizen.say("kintamni", to: "aduan", expect: "Tulis nama desanya.")
                return citizen
            }
            try await citizen.send("NICK warga_tekun2")

            try await RunningBot.start(port: server.port, sasl: InspircdServer.botLogin, folder: folder).whileRunning { second in
                let list = try await citizen.say("batur selatan", to: "aduan", expect: "14. Lainnya")
                #expect(!list.joined().contains("Selamat datang"))
                #expect(try second.database.conversationKeys(botID: "bangli").contains("bangli|irc:irc-account:tekun"))
            }
            await citizen.close()
        }
    }
}
