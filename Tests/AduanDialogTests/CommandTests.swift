import AduanDialog
import AduanWilayah
import Testing

/// The words that work in every state: batal, kembali, ulang, bantuan, status, bahasa.
@Suite struct CommandTests {
    static let details = "Jalan berlubang di depan pasar sejak bulan lalu."

    /// A chat waiting at the details question, after location and category.
    static func atDetails() -> Chat {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "1"])
        return chat
    }

    @Test(arguments: ["batal", "Batal", "BATAL!", "batalkan", "cancel"])
    func cancelInTheMiddle(_ word: String) {
        let chat = Self.atDetails()
        let reply = chat.send(word)
        #expect(reply == "Aduan dibatalkan dan tidak dikirim. Kirim pesan apa saja bila ingin mengadu lagi.")
        #expect(chat.state == .idle)
        #expect(chat.filings.isEmpty)
        #expect(chat.send("halo").hasPrefix("Selamat datang"))
        #expect(chat.state.values.isEmpty)
    }

    @Test func aCommandInsideASentenceIsAnAnswer() {
        let chat = Self.atDetails()
        chat.send("Perbaikan jalan batal dilaksanakan, lubangnya makin besar.")
        #expect(chat.current == "identitas")
        #expect(chat.state.values["uraian"] == .text("Perbaikan jalan batal dilaksanakan, lubangnya makin besar."))
    }

    @Test func backGoesToThePreviousQuestionAndUndoesItsAnswer() {
        let chat = Self.atDetails()
        #expect(chat.state.values["kategori"] == .choice("jalan"))
        let reply = chat.send("kembali")
        #expect(reply.hasPrefix("📂 Masalahnya termasuk jenis apa?"))
        #expect(chat.current == "kategori")
        #expect(chat.state.values["kategori"] == nil)
        #expect(chat.state.values["lokasi"] == .place(Place(kecamatan: "Kintamani", desa: "Batur Selatan")))
        chat.send("kembali")
        #expect(chat.current == "lokasi")
        #expect(chat.state.values["lokasi"] == nil)
        // A new answer, and on again.
        chat.send(["abuan susut", "2"])
        #expect(chat.current == "uraian")
        #expect(chat.state.values["kategori"] == .choice("sampah"))
    }

    @Test func backRestoresThePreviousAnswerWhenChanging() {
        let chat = Self.atDetails()
        chat.send([Self.details, "1", "tidak", "tidak", "2", "sampah"])
        #expect(chat.current == "konfirmasi")
        #expect(chat.state.values["kategori"] == .choice("sampah"))
        // Back from the summary: the category question again, with the earlier answer in place.
        chat.send("kembali")
        #expect(chat.current == "ubah_kategori")
        #expect(chat.state.values["kategori"] == .choice("jalan"))
        chat.send("kembali")
        #expect(chat.current == "ubah")
        chat.send("kembali")
        #expect(chat.current == "konfirmasi")
        let summary = chat.send("kembali")
        #expect(chat.current == "mau_kontak")
        #expect(summary.hasPrefix("📞 Bolehkah petugas menghubungi Anda"))
        chat.send(["tidak", "ya"])
        #expect(chat.filings.first?.category == "jalan")
    }

    @Test func backAtTheFirstQuestion() {
        let chat = Chat()
        chat.send("halo")
        let reply = chat.send("kembali")
        #expect(reply.hasPrefix("Ini sudah pertanyaan pertama.\n\n📍 Di mana lokasi masalahnya?"))
        #expect(chat.current == "lokasi")
        #expect(chat.send("back").hasPrefix("Ini sudah pertanyaan pertama."))
    }

    @Test func backDuringTheLocationFollowUp() {
        let chat = Chat()
        chat.send(["halo", "abuan"])
        #expect(chat.state.pending != nil)
        let reply = chat.send("kembali")
        #expect(reply.hasPrefix("📍 Di mana lokasi masalahnya?"))
        #expect(chat.current == "lokasi")
        #expect(chat.state.pending == nil)
        // "abuan" no longer means the offered list: "2" is not a place.
        #expect(chat.send("2").hasPrefix("Maaf, tempat itu tidak saya temukan"))

        let which = Chat()
        which.send(["halo", "kintamni"])
        #expect(which.state.pending == .desaIn("Kintamani"))
        which.send("kembali")
        #expect(which.state.pending == nil && which.current == "lokasi")
    }

    @Test func restartInTheMiddle() {
        let chat = Self.atDetails()
        let reply = chat.send("ulang")
        #expect(reply.hasPrefix("Baik, kita mulai lagi dari awal.\n\nSelamat datang"))
        #expect(reply.hasSuffix("Contoh: \(DialogFixtures.catalog.exampleLocation)"))
        #expect(chat.current == "lokasi")
        #expect(chat.state.values.isEmpty)
        #expect(chat.state.trail.isEmpty)
        #expect(chat.send("mulai ulang").hasPrefix("Baik, kita mulai lagi dari awal."))
    }

    @Test func helpListsTheCommandsAndAsksAgain() {
        let chat = Self.atDetails()
        let before = chat.state
        let reply = chat.send("bantuan")
        for command in ["*kembali*", "*batal*", "*ulang*", "*status*", "*status* + nomor aduan", "*bahasa en*", "*bantuan*", "112"] {
            #expect(reply.contains(command), "help lacks \(command)")
        }
        #expect(reply.hasPrefix("ℹ️ *Bantuan 24 Jam Bangli Era Baru*"))
        #expect(reply.hasSuffix("Contoh: _Jalan berlubang besar di depan SD 2, sudah dua minggu, motor sering jatuh._"))
        #expect(chat.state == before)
        #expect(chat.send("?").hasPrefix("ℹ️ *Bantuan"))
        #expect(chat.send("help").hasPrefix("ℹ️ *Bantuan"))
    }

    @Test func helpInEnglish() {
        let chat = Self.atDetails()
        chat.send("bahasa en")
        let reply = chat.send("help")
        for command in ["*back*", "*cancel*", "*restart*", "*status*", "*bahasa id*", "*help*", "112"] {
            #expect(reply.contains(command), "help lacks \(command)")
        }
        #expect(reply.hasPrefix("ℹ️ *Bangli 24 Hours help*"))
    }

    @Test func statusInTheMiddleLeavesTheAnswersAlone() {
        let chat = Self.atDetails()
        let before = chat.state
        let reply = chat.send("status")
        #expect(chat.last.effects.first == .showStatus(tracking: nil))
        #expect(reply.hasPrefix("📝 Ceritakan masalahnya"))
        #expect(chat.state == before)
        chat.send("status bgl-k7m-4qx")
        #expect(chat.last.effects.first == .showStatus(tracking: "BGLK7M4QX"))
        chat.send("BGL-K7M-4QX")
        #expect(chat.last.effects.first == .showStatus(tracking: "BGLK7M4QX"))
        chat.send("cek status")
        #expect(chat.last.effects.first == .showStatus(tracking: nil))
        #expect(chat.state == before)
    }

    @Test func statusRepliesAreRenderedFromTheDialogsMessages() {
        let engine = Chat().engine
        #expect(engine.statusReply(cases: [], query: nil, language: "id") == "Belum ada aduan yang tercatat atas nama Anda.")
        #expect(engine.statusReply(cases: [], query: "bglk7m4qx", language: "id").hasPrefix("Nomor aduan *BGL-K7M-4QX* tidak ada"))
        // Not the shape of a number: shown as typed, upper-cased.
        #expect(engine.statusReply(cases: [], query: "abc", language: "en").hasPrefix("Complaint number *ABC* is not"))
        let summary = CaseSummary(
            tracking: "BGL-K7M-4QX", status: .inProgress, category: "jalan", opd: "pupr",
            place: Place(kecamatan: "Susut", desa: "Abuan"), filedAt: DialogFixtures.now,
            updatedAt: DialogFixtures.now.addingTimeInterval(3600))
        #expect(engine.statusReply(cases: [summary], query: nil, language: "id") == """
            • *BGL-K7M-4QX*: diproses
              Jalan atau jembatan rusak, Desa Abuan, Kecamatan Susut
              Ditangani: Dinas PUPR. Dikirim 6 Jan 2026 09.00 WITA, diperbarui 6 Jan 2026 10.00 WITA.
            """)
        #expect(engine.statusReply(cases: [summary], query: nil, language: "en").contains("Handled by: Public Works Agency"))
    }

    @Test func languageInTheMiddle() throws {
        let chat = Self.atDetails()
        let reply = chat.send("bahasa en")
        #expect(reply.hasPrefix("OK, let's continue in English.\n\n📝 Briefly describe the problem:"))
        #expect(chat.state.language == "en")
        #expect(chat.current == "uraian")
        chat.send([Self.details, "1", "no"])
        let summary = chat.reply
        #expect(summary.contains("📂 Kind: Damaged road or bridge"))
        #expect(summary.contains("📍 Location: Desa Batur Selatan, Kecamatan Kintamani"))
        // Only the question is asked again, not the summary message before it.
        #expect(chat.send("bahasa indonesia") == "Baik, kita lanjutkan dalam Bahasa Indonesia.\n\n"
            + "Sudah benar? Balas *ya* untuk mengirim aduan, atau *tidak* untuk mengubahnya.")
        #expect(chat.state.language == "id")
        chat.send("ya")
        #expect(try #require(chat.filings.first).language == "id")
    }

    @Test func languageWithoutALanguageListsThem() {
        let chat = Self.atDetails()
        #expect(chat.send("bahasa").hasPrefix("Ketik *bahasa id* untuk Bahasa Indonesia, atau *bahasa en* untuk English.\n\n📝"))
        #expect(chat.send("bahasa jawa").hasPrefix("Ketik *bahasa id*"))
        #expect(chat.state.language == nil)
    }

    @Test func theLanguageSurvivesCancelAndTheEnd() {
        let chat = Chat()
        chat.send(["halo", "english", "cancel"])
        #expect(chat.reply == "The complaint was cancelled and not sent. Send any message if you want to start again.")
        #expect(chat.send("hi").hasPrefix("Welcome to the *Bangli 24 Hours* complaint service of Kabupaten Bangli."))
    }
}
