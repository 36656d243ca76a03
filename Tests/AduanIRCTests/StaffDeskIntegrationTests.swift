@testable import AduanIRC
import AduanIRCProtocol
import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Testing

/// The staff desk over IRC, against real servers: staff work cases with commands in their
/// agency's channel (`#opd-pupr`), the bot answers there, and what the citizen is told comes
/// through the durable outbox. Staff are the accounts the shipped `Bots/bangli.json` names
/// (`irc-account:budi` for PUPR), so these tests register exactly those accounts with Atheme.
///
/// Staff commands are accepted only from an account the server vouches for (`account-tag`):
/// a nick proves nothing, so on ngircd (no services) every command is refused. The outbox
/// outlives a stop of the bot and an outage of the server, and nothing in it is sent twice.
@Suite("Staff desk over IRC, against a real InspIRCd + Atheme and ngircd")
struct StaffDeskIntegrationTests {
    static let channel = "#opd-pupr"
    /// The bot's flood control on InspIRCd, whose test config lifts the server's own: a short
    /// interval keeps the long dialog (the category list, the privacy question) quick.
    static let inspircdFlood = IRCFloodControl(burst: 4, interval: .milliseconds(20))

    // MARK: - Helpers

    /// Runs `body` with fresh InspIRCd + Atheme and the Bangli bot logged in to its account;
    /// stops everything whatever happens.
    func withServicesAndBot(_ body: (InspircdServer, RunningBot) async throws -> Void) async throws {
        try await InspircdServer.withBot(flood: Self.inspircdFlood, body)
    }

    /// A client logged in to `account` as `nick` (registered first unless `register` is false),
    /// in `#opd-pupr`.
    func inChannel(on server: InspircdServer, nick: String, account: String, register: Bool = true) async throws -> IRCTestClient {
        let client = try await server.loggedInClient(nick: nick, account: account, register: register)
        try await client.join(Self.channel)
        return client
    }

    /// Starts the Bangli bot on `server`, logged in to its account, on the database in `folder`
    /// (kept for the next start).
    func startBot(on server: InspircdServer, folder: URL) async throws -> RunningBot {
        try await RunningBot.start(port: server.port, flood: Self.inspircdFlood, sasl: InspircdServer.botLogin, folder: folder)
    }

    /// budi's `ambil CODE` in `#opd-pupr`, from the account the network vouches for, handed to
    /// `runtime` directly; returns the replies.
    func budiTakes(_ code: String, through runtime: BotRuntime) async throws -> [OutboundMessage] {
        try await runtime.handle(InboundMessage(transport: "irc", sender: "irc-account:budi", channel: Self.channel,
                                                text: "ambil \(code)", account: "irc-account:budi"))
    }

    /// While no bot runs: budi takes `code` through a runtime of its own on the database in
    /// `folder` (as another transport's desk would); returns the replies and what then waits in
    /// the outbox for IRC.
    func budiTakesWhileBotIsDown(_ code: String, folder: URL) async throws -> (replies: [OutboundMessage], waiting: [OutboundMessage]) {
        let database = try AduanDatabase(path: folder.appendingPathComponent("aduan.sqlite").path)
        defer { try? database.close() }
        let runtime = try BotRuntime(bot: try BotFile.load(path: Repository.path("Bots/bangli.json")), database: database,
                                     staffTransport: "irc", logger: TestLog.logger("aduan.runtime"))
        let replies = try await budiTakes(code, through: runtime)
        return (replies, try runtime.pendingOutbox(transport: "irc").map(\.message))
    }

    /// How many of the bot's messages `client` received contain `piece`.
    func count(_ piece: String, from client: IRCTestClient) async -> Int {
        await client.texts(from: "aduan").filter { $0.contains(piece) }.count
    }

    /// Waits until `watcher` (in `#opd-pupr`) has the announcement of `code`, whose last line
    /// is the command to take it.
    func waitForAnnouncement(of code: String, on watcher: IRCTestClient) async throws {
        try await watcher.waitForLine(from: "aduan", to: Self.channel, containing: "Aduan baru \(code)")
        try await watcher.waitForLine(from: "aduan", to: Self.channel, containing: "Ketik: ambil \(code)")
    }

    /// What a staff command must not have changed: the case and its history.
    struct CaseSnapshot: Equatable {
        var record: CaseRecord
        var events: [CaseEventRecord]

        init(_ database: AduanDatabase, code: String) throws {
            record = try #require(try database.case(tracking: code))
            events = try database.events(caseID: try #require(record.id))
        }
    }

    // MARK: - The workflow

    @Test("the staff channel is for officers: a non-staff account and a user without one are removed on joining; budi stays",
          .timeLimit(.minutes(2)))
    func staffChannelKeptForOfficers() async throws {
        try await withServicesAndBot { server, _ in
            func kicked(_ client: IRCTestClient) async -> Bool {
                let me = await client.nick
                return await client.received.contains {
                    $0.verb == "KICK" && $0.params.count >= 2 && $0.params[0] == Self.channel && $0.params[1] == me
                }
            }
            let intruder = try await server.loggedInClient(nick: "pengintip", account: "pengintip")
            try await intruder.joinAndIsRemoved(from: Self.channel)
            let guest = try await IRCTestClient.connect(port: server.port, nick: "tamu")
            try await guest.joinAndIsRemoved(from: Self.channel)
            let reason = await guest.received.first { $0.verb == "KICK" }?.params.last
            #expect(reason?.hasPrefix("Kanal staf: hanya untuk petugas") == true)

            let budi = try await inChannel(on: server, nick: "budi", account: "budi")
            try await budi.command("daftar", in: Self.channel, expect: "Aduan terbuka")
            try await Task.sleep(for: .milliseconds(500))
            #expect(await !kicked(budi), "an officer was removed from their channel")
            // The announcement of a new case reaches budi, not the two who were removed.
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_jalan")
            let code = try await citizen.fileComplaint()
            try await waitForAnnouncement(of: code, on: budi)
            for outsider in [intruder, guest] {
                #expect(await !outsider.received.contains { $0.params.last?.contains(code) == true })
            }
            for client in [intruder, guest, budi, citizen] { await client.close() }
        }
    }

    @Test("someone already in a staff channel when the bot comes is checked too: removed once the bot is a channel operator",
          .timeLimit(.minutes(2)))
    func outsiderAlreadyInChannel() async throws {
        let server = try InspircdServer.start()
        defer { server.stop() }
        try await server.registerBotAccount()
        // budi is first in the channel (so its operator), then a guest without an account.
        let budi = try await inChannel(on: server, nick: "budi", account: "budi")
        let guest = try await IRCTestClient.connect(port: server.port, nick: "tamu")
        try await guest.join(Self.channel)
        let recorder = LogRecorder()
        let running = try await RunningBot.start(port: server.port, flood: Self.inspircdFlood, sasl: InspircdServer.botLogin,
                                                 recorder: recorder)
        try await running.whileRunning { _ in
            // The bot looks at who is there (WHOX) but is no operator: it cannot remove the guest,
            // and says so in its log.
            try await eventually("the warning about operator status") {
                recorder.messages.contains { $0.contains("not a channel operator in #opd-pupr") }
            }
            #expect(await !guest.received.contains { $0.verb == "KICK" })
            // budi makes the bot an operator: it looks again and removes the guest; budi stays.
            try await budi.send("MODE \(Self.channel) +o aduan")
            try await guest.waitFor("the KICK") { $0.verb == "KICK" && $0.params.prefix(2) == [Self.channel, "tamu"] }
            try await Task.sleep(for: .milliseconds(500))
            #expect(await !budi.received.contains { $0.verb == "KICK" && $0.params.dropFirst().first == "budi" })
        }
        await budi.close()
        await guest.close()
    }

    @Test("staff budi takes, answers, asks and resolves a case in #opd-pupr; the citizen is told in private, answers, confirms and rates; the case is closed",
          .timeLimit(.minutes(2)))
    func staffWorkflow() async throws {
        try await withServicesAndBot { server, bot in
            let budi = try await inChannel(on: server, nick: "budi", account: "budi")
            let citizen = try await server.loggedInClient(nick: "warga_bangli", account: "wargabangli")
            let code = try await citizen.fileComplaint()
            let afterFiling = await citizen.mark
            try await waitForAnnouncement(of: code, on: budi)

            // ambil: the bot acknowledges in the channel; the citizen hears the case is in hand.
            let taken = try await budi.command("ambil \(code)", in: Self.channel, expect: "✔")
            #expect(taken.contains { $0.contains("✔ \(code) diambil oleh budi") })
            try await citizen.waitForLine(from: "aduan", to: citizen.nick, containing: "sedang ditangani", since: afterFiling)
            var record = try #require(try bot.database.case(tracking: code))
            #expect(record.status == "in_progress")
            #expect(record.assignee == "irc-account:budi")

            // balas: the message reaches the citizen under the agency's name.
            var mark = await citizen.mark
            try await budi.command("balas \(code) Tim kami meluncur besok pagi", in: Self.channel, expect: "✔ Balasan dikirim")
            try await citizen.waitForLine(from: "aduan", to: citizen.nick, containing: "Tim kami meluncur besok pagi", since: mark)
            let message = await citizen.texts(from: "aduan", to: citizen.nick, since: mark)
            #expect(message == ["Pesan dari Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) tentang aduan \(code):",
                                "Tim kami meluncur besok pagi"])

            // tanya: the citizen's next private message is the answer, posted in the channel.
            mark = await citizen.mark
            try await budi.command("tanya \(code) Di sebelah mana persisnya?", in: Self.channel, expect: "✔ Pertanyaan dikirim")
            try await citizen.waitForLine(from: "aduan", to: citizen.nick, containing: "Balas pesan ini untuk menjawab.", since: mark)
            #expect(await citizen.texts(from: "aduan", to: citizen.nick, since: mark).contains("Di sebelah mana persisnya?"))
            let beforeAnswer = await budi.mark
            try await citizen.say("Di depan warung Bu Made, dekat tiang listrik", to: "aduan", expect: "jawaban Anda sudah diteruskan")
            try await budi.waitForLine(from: "aduan", to: Self.channel, containing: "Di depan warung Bu Made, dekat tiang listrik",
                                       since: beforeAnswer)
            let answer = await budi.texts(from: "aduan", to: Self.channel, since: beforeAnswer)
            #expect(answer.suffix(2) == ["Jawaban pelapor \(code):", "Di depan warung Bu Made, dekat tiang listrik"])

            // selesai: the citizen is asked whether it is fixed, then for a rating.
            mark = await citizen.mark
            try await budi.command("selesai \(code) Lubang sudah ditambal", in: Self.channel, expect: "✔ \(code) selesai")
            try await citizen.waitForLine(from: "aduan", to: citizen.nick, containing: "benar-benar sudah beres? Balas ya atau tidak",
                                          since: mark)
            #expect(await citizen.texts(from: "aduan", to: citizen.nick, since: mark).contains("Lubang sudah ditambal"))
            #expect(try bot.database.case(tracking: code)?.status == "resolved")
            try await citizen.say("ya", to: "aduan", expect: "balas angka 1 (buruk) sampai 5 (sangat baik)")
            let beforeRating = await budi.mark
            try await citizen.say("5", to: "aduan", expect: "Aduan \(code) ditutup")
            try await budi.waitForLine(from: "aduan", to: Self.channel,
                                       containing: "Pelapor menilai penanganan \(code): 5/5. Aduan ditutup.", since: beforeRating)

            record = try #require(try bot.database.case(tracking: code))
            #expect(record.status == "closed")
            #expect(record.rating == 5)
            #expect(record.prompt == nil)
            let kinds = try bot.database.events(caseID: try #require(record.id)).map(\.kind)
            #expect(kinds == ["received", "taken", "reply", "question", "citizen_answer", "resolved", "confirmed_fixed",
                              "rating", "closed"])
            // The citizen never learns who the staff member is.
            let toCitizen = await citizen.texts(from: "aduan", since: afterFiling)
            #expect(!toCitizen.isEmpty)
            #expect(!toCitizen.contains { $0.lowercased().contains("budi") })
            try await bot.waitUntilOutboxEmpty("the outbox delivered", timeout: .seconds(5))
            #expect(await bot.connection.registrationCount == 1)
            await citizen.close()
            await budi.close()
        }
    }

    // MARK: - Spoofing

    @Test("the nick budi without budi's account, and a non-staff account, are removed from the staff channel and cannot command; the case is unchanged until the real budi acts",
          .timeLimit(.minutes(2)))
    func spoofedStaff() async throws {
        try await withServicesAndBot { server, bot in
            let budi = try await inChannel(on: server, nick: "budi", account: "budi")
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_curiga")
            let code = try await citizen.fileComplaint()
            try await waitForAnnouncement(of: code, on: budi)
            try await bot.waitUntilOutboxEmpty("the outbox delivered", timeout: .seconds(5))
            let citizenMark = await citizen.mark

            // The real budi speaks (a read-only command), so the bot has seen the nick with the
            // account, then moves to another nick.
            let shown = try await budi.command("lihat \(code)", in: Self.channel, expect: code)
            #expect(!shown.isEmpty)
            let before = try CaseSnapshot(bot.database, code: code)
            try await budi.changeNick(to: "budi_hp")

            // 1. Nobody's account, nick "budi", while the real budi is on as budi_hp: removed from
            //    the staff channel on joining, and the channel takes no message from outside.
            let impostor = try await IRCTestClient.connect(port: server.port, nick: "budi")
            try await impostor.joinAndIsRemoved(from: Self.channel)
            try await impostor.commandIsRefusedByServer("ambil \(code)", in: Self.channel)
            #expect(try CaseSnapshot(bot.database, code: code) == before)
            await impostor.close(quit: "bye")

            // 2. The real budi leaves; someone logged in to another (non-staff) account takes
            //    the nick "budi": the same.
            await budi.close(quit: "pulang")
            let other = try await server.loggedInClient(nick: "budi", account: "tamu")
            try await other.joinAndIsRemoved(from: Self.channel)
            for command in ["ambil \(code)", "selesai \(code) sudah beres", "balas \(code) halo dari budi"] {
                try await other.commandIsRefusedByServer(command, in: Self.channel)
            }
            #expect(await !other.texts(from: "aduan").contains { $0.hasPrefix("✔") })
            #expect(try CaseSnapshot(bot.database, code: code) == before)

            // 3. Staff of another agency (Perkim) may not act on PUPR's case.
            let perkim = try await inChannel(on: server, nick: "petugas_perkim", account: "trc-perkim")
            try await perkim.command("ambil \(code)", in: Self.channel, expect: "bukan aduan OPD Anda")
            #expect(try CaseSnapshot(bot.database, code: code) == before)

            // Nothing reached the citizen, and nothing waits for them.
            #expect(await citizen.texts(from: "aduan", since: citizenMark).isEmpty)
            #expect(try bot.runtime.pendingOutbox(transport: "irc").isEmpty)

            // The real budi, back under any nick, is accepted: the refusals were about identity.
            let back = try await inChannel(on: server, nick: "budi_kantor", account: "budi", register: false)
            try await back.command("ambil \(code)", in: Self.channel, expect: "✔ \(code) diambil oleh budi")
            try await citizen.waitForLine(from: "aduan", to: "warga_curiga", containing: "sedang ditangani", since: citizenMark)
            let record = try #require(try bot.database.case(tracking: code))
            #expect(record.status == "in_progress")
            #expect(record.assignee == "irc-account:budi")
            await back.close()
            await perkim.close()
            await other.close()
            await citizen.close()
        }
    }

    @Test("on ngircd (no services, no accounts) a staff command from the nick budi is refused with the account message and changes nothing",
          .timeLimit(.minutes(1)))
    func noAccountsOnNgircd() async throws {
        try await NgircdServer.withBot { server, bot in
            let budi = try await IRCTestClient.connect(port: server.port, nick: "budi")
            try await budi.join(Self.channel)
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_ngircd")
            let code = try await citizen.fileComplaint()
            try await waitForAnnouncement(of: code, on: budi)
            try await bot.waitUntilOutboxEmpty("the outbox delivered", timeout: .seconds(5))
            let before = try CaseSnapshot(bot.database, code: code)
            let citizenMark = await citizen.mark

            for command in ["ambil \(code)", "balas \(code) Tim kami meluncur", "selesai \(code) sudah ditambal"] {
                let refused = try await budi.command(command, in: Self.channel, expect: "akun")
                #expect(!refused.contains { $0.hasPrefix("✔") })
            }
            // Chatter is not a command: no answer at all.
            let chatterMark = await budi.mark
            try await budi.send("PRIVMSG \(Self.channel) :selamat pagi semua")
            try await Task.sleep(for: .seconds(1))
            #expect(await budi.texts(from: "aduan", to: Self.channel, since: chatterMark).isEmpty)

            #expect(try CaseSnapshot(bot.database, code: code) == before)
            #expect(try bot.runtime.pendingOutbox(transport: "irc").isEmpty)
            #expect(await citizen.texts(from: "aduan", since: citizenMark).isEmpty)
            await citizen.close()
            await budi.close()
        }
    }

    // MARK: - The outbox survives outages

    @Test("a status notice written while the bot is stopped waits in the outbox and is delivered exactly once when it starts again",
          .timeLimit(.minutes(2)))
    func outboxSurvivesBotRestart() async throws {
        try await InspircdServer.withBotAccount(folder: "aduan-irc-outbox") { server, folder in
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_tunggu")
            let code = try await startBot(on: server, folder: folder).whileRunning { first in
                let code = try await citizen.fileComplaint()
                try await first.waitUntilOutboxEmpty("the announcement delivered", timeout: .seconds(10))
                return code
            }

            // The bot is down: budi takes the case through the runtime on the same database (as
            // another transport's desk would); the citizen's notice waits for IRC.
            let (replies, waiting) = try await budiTakesWhileBotIsDown(code, folder: folder)
            #expect(replies.map(\.text).contains { $0.hasPrefix("✔ \(code) diambil") })
            #expect(waiting.count == 1)
            #expect(waiting.first?.destination == .user("irc:warga_tunggu"))
            #expect(waiting.first?.text.contains("sedang ditangani") == true)
            #expect(await count("sedang ditangani", from: citizen) == 0)

            // Started again: the notice arrives once and is marked sent.
            try await startBot(on: server, folder: folder).whileRunning { second in
                try await citizen.waitForLine(from: "aduan", to: "warga_tunggu", containing: "Aduan \(code) sedang ditangani")
                try await second.waitUntilOutboxEmpty("the outbox marked sent", timeout: .seconds(10))
            }

            // A third start sends nothing again.
            try await startBot(on: server, folder: folder).whileRunning { third in
                try await Task.sleep(for: .seconds(3))
                #expect(await count("sedang ditangani", from: citizen) == 1)
                #expect(try third.runtime.pendingOutbox(transport: "irc").isEmpty)
            }
            await citizen.close()
        }
    }

    @Test("a notice for a logged-in citizen, written while the bot is stopped, waits after the restart until the citizen writes (no nick is known for the account), then arrives once",
          .timeLimit(.minutes(2)))
    func outboxToAccountAfterBotRestart() async throws {
        try await InspircdServer.withBotAccount(folder: "aduan-irc-outbox-account") { server, folder in
            let citizen = try await server.loggedInClient(nick: "warga_akun", account: "wargaakun")
            let code = try await startBot(on: server, folder: folder).whileRunning { first in
                let code = try await citizen.fileComplaint()
                try await first.waitUntilOutboxEmpty("the announcement delivered", timeout: .seconds(10))
                return code
            }
            let (_, waiting) = try await budiTakesWhileBotIsDown(code, folder: folder)
            #expect(waiting.first?.destination == .user("irc-account:wargaakun"))
            try await startBot(on: server, folder: folder).whileRunning { second in
                // The new bot has not seen the account: the notice is held, not dropped.
                try await Task.sleep(for: .seconds(3))
                #expect(await count("sedang ditangani", from: citizen) == 0)
                #expect(try second.runtime.pendingOutbox(transport: "irc").count == 1)
                // The citizen writes (under another nick, even): the bot learns where they are.
                try await citizen.changeNick(to: "warga_akun2")
                try await citizen.say("status", to: "aduan", expect: code)
                try await citizen.waitForLine(from: "aduan", to: "warga_akun2", containing: "Aduan \(code) sedang ditangani")
                try await second.waitUntilOutboxEmpty("the outbox marked sent", timeout: .seconds(10))
                try await Task.sleep(for: .seconds(3))
                #expect(await count("sedang ditangani", from: citizen) == 1)
            }
            await citizen.close()
        }
    }

    @Test("the bot is stopped while an announcement is still going out; after the restart every line of it is in the channel once",
          .timeLimit(.minutes(1)))
    func stopWhileDelivering() async throws {
        let server = try NgircdServer.start()
        defer { server.stop() }
        let folder = try Repository.temporaryFolder("aduan-irc-stop")
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = try await IRCTestClient.connect(port: server.port, nick: "staf_pupr")
        let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_buru")
        // Stopped at once after filing: the announcement (two channels, five lines each) is being written.
        let code = try await RunningBot.start(port: server.port, folder: folder).whileRunning { _ in
            try await watcher.join(Self.channel)
            return try await citizen.fileComplaint()
        }
        try await RunningBot.start(port: server.port, folder: folder).whileRunning { second in
            try await waitForAnnouncement(of: code, on: watcher)
            try await second.waitUntilOutboxEmpty("the outbox marked sent", timeout: .seconds(10))
            try await Task.sleep(for: .seconds(3))
            let lines = await watcher.texts(from: "aduan", to: Self.channel)
            #expect(lines.filter { $0.hasPrefix("Aduan baru \(code)") }.count == 1, "\(lines)")
            #expect(lines.filter { $0 == "Ketik: ambil \(code)" }.count == 1, "\(lines)")
        }
        await watcher.close()
        await citizen.close()
    }

    @Test("with the IRC server down, a staff command and overdue alarms fill the outbox; after the server restarts and the bot reconnects each message arrives once",
          .timeLimit(.minutes(2)))
    func outboxSurvivesServerRestart() async throws {
        // A fixed 1.5 s wait before each reconnect, so the citizen and staff are back first;
        // the service's own clock is kept out of the way (the test runs the clock itself).
        let backoff = IRCReconnectBackoff(initial: .milliseconds(1500), maximum: .milliseconds(1500), jitter: 0)
        try await NgircdServer.withBot(backoff: backoff, clockInterval: .seconds(3600)) { server, bot in
            let watcher = try await IRCTestClient.connect(port: server.port, nick: "staf_pupr")
            try await watcher.join(Self.channel)
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_sabar")
            let code = try await citizen.fileComplaint()
            try await waitForAnnouncement(of: code, on: watcher)
            try await bot.waitUntilOutboxEmpty("the announcement delivered", timeout: .seconds(10))

            server.crash()
            await citizen.close()
            await watcher.close()
            try await bot.waitUntil("disconnected", timeout: .seconds(5)) { await !bot.connection.isRegistered }

            // While the server is down: budi takes the case (through the runtime, as an account
            // the network would vouch for), and the case's deadline has passed, so the clock
            // escalates it.
            let replies = try await budiTakes(code, through: bot.runtime)
            #expect(replies.map(\.text).contains { $0.hasPrefix("✔ \(code) diambil") })
            var record = try #require(try bot.database.case(tracking: code))
            record.version += 1
            record.dueAt = Date().addingTimeInterval(-3600)
            record.alarmAt = Date().addingTimeInterval(-3600)
            try bot.database.save(CaseChange(record: record, at: record.updatedAt, events: []))
            #expect(try bot.runtime.runClock() >= 1)

            let waiting = try bot.runtime.pendingOutbox(transport: "irc")
            let toCitizen = waiting.filter { $0.message.destination == .user("irc:warga_sabar") }.map(\.message.text)
            let toChannel = waiting.filter { $0.message.destination == .channel(Self.channel) }.map(\.message.text)
            #expect(toCitizen.count == 1 && toCitizen.first?.contains("sedang ditangani") == true)
            // Past the deadline the reminders are skipped; the first escalation step (the head)
            // goes to the agency's channel.
            #expect(toChannel.contains { $0.contains("ESKALASI tingkat 1") && $0.contains(code) }, "\(toChannel)")
            #expect(waiting.count == toCitizen.count + toChannel.count)

            try server.launch()
            let back = try await IRCTestClient.connect(port: server.port, nick: "warga_sabar")
            let staff = try await IRCTestClient.connect(port: server.port, nick: "staf_pupr")
            try await staff.join(Self.channel)
            try await bot.waitUntil("registered again", timeout: .seconds(15)) { await bot.connection.registrationCount == 2 }
            try await back.waitForLine(from: "aduan", to: "warga_sabar", containing: "Aduan \(code) sedang ditangani")
            for text in toChannel {
                try await staff.waitForLine(from: "aduan", to: Self.channel, containing: text)
            }
            try await bot.waitUntilOutboxEmpty("the outbox marked sent", timeout: .seconds(10))
            // One more delivery round passes: nothing is sent twice.
            try await Task.sleep(for: .seconds(3))
            #expect(await back.texts(from: "aduan", to: "warga_sabar").filter { $0.contains("sedang ditangani") }.count == 1)
            let channelTexts = await staff.texts(from: "aduan", to: Self.channel)
            for text in toChannel {
                #expect(channelTexts.filter { $0 == text }.count == 1, "\(text)")
            }
            await back.close()
            await staff.close()
        }
    }
}

extension IRCTestClient {
    /// Joins a staff channel and waits until the bot removes this client from it (`KICK`).
    func joinAndIsRemoved(from channel: String) async throws {
        try await join(channel)
        let me = nick
        let kick = try await waitFor("the bot's KICK from \(channel)") {
            $0.verb == "KICK" && $0.params.count >= 2 && $0.params[0].lowercased() == channel.lowercased() && $0.params[1] == me
        }
        #expect(kick.sourceParts?.nick == "aduan")
    }

    /// Says `text` in `channel` from outside it: the server refuses it (`404`, the channel takes
    /// no messages from outside), so no command reaches the bot.
    func commandIsRefusedByServer(_ text: String, in channel: String) async throws {
        let start = mark
        try await send("PRIVMSG \(channel) :\(text)")
        try await waitFor("the server's 404 for \"\(text.prefix(30))\"", from: start) { $0.verb == "404" }
    }

    /// Says `text` in `channel` and waits until the bot answers there with a line containing
    /// `expect`; returns the bot's lines in the channel since the command was sent.
    @discardableResult
    func command(_ text: String, in channel: String, expect: String, bot: String = "aduan",
                 timeout: Duration = .seconds(20)) async throws -> [String] {
        let start = mark
        try await send("PRIVMSG \(channel) :\(text)")
        try await waitFor("answer containing \"\(expect)\" to \"\(text.prefix(40))\" in \(channel)", from: start, timeout: timeout) { m in
            m.verb == "PRIVMSG" && m.sourceParts?.nick.lowercased() == bot.lowercased()
                && m.params.first?.lowercased() == channel.lowercased() && m.params.last?.contains(expect) == true
        }
        return texts(from: bot, to: channel, since: start)
    }

    /// Waits for a `PRIVMSG` from `sender` to `target` (a channel, or this client's nick)
    /// containing `piece`, received at or after `since`.
    func waitForLine(from sender: String, to target: String, containing piece: String, since: Int = 0,
                     timeout: Duration = .seconds(15)) async throws {
        try await waitFor("a line from \(sender) to \(target) containing \"\(piece.prefix(60))\"", from: since, timeout: timeout) { m in
            m.verb == "PRIVMSG" && m.sourceParts?.nick.lowercased() == sender.lowercased()
                && m.params.first?.lowercased() == target.lowercased() && m.params.last?.contains(piece) == true
        }
    }
}
