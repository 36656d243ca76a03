import AduanDialog
import Testing

/// Choices, yes/no and phone numbers as the questions of `Dialogs/pengaduan.json` take them.
@Suite struct AnswerTests {
    /// A chat waiting at the category question.
    static func atCategory() -> Chat {
        let chat = Chat()
        chat.send(["halo", "batur selatan"])
        return chat
    }

    static func atContactQuestion() -> Chat {
        let chat = atCategory()
        chat.send(["1", "Jalan berlubang di depan pasar sejak bulan lalu.", "1"])
        return chat
    }

    static func category(_ chat: Chat) -> String? {
        if case .choice(let v)? = chat.state.values["kategori"] { return v }
        return nil
    }

    @Test(arguments: [
        ("1", "jalan"), ("2", "sampah"), ("3", "kesehatan"), (" 2 ", "sampah"), ("no. 2", "sampah"), ("pilihan 3", "kesehatan"),
        // by word (value or label)
        ("sampah", "sampah"), ("Sampah", "sampah"), ("Layanan kesehatan", "kesehatan"), ("jalan atau jembatan rusak", "jalan"),
        // by synonym, also inside a sentence
        ("puskesmas", "kesehatan"), ("lubang", "jalan"), ("rumah sakit", "kesehatan"), ("ada lubang besar", "jalan"),
        // by typo
        ("sampa", "sampah"), ("kesehtan", "kesehatan"), ("puskesmaz", "kesehatan"),
    ])
    func aChoiceByNumberWordSynonymOrTypo(_ answer: String, _ expected: String) {
        let chat = Self.atCategory()
        chat.send(answer)
        #expect(Self.category(chat) == expected, "\(answer)")
        #expect(chat.current == "uraian")
    }

    @Test(arguments: ["4", "0", "mungkin", "xyz", "🙏"])
    func anUnknownChoiceIsAskedAgainWithTheList(_ answer: String) {
        let chat = Self.atCategory()
        let reply = chat.send(answer)
        #expect(reply.hasPrefix("Maaf, pilihan itu tidak ada di daftar. Balas dengan *nomornya* saja, misalnya *1*.\n\n📂 Masalahnya"))
        #expect(reply.hasSuffix("3. Layanan kesehatan"))
        #expect(chat.current == "kategori")
        #expect(Self.category(chat) == nil)
    }

    @Test(arguments: ["ya", "iya", "y", "Y", "ok", "OK", "oke", "betul", "benar", "boleh", "Ya, benar", "ya boleh", "iya silakan",
                      "yes", "👍"])
    func yes(_ answer: String) {
        let chat = Self.atContactQuestion()
        chat.send(answer)
        #expect(chat.state.values["mau_dihubungi"] == .bool(true), "\(answer)")
        #expect(chat.current == "kontak")
    }

    @Test(arguments: ["tidak", "Tidak", "tdk", "gak", "ga", "nggak", "enggak", "bukan", "no", "NO", "jangan",
                      "tidak, terima kasih", "gak usah", "👎"])
    func no(_ answer: String) {
        let chat = Self.atContactQuestion()
        chat.send(answer)
        #expect(chat.state.values["mau_dihubungi"] == .bool(false), "\(answer)")
        #expect(chat.current == "konfirmasi")
    }

    @Test(arguments: ["mungkin", "terserah", "hmm", "?!", "saya tidak tahu apakah boleh atau tidak ya pak"])
    func neitherYesNorNo(_ answer: String) {
        let chat = Self.atContactQuestion()
        let reply = chat.send(answer)
        #expect(reply.hasPrefix("Maaf, saya belum mengerti. Mohon balas *ya* atau *tidak*."), "\(answer)")
        #expect(chat.current == "mau_kontak")
        #expect(chat.state.values["mau_dihubungi"] == nil)
    }

    @Test(arguments: [
        "+6281234567890", "+62 812 3456 7890", "+62-812-3456-7890", "6281234567890", "081234567890",
        "0812 3456 7890", "0812-3456-7890", "0812.3456.7890", "  081234567890  ",
    ])
    func phoneNumbers(_ answer: String) {
        let chat = Self.atContactQuestion()
        chat.send("ya")
        chat.send(answer)
        #expect(chat.state.values["kontak"] == .phone("+6281234567890"), "\(answer)")
        #expect(chat.current == "konfirmasi")
    }

    @Test(arguments: ["12345", "0812", "+1 555 123 4567", "nomor saya nanti", "0812345678901234", "08xx-1234-5678"])
    func notPhoneNumbers(_ answer: String) {
        let chat = Self.atContactQuestion()
        chat.send("ya")
        let reply = chat.send(answer)
        #expect(reply.hasPrefix("Itu belum seperti nomor HP."), "\(answer)")
        #expect(reply.hasSuffix("Ketik *lewati* jika tidak ingin dihubungi."))
        #expect(chat.current == "kontak")
        #expect(chat.state.values["kontak"] == nil)
    }

    @Test(arguments: ["lewati", "Lewati", "skip", "tidak ada", "-", "tidak"])
    func theOptionalPhoneCanBeSkipped(_ answer: String) {
        let chat = Self.atContactQuestion()
        chat.send("ya")
        #expect(chat.send(answer).contains("Kontak: tidak dicantumkan"), "\(answer)")
        #expect(chat.current == "konfirmasi")
    }
}
