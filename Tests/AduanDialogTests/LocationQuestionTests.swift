import AduanDialog
import AduanWilayah
import Testing

/// The location question of `Dialogs/pengaduan.json` with what citizens really type.
@Suite struct LocationQuestionTests {
    /// A chat waiting at the location question.
    static func atLocation() -> Chat {
        let chat = Chat()
        chat.send("halo")
        return chat
    }

    static func place(_ chat: Chat) -> Place? {
        if case .place(let p)? = chat.state.values["lokasi"] { return p }
        return nil
    }

    @Test func aMisspeltKecamatanAsksWhichDesa() {
        let chat = Self.atLocation()
        let reply = chat.send("kintamni")
        #expect(reply == "Di desa atau kelurahan mana di Kecamatan Kintamani? Tulis nama desanya.")
        #expect(chat.current == "lokasi")
        #expect(chat.state.pending == .desaIn("Kintamani"))
        // The desa is looked for inside Kintamani, typo and all.
        #expect(chat.send("batur selatn").contains("Masalahnya termasuk jenis apa?"))
        #expect(Self.place(chat) == Place(kecamatan: "Kintamani", desa: "Batur Selatan"))
        #expect(chat.state.pending == nil)
    }

    @Test func theKecamatanFirstSettlesADesaNameFoundInTwo() {
        let chat = Self.atLocation()
        chat.send("kecamatan kintamani")
        #expect(chat.state.pending == .desaIn("Kintamani"))
        chat.send("abuan")
        #expect(Self.place(chat) == Place(kecamatan: "Kintamani", desa: "Abuan"))
    }

    @Test func theFollowUpsInEnglish() {
        let chat = Self.atLocation()
        chat.send("bahasa en")
        #expect(chat.send("abuan").hasPrefix("There is more than one place with that name:\n1. Desa Abuan, Kecamatan Kintamani"))
        #expect(chat.send("bantuan").hasSuffix("2. Desa Abuan, Kecamatan Susut\nWhich one? Reply with the number."))
        #expect(chat.send("9").hasPrefix("Sorry, that is not one of the choices."))
        chat.send("the second")
        #expect(Self.place(chat) == Place(kecamatan: "Susut", desa: "Abuan"))
    }

    @Test func anAmbiguousDesaIsAskedNotGuessed() {
        let chat = Self.atLocation()
        let reply = chat.send("abuan")
        #expect(reply == """
            Ada lebih dari satu tempat dengan nama itu:
            1. Desa Abuan, Kecamatan Kintamani
            2. Desa Abuan, Kecamatan Susut
            Yang mana? Balas dengan nomornya.
            """)
        #expect(chat.current == "lokasi")
        #expect(Self.place(chat) == nil)
        chat.send("2")
        #expect(Self.place(chat) == Place(kecamatan: "Susut", desa: "Abuan"))
        #expect(chat.current == "kategori")
    }

    @Test(arguments: ["susut", "Susut", "kec susut", "yang susut", "2", "dua", "nomor 2"])
    func theAmbiguityIsSettledByNumberOrKecamatan(_ answer: String) {
        let chat = Self.atLocation()
        chat.send("abuan")
        chat.send(answer)
        #expect(Self.place(chat) == Place(kecamatan: "Susut", desa: "Abuan"), "\(answer)")
        #expect(chat.current == "kategori")
    }

    @Test func anUnclearPickIsAskedAgain() {
        let chat = Self.atLocation()
        chat.send("abuan")
        #expect(chat.send("7") == """
            Maaf, pilihan itu tidak ada di daftar. Balas dengan *nomornya* saja, misalnya *1*.

            Ada lebih dari satu tempat dengan nama itu:
            1. Desa Abuan, Kecamatan Kintamani
            2. Desa Abuan, Kecamatan Susut
            Yang mana? Balas dengan nomornya.
            """)
        #expect(chat.current == "lokasi")
        #expect(chat.state.pending == .choose([Place(kecamatan: "Kintamani", desa: "Abuan"), Place(kecamatan: "Susut", desa: "Abuan")]))
        // A different, clear place replaces the list.
        chat.send("batur selatan")
        #expect(Self.place(chat) == Place(kecamatan: "Kintamani", desa: "Batur Selatan"))
    }

    @Test(arguments: [
        "desa batur selatan kec kintamani", "Desa Batur Selatan, Kecamatan Kintamani", "batur selatan",
        "baturselatan", "ds. batur selatan kintamani", "BATUR SELATAN",
    ])
    func aDesaWithItsKecamatanIsFound(_ text: String) {
        let chat = Self.atLocation()
        chat.send(text)
        #expect(Self.place(chat) == Place(kecamatan: "Kintamani", desa: "Batur Selatan"), "\(text)")
        #expect(chat.current == "kategori")
    }

    @Test func notFoundWithSuggestions() {
        let chat = Self.atLocation()
        let reply = chat.send("songan")
        #expect(reply.hasPrefix("Saya belum menemukan nama itu. Mungkin maksud Anda:\n1. Desa Songan A, Kecamatan Kintamani\n2. Desa Songan B, Kecamatan Kintamani\n"))
        #expect(reply.hasSuffix("Balas dengan nomornya, atau tulis lagi nama desanya."))
        #expect(chat.current == "lokasi")
        chat.send("2")
        #expect(Self.place(chat) == Place(kecamatan: "Kintamani", desa: "Songan B"))
    }

    @Test func notFoundWithoutSuggestionsAsksAgain() {
        let chat = Self.atLocation()
        let reply = chat.send("penglipuran")
        #expect(reply.hasPrefix("Maaf, tempat itu tidak saya temukan di Kabupaten Bangli. Mohon periksa ejaannya.\n\n📍 Di mana lokasi masalahnya?"))
        #expect(chat.current == "lokasi")
        #expect(chat.state.pending == nil)
    }

    @Test func theExampleLocationIsFoundAsShown() {
        let example = DialogFixtures.catalog.exampleLocation
        #expect(!example.isEmpty)
        let chat = Self.atLocation()
        chat.send(example)
        #expect(chat.current == "kategori", "typing the example \"\(example)\" must not lead to a follow-up question")
        #expect(Self.place(chat).map { "\($0.desa ?? ""), \($0.kecamatan)" } == example)
    }
}
