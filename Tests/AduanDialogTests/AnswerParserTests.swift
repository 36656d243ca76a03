import AduanDialog
import Testing

/// The pure functions that read answers.
@Suite struct AnswerParserTests {
    @Test(arguments: ["ya", "Ya", "YA", "iya", "iyaa", "y", "ok", "oke", "okay", "betul", "benar", "bener", "boleh", "yes",
                      "sip", "siap", "setuju", "mau", "ya, benar", "Ya betul!", "iya pak", "ok terima kasih", "👍", "👌",
                      "sudah", "udah", "Sudah benar", "sudah betul pak", "silakan", "silahkan", "bisa", "tentu saja", "kirim"])
    func yes(_ text: String) {
        #expect(AnswerParser.yesNo(text) == true, "\(text)")
    }

    @Test(arguments: ["tidak", "Tidak.", "tdk", "gak", "ga", "gk", "nggak", "ngga", "enggak", "ndak", "bukan", "no", "n", "NO",
                      "jangan", "tidak mau", "gak mau", "belum", "salah", "tidak, terima kasih", "bukan itu", "👎"])
    func no(_ text: String) {
        #expect(AnswerParser.yesNo(text) == false, "\(text)")
    }

    @Test(arguments: ["", "mungkin", "nanti saja", "🙏", "yaa allah jalannya rusak parah sekali dari kemarin pak",
                      "ya ya ya ya ya ya ya ya",
                      // A reservation or "I don't know" is no answer, whatever the first word.
                      "ya tapi lokasinya salah", "iya, tetapi kategorinya bukan itu", "ok tp ganti nomor", "yes but change it",
                      "tidak tahu", "gak tau pak", "nggak tahu juga", "entah"])
    func neither(_ text: String) {
        #expect(AnswerParser.yesNo(text) == nil, "\(text)")
    }

    @Test(arguments: [
        ("+6281234567890", "+6281234567890"), ("+62 812 3456 7890", "+6281234567890"), ("+62-812-3456-7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"), ("081234567890", "+6281234567890"), ("0812 3456 7890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"), ("0812.3456.7890", "+6281234567890"), ("(0366) 5501000", "+623665501000"),
        ("0811234567", "+62811234567"),
    ])
    func phones(_ text: String, _ expected: String) {
        #expect(AnswerParser.phone(text) == expected, "\(text)")
    }

    @Test(arguments: ["12345", "0812", "081", "+1 555 123 4567", "0812345678901234", "08xx12345678", "0812 3456 7890 ext 2",
                      "00812345678", "++6281234567890", "", "nomor saya 081234567890", String(repeating: "0812", count: 20)])
    func notPhones(_ text: String) {
        #expect(AnswerParser.phone(text) == nil, "\(text)")
    }

    @Test(arguments: ["lewati", "Lewati", "skip", "tidak ada", "gak ada", "kosong", "-", " - ", "tidak", "no"])
    func skips(_ text: String) {
        #expect(AnswerParser.isSkip(text), "\(text)")
    }

    @Test(arguments: ["0812", "ya", "lewat sini", ""])
    func notSkips(_ text: String) {
        #expect(!AnswerParser.isSkip(text), "\(text)")
    }

    @Test(arguments: [
        ("3", 3.0), ("-2", -2.0), ("2,5", 2.5), ("2.5", 2.5), ("1.000.000", 1_000_000), ("1.234,5", 1234.5), (" 7 ", 7),
    ])
    func numbers(_ text: String, _ expected: Double) {
        #expect(AnswerParser.number(text) == expected, "\(text)")
    }

    @Test(arguments: ["", "tiga", "1e999", "nan", "inf", "12abc", String(repeating: "9", count: 40)])
    func notNumbers(_ text: String) {
        #expect(AnswerParser.number(text) == nil, "\(text)")
    }

    static let options = [
        ChoiceOption(value: "jalan", text: LocalizedText(["id": "Jalan atau jembatan rusak", "en": "Damaged road or bridge"]),
                     synonyms: ["lubang", "aspal"]),
        ChoiceOption(value: "sampah", text: LocalizedText(["id": "Sampah dan pencemaran", "en": "Rubbish and pollution"]),
                     synonyms: ["limbah", "bau busuk"]),
        ChoiceOption(value: "lampu", text: LocalizedText(["id": "Lampu jalan mati", "en": "Street light out"])),
    ]

    @Test(arguments: [
        ("1", 0), ("3", 2), ("no 2", 1), ("nomor 2", 1), ("pilihan 1", 0), ("Pilih 3", 2),
        ("jalan", 0), ("SAMPAH", 1), ("Rubbish and pollution", 1), ("lampu jalan mati", 2),
        ("lubang", 0), ("ada limbah pabrik", 1), ("bau busuk sekali", 1), ("aspal", 0),
        ("pencemaran", 1), ("jembatan", 0), ("street light", 2),
        ("sampa", 1), ("lampuu", 2), ("jlan", 0), ("rusak", 0),
    ])
    func choices(_ text: String, _ expected: Int) {
        #expect(AnswerParser.choice(text, options: Self.options) == expected, "\(text)")
    }

    @Test(arguments: ["0", "4", "12", "", "🙏", "xyz", "mobil", String(repeating: "jalan ", count: 50)])
    func noChoice(_ text: String) {
        // Words of no option, and 300 characters, are no choice.
        #expect(AnswerParser.choice(text, options: Self.options) == nil, "\(text)")
    }

    @Test func aWordInTwoLabelsIsNotAChoice() {
        // "jalan" is the value of the first option and a word of the third's label: the value wins.
        #expect(AnswerParser.choice("jalan", options: Self.options) == 0)
        // "mati" is only in "Lampu jalan mati".
        #expect(AnswerParser.choice("mati", options: Self.options) == 2)
    }
}
