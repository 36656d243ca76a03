import AduanDesk
import Testing

@Suite struct StaffCommandParserTests {
    /// A Monday.
    static let today = LocalDate(year: 2026, month: 11, day: 23)!
    /// `BGL-K7M-4QX`, normalized.
    static let code = "BGLK7M4QX"
    /// `BGL-Q9D-7HT`, normalized.
    static let other = "BGLQ9D7HT"

    static func parse(_ text: String) -> StaffParse {
        StaffCommandParser.parse(text, today: today)
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }

    /// The verb and problem of a malformed parse, else nil.
    static func malformed(_ text: String) -> (verb: StaffVerb, problem: String)? {
        if case .malformed(let verb, let problem) = parse(text) { return (verb, problem) }
        return nil
    }

    /// Expects `text` to be a malformed `verb` command whose problem contains `problem`; returns
    /// the whole problem.
    @discardableResult
    static func expectMalformed(_ text: String, as verb: StaffVerb, problem: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try #require(malformed(text), sourceLocation: sourceLocation)
        #expect(result.verb == verb, sourceLocation: sourceLocation)
        #expect(result.problem.contains(problem), "\(result.problem)", sourceLocation: sourceLocation)
        return result.problem
    }

    // MARK: Verbs

    /// Arguments that make a valid command for each verb.
    static func arguments(for verb: StaffVerb) -> String {
        switch verb {
        case .help: return "tunda"
        case .take, .show: return "BGL-K7M-4QX"
        case .verify, .start, .reopen, .close: return "BGL-K7M-4QX sudah dicek"
        case .reply, .ask, .note, .resolve, .reject, .contact: return "BGL-K7M-4QX teks"
        case .forward: return "BGL-K7M-4QX pupr"
        case .wait: return "BGL-K7M-4QX besok menunggu aspal"
        case .duplicate: return "BGL-K7M-4QX BGL-Q9D-7HT"
        case .list: return "saya"
        }
    }

    @Test("Every word of every verb starts that command, in any case",
          arguments: StaffVerb.allCases.flatMap { verb in verb.words.map { (verb, $0) } })
    func everyWord(_ verb: StaffVerb, _ word: String) throws {
        for typed in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), "!" + word, word + ":"] {
            guard case .command(let command) = Self.parse(typed + " " + Self.arguments(for: verb)) else {
                Issue.record("\(typed) did not parse as a command")
                continue
            }
            #expect(command.verb == verb, "\(typed)")
        }
    }

    @Test("No word belongs to two verbs; words are lower case; the Indonesian word leads the usage")
    func words() {
        let all = StaffVerb.allCases.flatMap(\.words)
        #expect(Set(all).count == all.count)
        #expect(all.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") })
        for verb in StaffVerb.allCases {
            #expect(verb.usage.hasPrefix(verb.words[0] + " ") || verb.usage == verb.words[0], "\(verb)")
            #expect(verb.example.hasPrefix(verb.words[0] + " "), "\(verb)")
            #expect(StaffVerb(word: verb.words[0]) == verb)
            #expect(StaffVerb(word: "!" + verb.words[0].uppercased() + ":") == verb)
        }
        #expect(StaffVerb(word: "ambilkan") == nil)
        #expect(StaffVerb(word: "") == nil)
    }

    @Test("Each verb's examples parse as that verb, in both languages",
          arguments: StaffVerb.allCases)
    func examples(_ verb: StaffVerb) {
        for language in ["id", "en"] {
            let example = verb.example(language: language)
            guard case .command(let command) = Self.parse(example) else {
                Issue.record("\(example) did not parse as a command")
                continue
            }
            #expect(command.verb == verb, "\(example)")
        }
    }

    @Test("Each command with its arguments", arguments: [
        ("bantuan", StaffCommand.help(nil)),
        ("help", .help(nil)),
        ("bantuan tunda", .help(.wait)),
        ("help WAIT", .help(.wait)),
        ("bantuan !tolak", .help(.reject)),
        ("ambil BGL-K7M-4QX", .take("BGLK7M4QX")),
        ("ambil BGL-K7M-4QX ya", .take("BGLK7M4QX")),
        ("verifikasi BGL-K7M-4QX", .verify("BGLK7M4QX", note: nil)),
        ("verifikasi BGL-K7M-4QX foto sesuai", .verify("BGLK7M4QX", note: "foto sesuai")),
        ("proses BGL-K7M-4QX", .start("BGLK7M4QX", note: nil)),
        ("start BGL-K7M-4QX tim berangkat", .start("BGLK7M4QX", note: "tim berangkat")),
        ("balas BGL-K7M-4QX Baik, kami cek besok.", .reply("BGLK7M4QX", text: "Baik, kami cek besok.")),
        ("tanya BGL-K7M-4QX Di RT berapa?", .ask("BGLK7M4QX", question: "Di RT berapa?")),
        ("catatan BGL-K7M-4QX sudah telepon kades", .note("BGLK7M4QX", text: "sudah telepon kades")),
        ("teruskan BGL-K7M-4QX PUPR mohon dicek", .forward("BGLK7M4QX", agency: "pupr", note: "mohon dicek")),
        ("teruskan BGL-K7M-4QX dinkes", .forward("BGLK7M4QX", agency: "dinkes", note: nil)),
        ("tunda BGL-K7M-4QX 15-12-2026 menunggu aspal",
         .wait("BGLK7M4QX", until: Self.date(2026, 12, 15), reason: "menunggu aspal")),
        ("selesai BGL-K7M-4QX Lubang sudah ditambal.", .resolve("BGLK7M4QX", report: "Lubang sudah ditambal.")),
        ("tolak BGL-K7M-4QX jalan nasional", .reject("BGLK7M4QX", reason: "jalan nasional", referTo: nil)),
        ("duplikat BGL-K7M-4QX BGL-Q9D-7HT", .duplicate("BGLK7M4QX", of: "BGLQ9D7HT")),
        ("buka BGL-K7M-4QX", .reopen("BGLK7M4QX", reason: nil)),
        ("buka BGL-K7M-4QX rusak lagi", .reopen("BGLK7M4QX", reason: "rusak lagi")),
        ("tutup BGL-K7M-4QX", .close("BGLK7M4QX", note: nil)),
        ("tutup BGL-K7M-4QX warga puas", .close("BGLK7M4QX", note: "warga puas")),
        ("lihat BGL-K7M-4QX", .show("BGLK7M4QX")),
        ("info bgl-k7m-4qx", .show("BGLK7M4QX")),
        ("kontak BGL-K7M-4QX lokasi kurang jelas", .contact("BGLK7M4QX", reason: "lokasi kurang jelas")),
        ("daftar", .list(.open)),
    ])
    func commands(_ text: String, _ expected: StaffCommand) {
        #expect(Self.parse(text) == .command(expected))
    }

    // MARK: Prefixes and addressing

    @Test("A command may start with ! or be addressed to the bot", arguments: [
        "ambil BGL-K7M-4QX",
        "!ambil BGL-K7M-4QX",
        "!!ambil BGL-K7M-4QX",
        "! ambil BGL-K7M-4QX",
        "aduan: ambil BGL-K7M-4QX",
        "aduan, ambil BGL-K7M-4QX",
        "Aduan: Ambil BGL-K7M-4QX",
        "aduan: !ambil BGL-K7M-4QX",
        "aduanbot: ambil: BGL-K7M-4QX",
        "@aduan ambil BGL-K7M-4QX",
        "@aduan:bangli.go.id ambil BGL-K7M-4QX",
        "  ambil   BGL-K7M-4QX  ",
        "AMBIL BGL-K7M-4QX",
    ])
    func prefixes(_ text: String) {
        #expect(Self.parse(text) == .command(.take(Self.code)))
    }

    @Test("Chatter is not a command", arguments: [
        "selamat pagi semua",
        "ok siap",
        "Ok siap, laksanakan",
        "",
        "   ",
        "terima kasih pak",
        "nanti saya cek ke lokasi",
        "aduan ambil BGL-K7M-4QX",      // no ':' or ',' after the address
        "aduan: selamat pagi",          // addressed, but no verb
        "pak budi, ambil BGL-K7M-4QX",  // two words before the ','
        "!foo BGL-K7M-4QX",
        "BGL-K7M-4QX sudah beres",
        "ambilkan kopi",
        "!",
        ":",
    ])
    func chatter(_ text: String) {
        #expect(Self.parse(text) == .notACommand)
    }

    // MARK: Tracking numbers

    @Test("A tracking number may be typed in many ways", arguments: [
        "bgl-k7m-4qx", "BGL-K7M-4QX", "BGL K7M 4QX", "bglk7m4qx", "BGLK7M4QX", "BGL-K7M 4QX", "BGL K7M-4QX",
        "BGL K7M4QX", "BGLK7M 4QX", "bgl.k7m.4qx", "BGL-K7M-4QX,", "(BGL-K7M-4QX)", "Bgl-K7m-4qx.",
    ])
    func trackingForms(_ typed: String) {
        #expect(Self.parse("ambil \(typed)") == .command(.take(Self.code)))
        #expect(Self.parse("balas \(typed) Sudah kami cek.") == .command(.reply(Self.code, text: "Sudah kami cek.")))
        #expect(Self.parse("tunda \(typed) besok hujan")
                == .command(.wait(Self.code, until: Self.date(2026, 11, 24), reason: "hujan")))
    }

    @Test("A prefix made of code letters is joined with the groups after it")
    func prefixOfCodeLetters() {
        #expect(Self.parse("ambil ACE K7M 4QX") == .command(.take("ACEK7M4QX")))
        #expect(Self.parse("balas AC K7M 4QX ok") == .command(.reply("ACK7M4QX", text: "ok")))
        #expect(Self.parse("balas ABCD-K7M-4QX ok") == .command(.reply("ABCDK7M4QX", text: "ok")))
    }

    @Test("Not a tracking number: what was typed is quoted", arguments: [
        ("ambil BGL-K7M", "\"BGL-K7M\""),
        ("ambil K7M-4QX", "\"K7M-4QX\""),          // no prefix
        ("ambil BGL-K7M-4Q0", "\"BGL-K7M-4Q0\""),  // 0 is not a code character
        ("ambil ABCDE-K7M-4QX", "\"ABCDE-K7M-4QX\""),  // prefix too long
        ("ambil foto dulu ya", "\"foto\""),
        ("lihat tunggu", "\"tunggu\""),
    ])
    func notTracking(_ text: String, _ quoted: String) throws {
        let result = try #require(Self.malformed(text))
        #expect(result.problem.contains(quoted))
        #expect(result.problem.contains("bukan kode aduan"))
        #expect(result.problem.contains("is not a tracking number"))
    }

    @Test("Take and show refuse a second tracking number")
    func oneNumber() throws {
        let result = try #require(Self.malformed("ambil BGL-K7M-4QX BGL-Q9D-7HT"))
        #expect(result.verb == .take)
        #expect(result.problem.contains("One tracking number"))
        #expect(Self.malformed("lihat BGL-K7M-4QX bgl q9d 7ht")?.verb == .show)
    }

    // MARK: Malformed commands

    @Test("A verb with missing arguments is malformed, with the verb and the problem", arguments: [
        ("ambil", StaffVerb.take, "Kode aduan tidak ada. / The tracking number is missing."),
        ("verifikasi", .verify, "The tracking number is missing."),
        ("proses", .start, "The tracking number is missing."),
        ("balas", .reply, "The tracking number is missing."),
        ("balas BGL-K7M-4QX", .reply, "Teks balasan untuk pelapor tidak ada."),
        ("tanya", .ask, "The tracking number is missing."),
        ("tanya BGL-K7M-4QX   ", .ask, "Pertanyaan untuk pelapor tidak ada."),
        ("catatan", .note, "The tracking number is missing."),
        ("catatan BGL-K7M-4QX", .note, "Teks catatan tidak ada."),
        ("teruskan", .forward, "The tracking number is missing."),
        ("teruskan BGL-K7M-4QX", .forward, "OPD tujuan tidak ada"),
        ("teruskan BGL-K7M-4QX ke", .forward, "OPD tujuan tidak ada"),
        ("tunda", .wait, "The tracking number is missing."),
        ("tunda BGL-K7M-4QX", .wait, "Tanggal tidak ada"),
        ("tunda BGL-K7M-4QX 15/12", .wait, "Alasan penundaan tidak ada."),
        ("selesai", .resolve, "The tracking number is missing."),
        ("selesai BGL-K7M-4QX", .resolve, "Laporan penanganan tidak ada"),
        ("tolak", .reject, "The tracking number is missing."),
        ("tolak BGL-K7M-4QX", .reject, "Alasan penolakan tidak ada."),
        ("tolak BGL-K7M-4QX | BPJN Bali", .reject, "Alasan penolakan tidak ada."),
        ("duplikat", .duplicate, "The tracking number is missing."),
        ("duplikat BGL-K7M-4QX", .duplicate, "Kode aduan asli tidak ada"),
        ("duplikat BGL-K7M-4QX foto", .duplicate, "\"foto\" bukan kode aduan"),
        ("buka", .reopen, "The tracking number is missing."),
        ("tutup", .close, "The tracking number is missing."),
        ("lihat", .show, "The tracking number is missing."),
        ("kontak", .contact, "The tracking number is missing."),
        ("kontak BGL-K7M-4QX", .contact, "Alasan membuka nomor telepon tidak ada"),
        ("daftar xyz", .list, "Filter \"xyz\" tidak dikenal"),
        ("bantuan sosial sudah cair", .help, "Perintah \"sosial\" tidak dikenal."),
        ("aduan: tunda BGL-K7M-4QX", .wait, "Tanggal tidak ada"),
        ("!selesai", .resolve, "The tracking number is missing."),
    ])
    func missing(_ text: String, _ verb: StaffVerb, _ problem: String) throws {
        let whole = try Self.expectMalformed(text, as: verb, problem: problem)
        #expect(whole.contains(" / "), "Indonesian, then English")
    }

    // MARK: Free text

    @Test("Free text keeps the staff member's case, punctuation and lines, trimmed")
    func freeText() {
        #expect(Self.parse("balas BGL-K7M-4QX   Baik Pak, akan kami CEK!  ")
                == .command(.reply(Self.code, text: "Baik Pak, akan kami CEK!")))
        #expect(Self.parse("catatan bgl k7m 4qx baris satu\n  baris dua\n")
                == .command(.note(Self.code, text: "baris satu\n  baris dua")))
        #expect(Self.parse("selesai BGL-K7M-4QX\nLubang ditambal (± 2 m²).")
                == .command(.resolve(Self.code, report: "Lubang ditambal (± 2 m²).")))
        #expect(Self.parse("tanya BGL-K7M-4QX Rumah no. 12 atau 21?")
                == .command(.ask(Self.code, question: "Rumah no. 12 atau 21?")))
    }

    // MARK: tolak

    @Test("tolak: the text after the first | names the authority to turn to", arguments: [
        ("tolak BGL-K7M-4QX jalan nasional | BPJN Bali", "jalan nasional", "BPJN Bali"),
        ("tolak BGL-K7M-4QX jalan nasional|BPJN Bali", "jalan nasional", "BPJN Bali"),
        ("tolak BGL-K7M-4QX bukan kewenangan kabupaten", "bukan kewenangan kabupaten", nil),
        ("tolak BGL-K7M-4QX jalan provinsi |   ", "jalan provinsi", nil),
        ("tolak BGL-K7M-4QX a | b | c", "a", "b | c"),
        ("reject BGL-K7M-4QX Not ours. | Polres Bangli", "Not ours.", "Polres Bangli"),
    ] as [(String, String, String?)])
    func reject(_ text: String, _ reason: String, _ referTo: String?) {
        #expect(Self.parse(text) == .command(.reject(Self.code, reason: reason, referTo: referTo)))
    }

    // MARK: teruskan

    @Test("teruskan: the agency is the next word, lower case", arguments: [
        ("teruskan BGL-K7M-4QX pupr", "pupr", nil),
        ("teruskan BGL-K7M-4QX PUPR mohon dicek", "pupr", "mohon dicek"),
        ("teruskan BGL-K7M-4QX ke Dinkes", "dinkes", nil),
        ("teruskan BGL-K7M-4QX opd pupr segera", "pupr", "segera"),
        ("teruskan BGL-K7M-4QX pupr, jalan kabupaten", "pupr", "jalan kabupaten"),
        ("disposisi bgl k7m 4qx DLH sampah liar", "dlh", "sampah liar"),
        ("forward BGL-K7M-4QX pupr", "pupr", nil),
    ] as [(String, String, String?)])
    func forward(_ text: String, _ agency: String, _ note: String?) {
        #expect(Self.parse(text) == .command(.forward(Self.code, agency: agency, note: note)))
    }

    // MARK: duplikat

    @Test("duplikat: two different tracking numbers")
    func duplicate() throws {
        #expect(Self.parse("duplikat BGL-K7M-4QX BGL-Q9D-7HT") == .command(.duplicate(Self.code, of: Self.other)))
        #expect(Self.parse("dup bglk7m4qx bgl q9d 7ht sama persis") == .command(.duplicate(Self.code, of: Self.other)))
        #expect(Self.parse("duplikat BGL-K7M-4QX dari BGL-Q9D-7HT") == .command(.duplicate(Self.code, of: Self.other)))
        let same = try #require(Self.malformed("duplikat BGL-K7M-4QX bgl k7m 4qx"))
        #expect(same.verb == .duplicate)
        #expect(same.problem.contains("duplikat dirinya sendiri"))
        #expect(Self.malformed("duplikat BGL-K7M-4QX BGL-Q9D")?.problem.contains("\"BGL-Q9D\"") == true)
    }

    // MARK: tunda

    @Test("tunda: each date form, then the reason", arguments: [
        ("tunda BGL-K7M-4QX 2026-12-15 menunggu aspal", "2026-12-15"),
        ("tunda BGL-K7M-4QX 15-12-2026 menunggu aspal", "2026-12-15"),
        ("tunda BGL-K7M-4QX 15/12/2026 menunggu aspal", "2026-12-15"),
        ("tunda BGL-K7M-4QX 15/12 menunggu aspal", "2026-12-15"),
        ("tunda BGL-K7M-4QX 15/01 menunggu aspal", "2027-01-15"),
        ("tunda BGL-K7M-4QX 15 Desember 2026 menunggu aspal", "2026-12-15"),
        ("tunda BGL-K7M-4QX 15 des 2026 menunggu aspal", "2026-12-15"),
        ("tunda BGL-K7M-4QX 15 desember menunggu aspal", "2026-12-15"),
        ("tunda BGL-K7M-4QX 15 dec menunggu aspal", "2026-12-15"),
        ("tunda BGL-K7M-4QX besok menunggu aspal", "2026-11-24"),
        ("tunda BGL-K7M-4QX lusa menunggu aspal", "2026-11-25"),
        ("tunda BGL-K7M-4QX 3 hari menunggu aspal", "2026-11-26"),
        ("tunda BGL-K7M-4QX 3 hari lagi menunggu aspal", "2026-11-26"),
        ("tunda BGL-K7M-4QX 2 minggu menunggu aspal", "2026-12-07"),
        ("tunda BGL-K7M-4QX 1 bulan menunggu aspal", "2026-12-23"),
        ("tunda BGL-K7M-4QX sampai 15 Desember menunggu aspal", "2026-12-15"),
        ("tunda BGL-K7M-4QX sampai tgl 15/12 menunggu aspal", "2026-12-15"),
        ("tunda BGL-K7M-4QX 23/11/2026 menunggu aspal", "2026-11-23"),   // today is fine
        ("tunggu BGL-K7M-4QX minggu depan menunggu aspal", "2026-11-30"),
        ("hold bgl k7m 4qx 2 weeks menunggu aspal", "2026-12-07"),
        ("wait BGL-K7M-4QX tomorrow menunggu aspal", "2026-11-24"),
    ])
    func wait(_ text: String, _ date: String) {
        guard case .command(.wait(let tracking, let until, let reason)) = Self.parse(text) else {
            Issue.record("\(text) is not a wait command: \(Self.parse(text))")
            return
        }
        #expect(tracking == Self.code)
        #expect(until.description == date)
        #expect(reason == "menunggu aspal")
    }

    @Test("tunda: a past, impossible, unreadable or far date is refused", arguments: [
        ("tunda BGL-K7M-4QX 15-01-2026 menunggu aspal", "sudah lewat"),
        ("tunda BGL-K7M-4QX 22/11/2026 menunggu aspal", "The date is in the past"),
        ("tunda BGL-K7M-4QX 15 Januari 2026 menunggu aspal", "sudah lewat"),
        ("tunda BGL-K7M-4QX 31/02/2027 menunggu aspal", "\"31/02/2027\" tidak terbaca atau tidak ada"),
        ("tunda BGL-K7M-4QX 30 Februari menunggu aspal", "\"30 Februari\""),
        ("tunda BGL-K7M-4QX menunggu aspal", "\"menunggu\" tidak terbaca"),
        ("tunda BGL-K7M-4QX 15-12-2062 menunggu aspal", "lebih dari 2 tahun"),
        ("tunda BGL-K7M-4QX 15 desember", "Alasan penundaan tidak ada"),
    ])
    func waitRefused(_ text: String, _ problem: String) throws {
        try Self.expectMalformed(text, as: .wait, problem: problem)
    }

    @Test("tunda: an unreadable date names the forms that work")
    func waitDateForms() throws {
        let result = try #require(Self.malformed("tunda BGL-K7M-4QX kapan-kapan menunggu aspal"))
        for form in ["15-12-2026", "15/12", "15 Desember", "besok", "3 hari", "2 minggu", "tomorrow", "3 days"] {
            #expect(result.problem.contains(form), "\(form)")
        }
    }

    // MARK: daftar

    @Test("daftar: the filters", arguments: [
        ("daftar", CaseFilter.open),
        ("list", .open),
        ("daftar terbuka", .open),
        ("list open", .open),
        ("daftar saya", .mine),
        ("list mine", .mine),
        ("Daftar Saya", .mine),
        ("daftar terlambat", .overdue),
        ("daftar telat", .overdue),
        ("list overdue", .overdue),
        ("daftar menunggu", .waiting),
        ("list waiting", .waiting),
        ("daftar semua", .all),
        ("list all", .all),
        ("daftar opd pupr", .agency("pupr")),
        ("daftar opd PUPR", .agency("pupr")),
        ("list agency dinkes", .agency("dinkes")),
        ("daftar kecamatan kintamani", .kecamatan("kintamani")),
        ("daftar kecamatan Susut  Timur", .kecamatan("susut timur")),
        ("daftar kec. Bangli", .kecamatan("bangli")),
        ("!daftar saya", .mine),
    ])
    func list(_ text: String, _ filter: CaseFilter) {
        #expect(Self.parse(text) == .command(.list(filter)))
    }

    @Test("daftar: an unknown or incomplete filter is malformed", arguments: [
        ("daftar xyz", "\"xyz\""),
        ("daftar saya terlambat", "\"saya terlambat\""),
        ("daftar hadir rapat besok", "\"hadir rapat besok\""),
        ("daftar opd", "Nama OPD tidak ada"),
        ("daftar opd dinas pupr", "satu kata"),
        ("daftar kecamatan", "Nama kecamatan tidak ada"),
    ])
    func listRefused(_ text: String, _ problem: String) throws {
        try Self.expectMalformed(text, as: .list, problem: problem)
    }

    // MARK: Help

    @Test("The help lists every command, one line each, short enough for a phone", arguments: ["id", "en"])
    func helpText(_ language: String) {
        let text = StaffHelp.text(language: language)
        let lines = text.split(separator: "\n").map(String.init)
        for verb in StaffVerb.allCases {
            let line = verb.usage(language: language) + " — " + verb.summary(language: language)
            #expect(lines.contains(line), "\(line)")
        }
        #expect(lines.count <= StaffVerb.allCases.count + 8)
        for line in lines {
            #expect(line.count <= 110, "\(line)")
        }
        #expect(text.contains(language == "en" ? "wait BGL-K7M-4QX" : "tunda BGL-K7M-4QX"))
    }

    @Test("The Indonesian help comes first; the English help uses the English words")
    func helpLanguages() {
        let id = StaffHelp.text(language: "id")
        let en = StaffHelp.text(language: "en")
        #expect(id.hasPrefix("Perintah staf"))
        #expect(id.contains("ambil KODE — ambil aduan untuk Anda tangani"))
        #expect(id.contains("English"))
        #expect(en.hasPrefix("Staff commands"))
        #expect(en.contains("take CODE — take a case to handle yourself"))
        for verb in StaffVerb.allCases {
            #expect(verb.summary(language: "id") != verb.summary(language: "en"))
        }
    }

    @Test("A command's usage line, with an example")
    func usage() {
        let id = StaffHelp.usage(.wait, language: "id")
        #expect(id.hasPrefix("Cara pakai: tunda KODE TANGGAL alasan — contoh: tunda BGL-K7M-4QX 15-12-2026 menunggu pengadaan aspal\n"))
        #expect(id.contains("TANGGAL: 15-12-2026"))
        #expect(id.contains("(English: wait CODE DATE reason)"))
        let en = StaffHelp.usage(.wait, language: "en")
        #expect(en.hasPrefix("Usage: wait CODE DATE reason — example: wait BGL-K7M-4QX 15-12-2026"))
        #expect(en.contains("DATE: 15-12-2026"))
        #expect(StaffHelp.usage(.take, language: "id") == "Cara pakai: ambil KODE — contoh: ambil BGL-K7M-4QX\n(English: take CODE)")
        #expect(StaffHelp.usage(.reject, language: "id").contains("tolak KODE alasan [| instansi yang berwenang]"))
    }
}
