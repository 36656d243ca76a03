@testable import AduanIRC
import AduanIRCProtocol
import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Testing

/// The IRC bot against a real ngircd (Debian package `ngircd`), with the shipped Bangli bot and
/// dialog and a temporary SQLite file. Each test starts its own server on a free port, with the
/// server's default flood control, and stops it at the end. Without ngircd these tests fail
/// with "install ngircd: apt-get install ngircd".
@Suite("IRC bot against a real ngircd")
struct IRCIntegrationTests {
    @Test("a citizen files a complaint in private messages; the case is in the database and announced in #opd-pupr",
          .timeLimit(.minutes(1)))
    func fullIntake() async throws {
        try await NgircdServer.withBot { server, bot in
            let staff = try await IRCTestClient.connect(port: server.port, nick: "staf_pupr")
            try await staff.join("#opd-pupr")
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "Warga1")
            try await citizen.answerUntilDescription()
            try await citizen.say("Jalan berlubang besar di depan SD 2, sudah dua minggu, motor sering jatuh.",
                                  to: "aduan", expect: BangliIntake.privacyQuestion)
            try await citizen.say("1", to: "aduan", expect: BangliIntake.contactQuestion)
            try await citizen.say("ya", to: "aduan", expect: "Ketik *lewati*")
            let summary = try await citizen.say("0812 3456 7890", to: "aduan", expect: "Sudah benar?")
            #expect(summary.contains("📍 Lokasi: Desa Batur Selatan, Kecamatan Kintamani"))
            let done = try await citizen.say("ya", to: "aduan", expect: "status BGL-")
            let code = try BangliIntake.trackingNumber(in: done)

            // The case is in the database, under the citizen's IRC identity.
            let filed = try #require(try bot.database.case(tracking: code))
            #expect(filed.opd == "pupr")
            #expect(filed.kecamatan == "Kintamani")
            #expect(filed.desa == "Batur Selatan")
            #expect(filed.contact == "+6281234567890")
            #expect(filed.conversationKey == "bangli|irc:irc:warga1")

            // The staff channel gets the announcement, from the bot, through the outbox: the
            // contact masked, and the command to take the case last.
            let start = 0
            try await staff.waitFor("announcement of \(code)", from: start) {
                $0.verb == "PRIVMSG" && $0.sourceParts?.nick == "aduan" && $0.params.first == "#opd-pupr"
                    && $0.params.last?.contains("Aduan baru \(code)") == true
            }
            try await staff.waitFor("contact line", from: start) {
                $0.sourceParts?.nick == "aduan" && $0.params.last?.hasPrefix("Kontak: 0812*") == true
            }
            try await staff.waitFor("the take command line", from: start) {
                $0.sourceParts?.nick == "aduan" && $0.params.first == "#opd-pupr" && $0.params.last == "Ketik: ambil \(code)"
            }
            let channelText = await staff.texts(from: "aduan", to: "#opd-pupr").joined(separator: "\n")
            #expect(!channelText.contains("3456"), "the full phone number reached the staff channel")
            // Delivered: nothing waits in the outbox for IRC any more.
            try await bot.waitUntilOutboxEmpty("the outbox delivered", timeout: .seconds(5))
            // Nothing arrived cut by the server, and the bot never had to reconnect.
            let everything = await citizen.received.map(\.description) + staff.received.map(\.description)
            #expect(!everything.contains { $0.contains("[CUT]") })
            #expect(await bot.connection.registrationCount == 1)

            // A graceful stop says goodbye with QUIT.
            let mark = await staff.mark
            await bot.stop()
            try await staff.waitFor("the bot's QUIT", from: mark) { $0.verb == "QUIT" && $0.sourceParts?.nick == "aduan" }
            await citizen.close()
            await staff.close()
        }
    }

    @Test("a 2,000-character message with emoji, cut by the citizen's client: no disconnect, kept whole as the description, emoji intact",
          .timeLimit(.minutes(1)))
    func longMessage() async throws {
        try await NgircdServer.withBot(unlimited: true) { server, bot in
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_panjang")
            try await citizen.answerUntilDescription()
            let unit = "Jalan rusak 🚧 berlubang dalam 🙏🏽 di depan pasar desa, motor jatuh 👨‍👩‍👧 tiap hari. "
            let text = String(String(repeating: unit, count: 40).prefix(2000)).trimmingCharacters(in: .whitespaces)
            #expect(text.count >= 1999)
            // A real client cuts a long message into lines the server accepts (ngircd drops a
            // client that sends more than 512 bytes in one line: "Request too long"), each as full
            // as its relayed prefix allows, and sends them at its pace: irssi waits 2 s + 1 s per
            // 100 bytes after each (here once, 5 s — longer than any pause between keystrokes —
            // to keep the test short and clear of the 9 s window on a busy machine).
            let relayedSource = "warga_panjang!~warga_panjang@127.0.0.1"
            let pieces = try IRCTextSplitter(sourceLength: relayedSource.utf8.count).split(text, target: "aduan")
            #expect(pieces.count >= 5)
            let start = await citizen.mark
            for (index, piece) in pieces.enumerated() {
                if index == 3 { try await Task.sleep(for: .seconds(5)) }
                try await citizen.send("PRIVMSG aduan :\(piece)")
            }
            // One answer: the next question, once.
            try await citizen.waitFor("the privacy question") {
                $0.sourceParts?.nick == "aduan" && $0.params.last?.contains(BangliIntake.privacyQuestion) == true
            }
            try await Task.sleep(for: .seconds(2))
            let answers = await citizen.texts(from: "aduan", since: start)
            #expect(!answers.contains { $0.contains("Maaf, saya belum mengerti") }, "a piece was taken for an answer")
            #expect(answers.filter { $0.contains(BangliIntake.privacyQuestion) }.count == 1)

            let code = try await citizen.confirmWithoutContact()
            let filed = try #require(try bot.database.case(tracking: code))
            #expect(filed.details == text, "the description is not the whole text")
            // The bot's own long lines (the summary echoes the description) arrived whole.
            let all = await citizen.texts(from: "aduan")
            #expect(all.allSatisfy { !$0.unicodeScalars.contains("\u{FFFD}") && !$0.contains("[CUT]") })
            #expect(all.joined(separator: " ").contains("👨‍👩‍👧"))
            #expect(await bot.connection.registrationCount == 1)
            await citizen.close()
        }
    }

    @Test("an injection attempt never becomes a command of the bot's own", .timeLimit(.minutes(1)))
    func injection() async throws {
        try await NgircdServer.withBot { server, bot in
            let staff = try await IRCTestClient.connect(port: server.port, nick: "staf_pupr")
            try await staff.join("#opd-pupr")
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "penyusup")
            try await citizen.answerUntilDescription()
            // CR LF inside the text: the server sees two commands; the second one is the
            // citizen's own message to the channel, not the bot's.
            let start = await citizen.mark
            try await citizen.sendRaw(Array("PRIVMSG aduan :jalan rusak PRIVMSG #opd-pupr :palsu\r\nPRIVMSG #opd-pupr :palsu\r\n".utf8))
            try await citizen.waitFor("the privacy question", from: start) { $0.params.last?.contains(BangliIntake.privacyQuestion) == true }
            let code = try await citizen.confirmWithoutContact()
            try await staff.waitFor("the announcement's summary line", from: 0) {
                $0.sourceParts?.nick == "aduan" && $0.params.last == "jalan rusak PRIVMSG #opd-pupr :palsu"
            }
            try await staff.waitFor("the announcement's last line", from: 0) {
                $0.sourceParts?.nick == "aduan" && $0.params.last == "Ketik: ambil \(code)"
            }
            let received = await staff.received
            // The citizen's own line did reach the channel: the attempt was real.
            #expect(received.contains { $0.sourceParts?.nick == "penyusup" && $0.params.last == "palsu" })
            // From the bot, "palsu" appears only inside the announcement text.
            let fromBot = received.filter { $0.sourceParts?.nick == "aduan" && $0.verb == "PRIVMSG" }
            #expect(!fromBot.isEmpty)
            #expect(fromBot.allSatisfy { $0.params == ["#opd-pupr", $0.params[1]] && $0.params[1] != "palsu" })
            #expect(fromBot.filter { $0.params[1].contains("palsu") }.map { $0.params[1] } == ["jalan rusak PRIVMSG #opd-pupr :palsu"])
            #expect(try bot.database.case(tracking: code)?.details == "jalan rusak PRIVMSG #opd-pupr :palsu")
            #expect(await bot.connection.registrationCount == 1)
            await citizen.close()
            await staff.close()
        }
    }

    @Test("a chat message counts as written once its own lines are, while the ones behind it still wait for flood control",
          .timeLimit(.minutes(1)))
    func chatStatusPerMessage() async throws {
        // What the outbox relies on to mark an announcement delivered while citizens' replies
        // keep the send queue busy.
        let server = try NgircdServer.start()
        defer { server.stop() }
        let listener = try await IRCTestClient.connect(port: server.port, nick: "pendengar")
        try await listener.join("#uji")
        let settings = IRCConnectionConfiguration(
            host: "127.0.0.1", port: server.port, client: IRCClientConfiguration(nick: "aduan", channels: [IRCChannelJoin("#uji")]),
            flood: IRCFloodControl(burst: 1, interval: .milliseconds(300)), backoff: RunningBot.testBackoff,
            connectTimeout: .seconds(2))
        let connection = IRCConnection(configuration: settings, logger: TestLog.logger("aduan.irc"))
        let task = Task { await connection.run() }
        defer { task.cancel() }
        try await eventually("the bot: not in #uji") { await connection.joinedChannels == ["#uji"] }

        let first = await connection.send(contentsOf: [OutboundMessage(.channel("#uji"), "satu\ndua")])
        let second = await connection.send(contentsOf: [OutboundMessage(.channel("#uji"), "tiga\nempat\nlima")])
        #expect(second == first + 1)
        #expect(await connection.chatStatus(first) == .waiting)
        try await connection.waitUntilWritten(first)
        // Three more lines, 300 ms apart, still to go.
        #expect(await connection.chatStatus(second) == .waiting)
        #expect(await connection.pendingChatCount == 1)
        let mark = await listener.mark
        try await listener.waitFor("the last line of the second message, after the first was written", from: mark) {
            $0.sourceParts?.nick == "aduan" && $0.params == ["#uji", "lima"]
        }
        try await connection.waitUntilWritten(second)
        #expect(await listener.texts(from: "aduan", to: "#uji") == ["satu", "dua", "tiga", "empat", "lima"])
        await connection.quit(reason: "selesai", flushTimeout: .milliseconds(500))
        task.cancel()
        await listener.close()
    }

    @Test("a message to a nick nobody has is known not to have reached anyone (401 before the PONG of a later PING)",
          .timeLimit(.minutes(1)))
    func refusedNick() async throws {
        let server = try NgircdServer.start()
        defer { server.stop() }
        let listener = try await IRCTestClient.connect(port: server.port, nick: "pendengar")
        let settings = IRCConnectionConfiguration(host: "127.0.0.1", port: server.port, client: IRCClientConfiguration(nick: "aduan"),
                                                  backoff: RunningBot.testBackoff, connectTimeout: .seconds(2))
        let connection = IRCConnection(configuration: settings, logger: TestLog.logger("aduan.irc"))
        let task = Task { await connection.run() }
        defer { task.cancel() }
        try await eventually("the bot: not registered") { await connection.isRegistered }
        func sendAndConfirm(_ identity: String, _ text: String) async throws -> Bool? {
            let mark = await connection.refusalMark
            let number = await connection.send(contentsOf: [OutboundMessage(.user(identity), text)])
            try await connection.waitUntilWritten(number)
            return await connection.reached(identity, since: mark)
        }
        #expect(try await sendAndConfirm("irc:sudah_pergi", "Aduan Anda sedang dikerjakan.") == false)
        #expect(try await sendAndConfirm("irc:pendengar", "Aduan Anda sedang dikerjakan.") == true)
        try await listener.waitFor("the message that reached them") {
            $0.sourceParts?.nick == "aduan" && $0.params == ["pendengar", "Aduan Anda sedang dikerjakan."]
        }
        // An earlier refusal of another nick does not count against this one.
        #expect(try await sendAndConfirm("irc:sudah_pergi", "lagi") == false)
        #expect(try await sendAndConfirm("irc:pendengar", "lagi") == true)
        await connection.quit(reason: "selesai", flushTimeout: .milliseconds(500))
        task.cancel()
        await listener.close()
    }

    @Test("a message for a citizen who is not on the network waits in the outbox and reaches them when they are back",
          .timeLimit(.minutes(1)))
    func offlineCitizenGetsUpdateLater() async throws {
        try await NgircdServer.withBot { server, bot in
            // What the desk writes when staff act on a case of warga_pergi, who is not connected.
            let text = try await bot.holdsForAbsent("irc:warga_pergi")
            // The citizen comes back, without writing: a later look finds them, and the message goes.
            try await bot.comesBack("warga_pergi", port: server.port, receives: text).close()
        }
    }

    @Test("a citizen who comes back and writes at once gets what waited for them first, then the answer",
          .timeLimit(.minutes(1)))
    func heldMessagesBeforeTheAnswer() async throws {
        try await NgircdServer.withBot { server, bot in
            let text = try await bot.holdsForAbsent("irc:warga_kembali")
            // They come back and write before the bot's next look.
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_kembali")
            try await citizen.say("halo", to: "aduan", expect: "Contoh: Cempaga, Bangli")
            let lines = await citizen.texts(from: "aduan")
            #expect(lines.first == text, "the answer came before what waited: \(lines.prefix(2))")
            #expect(lines.dropFirst().first?.hasPrefix("Selamat datang") == true)
            await citizen.close()
        }
    }

    @Test("a citizen who leaves between the presence check and the message: the refusal keeps it in the outbox until they are back",
          .timeLimit(.minutes(1)))
    func citizenLeavesWhileQueued() async throws {
        try await NgircdServer.withBot { server, bot in
            let leaving = try await IRCTestClient.connect(port: server.port, nick: "warga_pamit")
            let text = try await bot.queuesBehindOwnAnswers(of: leaving, asking: ["halo", "bantuan", "halo"])
            // …and they leave while it waits behind the answers.
            await leaving.close()
            try await bot.waitUntil("the send queue drained", timeout: .seconds(30)) { await bot.connection.pendingChatCount == 0 }
            try await Task.sleep(for: .seconds(1))
            #expect(try bot.runtime.pendingOutbox(transport: "irc").map(\.message.text) == [text],
                    "marked delivered although the server refused the nick")
            // Back: it arrives.
            try await bot.comesBack("warga_pamit", port: server.port, receives: text).close()
        }
    }

    @Test("a citizen who leaves while the bot is stopping: the message being written is refused, so it stays in the outbox",
          .timeLimit(.minutes(1)))
    func citizenLeavesWhileBotStops() async throws {
        // Without the server's flood control, which would hold the bot's PING behind its earlier
        // lines for a long time; the bot's own still paces them.
        let server = try NgircdServer.start(floodControl: false)
        defer { server.stop() }
        let folder = try Repository.temporaryFolder("aduan-irc-stop")
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorder = LogRecorder()
        let bot = try await RunningBot.start(port: server.port, folder: folder, recorder: recorder)
        let leaving = try await IRCTestClient.connect(port: server.port, nick: "warga_pamit")
        let text = try await bot.queuesBehindOwnAnswers(of: leaving, asking: ["halo", "bantuan"])

        // The bot is told to stop (SIGTERM), and the citizen leaves before their message is written.
        // (A graceful stop writes what is queued first: several seconds; more on a busy machine.)
        let stopping = Task { await bot.stop(patience: .seconds(40)) }
        await leaving.close()
        await stopping.value
        // The stop was graceful: the message was written before the bot's QUIT…
        let trace = recorder.messages
        let written = trace.firstIndex { $0.hasPrefix("-> PRIVMSG warga_pamit :") && $0.hasSuffix(text) }
        let quit = trace.firstIndex { $0.hasPrefix("-> QUIT") }
        #expect(written != nil && quit != nil && written! < quit!, "the message was not written before QUIT")
        // …but refused, so it waits for the citizen's return.
        let database = try AduanDatabase(path: folder.appendingPathComponent("aduan.sqlite").path)
        defer { try? database.close() }
        #expect(try database.pendingOutbox(botID: "bangli", transport: "irc").map(\.text) == [text],
                "marked delivered although the server refused the nick")
    }

    @Test("under flood control citizens take turns: one who writes while another gets a long answer is answered within a turn",
          .timeLimit(.minutes(1)))
    func citizensTakeTurns() async throws {
        try await NgircdServer.withBot { server, _ in
            let first = try await IRCTestClient.connect(port: server.port, nick: "warga_awal")
            let second = try await IRCTestClient.connect(port: server.port, nick: "warga_kedua")
            // The first citizen asks for the help text, the welcome and the help again: some 30
            // lines, 9 s at 350 ms a line after the burst of 4.
            for text in ["bantuan", "halo", "bantuan"] { try await first.send("PRIVMSG aduan :\(text)") }
            try await first.waitFor("the first answer") { $0.sourceParts?.nick == "aduan" }
            // The second writes while those are being sent: their first line comes at the next turn.
            try await second.send("PRIVMSG aduan :halo")
            try await second.waitFor("the first line of the answer", timeout: .seconds(20)) { $0.sourceParts?.nick == "aduan" }
            let firstSoFar = await first.texts(from: "aduan")
            #expect(firstSoFar.filter { $0 == "Contoh: Cempaga, Bangli" }.count < 3,
                    "the other citizen's answers were all sent first")
            // Both get their whole answers, each in order.
            try await second.waitFor("the end of the welcome", timeout: .seconds(20)) { $0.params.last == "Contoh: Cempaga, Bangli" }
            try await eventually("the first citizen's three answers", timeout: .seconds(30)) {
                await first.texts(from: "aduan").filter { $0 == "Contoh: Cempaga, Bangli" }.count == 3
            }
            let welcome = await second.texts(from: "aduan")
            #expect(welcome.first?.contains("Selamat datang") == true && welcome.last == "Contoh: Cempaga, Bangli")
            await first.close()
            await second.close()
        }
    }

    @Test("the server is killed and restarted mid-dialog: the bot reconnects, sends what waited, the citizen goes on",
          .timeLimit(.minutes(1)))
    func serverRestart() async throws {
        // A fixed 1.5 s wait before each reconnect, so the citizen is back on the server first.
        let backoff = IRCReconnectBackoff(initial: .milliseconds(1500), maximum: .milliseconds(1500), jitter: 0)
        try await NgircdServer.withBot(backoff: backoff) { server, bot in
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_sabar")
            try await citizen.say("halo", to: "aduan", expect: "Contoh: Cempaga, Bangli")
            try await citizen.say("kintamni", to: "aduan", expect: "Tulis nama desanya.")

            server.crash()
            await citizen.close()
            try await bot.waitUntil("disconnected", timeout: .seconds(5)) { await !bot.connection.isRegistered }
            // A message handed to the connection while it is down (not a direct reply, which it
            // would hand back: see the next test) waits for the next one.
            await bot.connection.send(OutboundMessage(.user("irc:warga_sabar"), "pesan tertunda"))
            #expect(await bot.connection.pendingChatCount == 1)

            try server.launch()
            let back = try await IRCTestClient.connect(port: server.port, nick: "warga_sabar")
            try await bot.waitUntil("registered again", timeout: .seconds(15)) { await bot.connection.registrationCount == 2 }
            try await back.waitFor("the message that waited") {
                $0.sourceParts?.nick == "aduan" && $0.params == ["warga_sabar", "pesan tertunda"]
            }
            #expect(await bot.connection.pendingChatCount == 0)
            // The conversation goes on at the desa question.
            let list = try await back.say("batur selatan", to: "aduan", expect: "14. Lainnya")
            #expect(!list.joined().contains("Selamat datang"))
            await back.close()
        }
    }

    @Test("the server goes down in the middle of a long answer; the citizen is back only after the bot: the whole answer reaches them",
          .timeLimit(.minutes(1)))
    func answerCutByServerRestart() async throws {
        let backoff = IRCReconnectBackoff(initial: .milliseconds(500), maximum: .milliseconds(500), jitter: 0)
        try await NgircdServer.withBot(backoff: backoff) { server, bot in
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_putus")
            try await citizen.say("halo", to: "aduan", expect: "Contoh: Cempaga, Bangli")
            // The category list: 15 lines, 350 ms a line after the burst of 4.
            try await citizen.send("PRIVMSG aduan :batur selatan kintamani")
            try await citizen.waitFor("the start of the list") { $0.sourceParts?.nick == "aduan" && $0.params.last?.hasPrefix("1. ") == true }
            server.crash()
            await citizen.close()
            try await bot.waitUntil("disconnected", timeout: .seconds(5)) { await !bot.connection.isRegistered }

            // The bot is back before the citizen: the rest of the list must not go to nobody.
            try server.launch()
            try await bot.waitUntil("registered again", timeout: .seconds(15)) { await bot.connection.registrationCount == 2 }
            try await Task.sleep(for: .seconds(2))
            #expect(try bot.runtime.pendingOutbox(transport: "irc").map(\.message.destination) == [.user("irc:warga_putus")],
                    "the unsent answer is not kept for the citizen")
            let back = try await IRCTestClient.connect(port: server.port, nick: "warga_putus")
            try await back.waitFor("the end of the list", timeout: .seconds(20)) {
                $0.sourceParts?.nick == "aduan" && $0.params.last == "14. Lainnya"
            }
            try await bot.waitUntilOutboxEmpty("the kept answer marked delivered", timeout: .seconds(5))
            // The conversation goes on at the category question.
            try await back.say("jalan", to: "aduan", expect: "Contoh: _Jalan berlubang")
            await back.close()
        }
    }

    @Test("a citizen who changes nick in a channel shared with the bot keeps the conversation; a private-only one cannot",
          .timeLimit(.minutes(1)))
    func nickChange() async throws {
        try await NgircdServer.withBot { server, bot in
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_lama")
            try await citizen.join("#aduan-bangli")
            try await citizen.say("halo", to: "aduan", expect: "Contoh: Cempaga, Bangli")
            try await citizen.say("kintamni", to: "aduan", expect: "Tulis nama desanya.")
            try await citizen.changeNick(to: "warga_baru")
            let list = try await citizen.say("batur selatan", to: "aduan", expect: "14. Lainnya")
            #expect(!list.joined().contains("Selamat datang"))
            #expect(await bot.connection.registrationCount == 1)

            // Without a shared channel the bot never sees the NICK: a new conversation starts.
            let loner = try await IRCTestClient.connect(port: server.port, nick: "warga_sendiri")
            try await loner.say("halo", to: "aduan", expect: "Contoh: Cempaga, Bangli")
            try await loner.changeNick(to: "warga_sendiri2")
            try await loner.say("kintamani", to: "aduan", expect: "Contoh: Cempaga, Bangli")
            await citizen.close()
            await loner.close()
        }
    }
}

extension IRCIntegrationTests {
    @Test("load: 40 citizens at once, flood control off on both sides; each gets their own answers, in order",
          .timeLimit(.minutes(1)))
    func manyCitizens() async throws {
        try await NgircdServer.withBot(unlimited: true) { server, bot in
            // ngircd's listen backlog is 10: connect one after another, then talk all at once.
            var citizens: [IRCTestClient] = []
            for index in 0..<40 {
                citizens.append(try await IRCTestClient.connect(port: server.port, nick: "warga\(index)"))
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for citizen in citizens {
                    group.addTask {
                        let start = await citizen.mark
                        try await citizen.send("PRIVMSG aduan :halo")
                        try await citizen.send("PRIVMSG aduan :kintamni")
                        try await citizen.send("PRIVMSG aduan :batur selatan")
                        let me = await citizen.nick
                        try await citizen.waitFor("the category list", from: start, timeout: .seconds(30)) {
                            $0.params.first == me && $0.params.last?.contains("14. Lainnya") == true
                        }
                        let texts = await citizen.texts(from: "aduan", to: me, since: start)
                        let welcome = texts.firstIndex { $0.contains("Selamat datang") }
                        let desa = texts.firstIndex { $0.contains("Tulis nama desanya.") }
                        let list = texts.firstIndex { $0.contains("14. Lainnya") }
                        #expect(welcome != nil && desa != nil && list != nil)
                        if let welcome, let desa, let list { #expect(welcome < desa && desa < list) }
                    }
                }
                try await group.waitForAll()
            }
            #expect(await bot.connection.registrationCount == 1)
            for citizen in citizens { await citizen.close() }
        }
    }
}

extension RunningBot {
    /// Waits until the bot has sent `count` lines containing `piece` (the last line of a
    /// question, one per answer) to `nick` since `since`; returns those lines.
    func waitUntilReplies(to client: IRCTestClient, nick: String, since: Int, count: Int, containing piece: String,
                          timeout: Duration = .seconds(30)) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let texts = await client.texts(from: "aduan", to: nick, since: since)
            let replies = texts.filter { $0.contains(piece) }
            if replies.count >= count { return replies }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw IRCTestClient.Timeout(description: "fewer than \(count) replies to \(nick) within \(timeout)")
    }
}
