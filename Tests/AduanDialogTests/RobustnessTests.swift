import AduanDialog
import AduanWilayah
import Foundation
import Testing

/// Messages no dialog author plans for: emoji only, very long text, control characters, and a
/// script that loops.
@Suite struct RobustnessTests {
    static let long = String(repeating: "Jalan rusak parah sekali. ", count: 193)  // 5,018 characters

    /// A chat at the question `state` of `Dialogs/pengaduan.json`.
    static func chat(at state: String) -> Chat {
        let chat = Chat()
        let path = ["halo", "batur selatan", "1", "Jalan berlubang di depan pasar sejak bulan lalu.", "1", "ya"]
        let stops = ["lokasi": 1, "kategori": 2, "uraian": 3, "identitas": 4, "mau_kontak": 5, "kontak": 6]
        chat.send(Array(path.prefix(stops[state] ?? 0)))
        #expect(chat.current == state)
        return chat
    }

    @Test func emojiOnlyMessagesGetAHelpfulReply() {
        let first = Chat()
        #expect(first.send("🙏🙏🙏").hasPrefix("Selamat datang"))

        let location = Self.chat(at: "lokasi")
        #expect(location.send("😀").hasPrefix("Maaf, tempat itu tidak saya temukan di Kabupaten Bangli."))
        #expect(location.current == "lokasi")

        let category = Self.chat(at: "kategori")
        #expect(category.send("🙏").hasPrefix("Maaf, pilihan itu tidak ada di daftar."))

        let details = Self.chat(at: "uraian")
        #expect(details.send("🙏").hasPrefix("Ceritanya terlalu singkat. Mohon tulis paling sedikit 10 huruf."))
        #expect(details.current == "uraian")

        let yesNo = Self.chat(at: "mau_kontak")
        #expect(yesNo.send("🤔").hasPrefix("Maaf, saya belum mengerti. Mohon balas *ya* atau *tidak*."))
        yesNo.send("👍")
        #expect(yesNo.current == "kontak")

        let phone = Self.chat(at: "kontak")
        #expect(phone.send("📞").hasPrefix("Itu belum seperti nomor HP."))
        #expect(phone.current == "kontak")
    }

    @Test func aVeryLongMessageIsRefusedPolitely() {
        #expect(Self.long.count > 5_000)
        let first = Chat()
        #expect(first.send(Self.long).hasPrefix("Selamat datang"))

        let location = Self.chat(at: "lokasi")
        #expect(location.send(Self.long).hasPrefix("Maaf, tempat itu tidak saya temukan"))
        #expect(location.current == "lokasi")

        let category = Self.chat(at: "kategori")
        #expect(category.send(Self.long).hasPrefix("Maaf, pilihan itu tidak ada di daftar."))
        #expect(category.current == "kategori")

        let details = Self.chat(at: "uraian")
        let reply = details.send(Self.long)
        #expect(reply.hasPrefix("Pesannya terlalu panjang (paling banyak 2000 huruf). Mohon dipersingkat"))
        #expect(!reply.contains("Jalan rusak parah"), "the long text is not echoed back")
        #expect(details.current == "uraian")
        #expect(details.state.values["uraian"] == nil)

        let yesNo = Self.chat(at: "mau_kontak")
        #expect(yesNo.send(String(repeating: "ya ", count: 2_000)).hasPrefix("Maaf, saya belum mengerti."))

        let phone = Self.chat(at: "kontak")
        #expect(phone.send(String(repeating: "0812", count: 1_300)).hasPrefix("Itu belum seperti nomor HP."))

        // A long message made of command words is no command.
        let commands = Self.chat(at: "uraian")
        commands.send(String(repeating: "batal ", count: 900))
        #expect(commands.current == "uraian")
        #expect(commands.reply.hasPrefix("Pesannya terlalu panjang"))
    }

    @Test func theTextLengthLimitIsExact() {
        let atLimit = Self.chat(at: "uraian")
        atLimit.send(String(repeating: "a", count: 2_000))
        #expect(atLimit.current == "identitas")

        let over = Self.chat(at: "uraian")
        over.send(String(repeating: "a", count: 2_001))
        #expect(over.current == "uraian")

        // Characters as a person counts them: an emoji with a skin tone is one.
        let emoji = Self.chat(at: "uraian")
        emoji.send("Jalan rusak " + String(repeating: "👍🏽", count: 1_988))
        #expect(emoji.current == "identitas")

        let short = Self.chat(at: "uraian")
        short.send("rusak")
        #expect(short.reply.hasPrefix("Ceritanya terlalu singkat."))
        short.send("jalan rusak")
        #expect(short.current == "identitas")
    }

    @Test func controlCharactersAreStripped() throws {
        let chat = Self.chat(at: "uraian")
        chat.send("\r\nPRIVMSG #x :hi")
        #expect(chat.state.values["uraian"] == .text("PRIVMSG #x :hi"))
        chat.send(["1", "tidak"])
        for reply in chat.last.replies {
            #expect(!reply.unicodeScalars.contains { $0 == "\r" })
            #expect(!reply.split(separator: "\n").contains { $0.hasPrefix("PRIVMSG") })
        }

        // Inside a message: carriage returns, NUL, escape, DEL and C1 controls go; line breaks and tabs stay.
        let inside = Self.chat(at: "uraian")
        inside.send("Jalan rusak\r\nPRIVMSG #x :hi\u{0}\u{1B}[31m merah\u{7F}\u{85}\u{9B}\tdi pasar")
        #expect(inside.state.values["uraian"] == .text("Jalan rusak\nPRIVMSG #x :hi[31m merah\tdi pasar"))

        // Commands and answers still work with stray control characters around them.
        let command = Self.chat(at: "uraian")
        command.send("batal\r\n")
        #expect(command.state == .idle)
        let yes = Self.chat(at: "mau_kontak")
        yes.send("\u{0}ya\r")
        #expect(yes.current == "kontak")
    }

    @Test func answersAreNeverReadAsTemplates() throws {
        let chat = Self.chat(at: "uraian")
        chat.send("Tolong {{bot}} {{tracking}} {{kontak|x}} jalan rusak")
        chat.send(["1", "tidak"])
        #expect(chat.reply.contains("📝 Uraian: Tolong {{bot}} {{tracking}} {{kontak|x}} jalan rusak\n"))
        chat.send("ya")
        #expect(try #require(chat.filings.first).details == "Tolong {{bot}} {{tracking}} {{kontak|x}} jalan rusak")
    }

    @Test func blankMessagesAreNotAnswers() {
        let chat = Self.chat(at: "uraian")
        #expect(chat.send("   \n\t  ").hasPrefix("Ceritanya terlalu singkat."))
        #expect(chat.send("").hasPrefix("Ceritanya terlalu singkat."))
        #expect(chat.current == "uraian")
        let location = Self.chat(at: "lokasi")
        #expect(location.send(" ").hasPrefix("Maaf, tempat itu tidak saya temukan"))
    }

    static let loop = """
        {
          "format": 1, "id": "putar", "languages": ["id", "en"], "start": "tanya",
          "limits": { "max_steps_per_message": 10 },
          "states": [
            { "id": "tanya", "type": "question", "text": { "id": "Lagi?", "en": "Again?" },
              "input": { "type": "yes_no" }, "save": "lagi", "next": "cek" },
            { "id": "cek", "type": "branch",
              "rules": [ { "when": "lagi", "equals": true, "next": "putar" } ], "otherwise": "selesai" },
            { "id": "putar", "type": "message", "text": { "id": "Sekali lagi.", "en": "Once more." }, "next": "cek" },
            { "id": "selesai", "type": "end", "text": { "id": "Selesai.", "en": "Done." } }
          ],
          "messages": \(DialogFixtures.messages())
        }
        """

    @Test func aLoopingBranchStopsWithAScriptErrorAndAReset() throws {
        // Every state can reach the end, so the validator accepts it; the loop shows only at run time.
        #expect(DialogFixtures.problems(Self.loop) == [])
        let dialog = try DialogFixtures.dialog(Self.loop)
        #expect(dialog.maxStepsPerMessage == 10)
        let chat = Chat(dialog: dialog)
        #expect(chat.send("halo") == "Lagi?")
        chat.send("ya")
        #expect(chat.scriptErrors.count == 1)
        let error = try #require(chat.scriptErrors.first)
        #expect(error.hasPrefix("dialog \"putar\": more than 10 states for one message"))
        #expect(chat.last.replies.last == "script_error id")
        #expect(chat.last.replies.filter { $0 == "Sekali lagi." }.count <= 10)
        #expect(chat.state == .idle)
        // The next message starts afresh; the other way through still works.
        #expect(chat.send("halo") == "Lagi?")
        #expect(chat.send("tidak") == "Selesai.")
        #expect(chat.scriptErrors.count == 1)
    }

    @Test func aConversationOnAStateThatNoLongerExistsStartsOver() {
        var stale = ConversationState.idle
        stale.current = "hilang"
        stale.values["lokasi"] = .place(Place(kecamatan: "Susut", desa: "Abuan"))
        stale.trail = [.init(state: "hilang_juga", key: "lokasi", previous: nil)]
        stale.language = "en"
        let chat = Chat(state: stale)
        #expect(chat.send("halo").hasPrefix("Welcome"))
        #expect(chat.current == "lokasi")
        #expect(chat.state.values.isEmpty, "no answers from the old conversation")
        #expect(chat.state.trail.isEmpty)
        // So "back" cannot lead to a state that does not exist.
        #expect(chat.send("kembali").hasPrefix("This is already the first question."))
    }
}
