import AduanCore
import AduanTesting
import Foundation
import Testing

/// The staff desk as people use it: the real `aduan chat` with piped input on the shipped
/// Bangli bot (`Bots/bangli.json`: PUPR staff `terminal:budi`, head `terminal:kadis-pupr`,
/// coordinator `terminal:sari`; reminders 4 h and 1 h before the 24 h deadline, then the head at
/// the deadline, the coordinator 4 h later, the leadership 24 h later), a real SQLite file, and
/// `--clock` with `@jam` lines instead of waiting.
///
/// Each test reads what each side actually saw: the `-> warga: …` lines of the citizen and the
/// `-> #channel: …` lines of the staff channels.
@Suite("the staff desk, end to end")
struct StaffDeskEndToEndTests {
    /// Monday 23 November 2026, 09:00 WITA: the shipped bot counts 24 hours around the clock.
    static let monday9 = "2026-11-23T09:00:00+08:00"
    static let pupr = "Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)"

    /// The tracking number of the `n`-th case of a fresh Bangli database.
    static func code(_ n: Int) -> String {
        TrackingNumber(prefix: "BGL", sequence: n).code
    }

    /// A fresh session and its first run, from Monday 09:00: the citizen *warga* files case
    /// `code(1)`, then `lines` follow.
    static func fileFirstCase(then lines: [String],
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> (DeskSession, TerminalTranscript) {
        let session = try DeskSession()
        return (session, try session.chat(DeskSession.intake() + lines, clock: monday9, sourceLocation: sourceLocation))
    }

    // MARK: a. The whole workflow

    @Test("a citizen files; budi takes it, asks, gets the answer, resolves; the citizen confirms and rates 4")
    func wholeWorkflow() throws {
        let code = Self.code(1)
        let note = "stok aspal di gudang tinggal sedikit"
        let question = "Di sebelah mana persisnya?"
        let answer = "Di sebelah utara SD 2, dekat warung Bu Komang"
        let report = "Lubang sudah ditambal dengan aspal hotmix"
        let (session, t) = try Self.fileFirstCase(then: [
            "#opd-pupr budi> ambil \(code)",
            "#opd-pupr budi> tanya \(code) \(question)",
            answer,
            "#opd-pupr budi> catatan \(code) \(note)",
            "#opd-pupr budi> selesai \(code) \(report)",
            "ya",
            "4",
        ])

        // Filing: the citizen gets the number; PUPR and the coordinators get the announcement,
        // with the contact masked and the command to take it.
        let warga = t.to("warga")
        #expect(warga.contains { $0.contains("Nomor aduan: *\(code)*") })
        let announcement = try #require(t.to("#opd-pupr").first)
        #expect(announcement.hasPrefix("Aduan baru \(code) · Jalan, jembatan, atau saluran rusak · Desa Batur Selatan, Kecamatan Kintamani"))
        #expect(announcement.contains("tanggapi sebelum Selasa, 24 November 2026 pukul 09.00 WITA"))
        #expect(announcement.contains("Kontak: 0812*****890"))
        #expect(announcement.hasSuffix("Ketik: ambil \(code)"))
        #expect(t.to("#aduan-bangli").first == announcement)
        for channel in ["#opd-pupr", "#aduan-bangli"] {
            #expect(!t.all(channel).contains("3456"), "the full phone number leaked into \(channel)")
        }

        // What PUPR's channel sees, in order, after the announcement.
        #expect(Array(t.to("#opd-pupr").dropFirst()) == [
            "✔ \(code) diambil oleh budi · diproses. Warga sudah diberi tahu.",
            "✔ Pertanyaan dikirim ke pelapor \(code) atas nama PUPR; jawabannya akan muncul di sini.",
            "Jawaban pelapor \(code):\n\(answer)",
            "✔ Catatan internal untuk \(code) disimpan (tidak terlihat oleh warga).",
            "✔ \(code) selesai. Laporan penanganan tercatat; warga ditanya apakah sudah beres.",
            // The handling report, addressed to the head (Bangli has no separate head channel).
            "kadis-pupr: Laporan penanganan \(code) (Jalan, jembatan, atau saluran rusak, Desa Batur Selatan, Kecamatan Kintamani) "
                + "oleh budi, TRC PUPR:\n\(report)",
            "Pelapor menilai penanganan \(code): 4/5. Aduan ditutup.",
        ])

        // What the citizen sees after the receipt, in order: every message under the agency's name.
        #expect(try t.afterReceipt(receipt: "Nomor aduan: *\(code)*") == [
            "Aduan \(code) sedang ditangani oleh \(Self.pupr).",
            "\(Self.pupr) bertanya tentang aduan \(code):\n\(question)\nBalas pesan ini untuk menjawab.",
            "Terima kasih, jawaban Anda sudah diteruskan ke \(Self.pupr) (aduan \(code)).",
            "Aduan \(code) sudah ditangani oleh \(Self.pupr):\n\(report)",
            "Apakah masalah pada aduan \(code) benar-benar sudah beres? Balas ya atau tidak.",
            "Syukurlah. Beri nilai penanganan aduan \(code) oleh \(Self.pupr): balas angka 1 (buruk) sampai 5 (sangat baik), atau lewati.",
            "Terima kasih atas penilaian Anda. Aduan \(code) ditutup.",
        ])
        // The citizen never learns who handled it, nor the internal note.
        let citizenSaw = t.all("warga").lowercased()
        #expect(!citizenSaw.contains("budi"))
        #expect(!citizenSaw.contains(note.lowercased()))
        #expect(!citizenSaw.contains("catatan internal"))
        // The answer reached the channel after the question was asked, and was not a new intake.
        let asked = try #require(t.index(of: "bertanya tentang aduan", to: "warga"))
        let relayed = try #require(t.index(of: "Jawaban pelapor", to: "#opd-pupr"))
        #expect(asked < relayed)
        #expect(t.count("Selamat datang") == 1)

        let filed = try session.cases()
        #expect(filed.count == 1)
        let c = try #require(filed.first)
        #expect(c.tracking == code)
        #expect(c.status == "closed")
        #expect(c.rating == 4)
        #expect(c.assignee == "terminal:budi")
        #expect(c.opd == "pupr")
    }

    // MARK: b. A restart in the middle

    @Test("the bot restarts after the question: the answer still goes to the case; nothing is lost or printed twice")
    func restartWhileAQuestionWaits() throws {
        let code = Self.code(1)
        let question = "Di sebelah mana persisnya?"
        let answer = "Di sebelah utara SD 2"
        let (session, first) = try Self.fileFirstCase(then: [
            "#opd-pupr budi> ambil \(code)",
            "#opd-pupr budi> tanya \(code) \(question)",
        ])
        #expect(first.to("warga").last == "\(Self.pupr) bertanya tentang aduan \(code):\n\(question)\nBalas pesan ini untuk menjawab.")
        #expect(first.count("Jawaban pelapor") == 0)

        // A new process on the same database, an hour later.
        let second = try session.chat([
            answer,
            "#opd-pupr budi> lihat \(code)",
            "#opd-pupr budi> selesai \(code) Lubang sudah ditambal",
            "ya",
            "5",
        ], clock: "2026-11-23T10:00:00+08:00")
        // Nothing of the first run is printed again: no announcement, no question, no welcome.
        for old in ["Aduan baru", "bertanya tentang aduan", "Selamat datang", "diambil oleh", "sedang ditangani"] {
            #expect(second.count(old) == 0, "printed again after the restart: \(old)")
        }
        // The answer is taken as the answer, and shown to PUPR first thing.
        #expect(second.messages.prefix(2) == [
            .init(to: "warga", text: "Terima kasih, jawaban Anda sudah diteruskan ke \(Self.pupr) (aduan \(code))."),
            .init(to: "#opd-pupr", text: "Jawaban pelapor \(code):\n\(answer)"),
        ])
        // The case's history has the question and the answer, once each.
        let shown = try #require(second.to("#opd-pupr").first { $0.hasPrefix("\(code) · diproses") })
        #expect(shown.contains("dipegang budi"))
        #expect(shown.components(separatedBy: "budi: bertanya ke warga — \(question)").count == 2)
        #expect(shown.components(separatedBy: "pelapor: jawaban warga — \(answer)").count == 2)
        #expect(shown.contains("23 Nov 2026 10.00 WITA pelapor: jawaban warga"))
        #expect(second.to("warga").last == "Terima kasih atas penilaian Anda. Aduan \(code) ditutup.")
        #expect(second.to("#opd-pupr").last == "Pelapor menilai penanganan \(code): 5/5. Aduan ditutup.")

        // A third start has nothing left to say.
        let third = try session.chat([], clock: "2026-11-23T11:00:00+08:00")
        #expect(third.messages.isEmpty, "\(third.messages)")
        let c = try #require(try session.cases().first)
        #expect(c.status == "closed")
        #expect(c.rating == 5)
    }

    // MARK: c. Reminders and escalation

    @Test("reminders 4 h and 1 h before, then head, coordinator, leadership; each once, across restarts")
    func overdueLadderAcrossRestarts() throws {
        let code = Self.code(1)
        // Filed Monday 09:00, due Tuesday 09:00. Reminders at 05:00 and 08:00 Tuesday; the
        // head at 09:00, the coordinator at 13:00, the leadership Wednesday 09:00.
        let (session, first) = try Self.fileFirstCase(then: [
            "@jam +19j",  // Tue 04:00: nothing yet
            "#opd-pupr budi> daftar terlambat",
            "@jam +1j",   // Tue 05:00: the 4-hour reminder
        ])
        #expect(first.to("#opd-pupr").dropFirst() == [
            "Aduan terlambat: tidak ada.",
            "Pengingat: \(code) (Jalan, jembatan, atau saluran rusak, Desa Batur Selatan, Kecamatan Kintamani) harus ditanggapi "
                + "sebelum 24 Nov 2026 09.00 WITA (4 jam lagi) · belum diambil: ketik ambil \(code)",
        ])

        // Restarted at 08:30: the 1-hour reminder (due 08:00) fires once, late, saying how much
        // time is really left; the 4-hour one is not repeated.
        let second = try session.chat([
            "@jam +30m",  // 09:00: the deadline, the head
            "@jam +3j",   // 12:00: nothing
            "@jam +1j",   // 13:00: the coordinator
        ], clock: "2026-11-24T08:30:00+08:00")
        let pupr = second.to("#opd-pupr")
        #expect(pupr.count == 2, "\(pupr)")
        #expect(pupr.first == "Pengingat: \(code) (Jalan, jembatan, atau saluran rusak, Desa Batur Selatan, Kecamatan Kintamani) "
            + "harus ditanggapi sebelum 24 Nov 2026 09.00 WITA (30 menit lagi) · belum diambil: ketik ambil \(code)")
        let head = try #require(pupr.last)
        #expect(head.hasPrefix("kadis-pupr"))
        #expect(head.contains("ESKALASI tingkat 1 → kepala OPD: \(code)"))
        #expect(head.contains("di PUPR mencapai tenggat 24 Nov 2026 09.00 WITA (tepat pada tenggat)"))
        #expect(!head.contains("kadis-pupr, kadis-pupr"), "the head is named once, though listed per network")
        #expect(second.to("#aduan-bangli") == [
            "ESKALASI tingkat 2 → koordinator: \(code) (Jalan, jembatan, atau saluran rusak, Desa Batur Selatan, Kecamatan Kintamani) "
                + "di PUPR melewati tenggat 24 Nov 2026 09.00 WITA (terlambat 4 jam), status diterima.",
        ])
        #expect(second.to("#pimpinan-bangli").isEmpty)
        #expect(second.count("4 jam lagi") == 0)

        // Restarted on Wednesday 10:00: the leadership is told once; then the ladder is done.
        let third = try session.chat([
            "@jam +2hari",
            "#opd-pupr budi> daftar terlambat",
            "#opd-pupr budi> lihat \(code)",
        ], clock: "2026-11-25T10:00:00+08:00")
        #expect(third.to("#pimpinan-bangli") == [
            "ESKALASI tingkat 3 → pimpinan daerah (Sekda/Bupati): \(code) (Jalan, jembatan, atau saluran rusak, Desa Batur Selatan, "
                + "Kecamatan Kintamani) di PUPR melewati tenggat 24 Nov 2026 09.00 WITA (terlambat 25 jam), status diterima.",
        ])
        #expect(third.count("ESKALASI") == 1)
        #expect(third.count("Pengingat") == 0)
        let lists = third.to("#opd-pupr")
        #expect(lists.count == 2)
        #expect(lists.first?.hasPrefix("Aduan terlambat (1):\n\(code) · diterima · PUPR") == true)
        #expect(lists.first?.contains("TERLAMBAT sejak 24 Nov 2026 09.00 WITA") == true)
        let history = try #require(lists.last)
        #expect(history.components(separatedBy: "sistem: pengingat").count == 3)
        #expect(history.components(separatedBy: "sistem: eskalasi").count == 4)
        #expect(history.contains("24 Nov 2026 08.30 WITA sistem: pengingat — 1 jam sebelum tenggat"))
        // The clock talks to staff only: the citizen heard nothing after the receipt.
        for run in [first, second, third] {
            #expect(!run.all("warga").contains("ESKALASI") && !run.all("warga").contains("Pengingat"))
        }
        #expect(second.to("warga").isEmpty && third.to("warga").isEmpty)
    }

    // MARK: d. Who may do what

    @Test("only listed staff act, only on their agency's cases; coordinators on all; chatter gets nothing")
    func authorization() throws {
        let code = Self.code(1)
        let (session, t) = try Self.fileFirstCase(then: [
            "ani> status \(code)",                       // another citizen's number
            "#opd-pupr mallory> ambil \(code)",           // not staff
            "#opd-dlh trc-dlh> ambil \(code)",            // staff, but of DLH
            "#opd-pupr budi> ambil",                      // malformed
            "#opd-pupr budi> selamat pagi",               // chatter
            "#opd-pupr budi> tunggu sebentar ya",         // chatter that starts with a command word
            "#random budi> ambil \(code)",                // not a staff channel
            "#opd-dlh mallory> kontak \(code) mau tahu",  // not staff
            "#aduan-bangli sari> teruskan \(code) dlh salah kategori? mohon dicek",
            "#opd-pupr budi> ambil \(code)",              // no longer PUPR's
            "#opd-dlh trc-dlh> ambil \(code)",
            "#opd-dlh trc-dlh> kontak \(code) petugas lapangan perlu lokasi persis",
            "#opd-dlh trc-dlh> lihat \(code)",
        ])

        // The other citizen learns nothing about the case.
        let ani = t.all("ani")
        #expect(ani.contains("tidak ada di antara aduan Anda"), "\(ani)")
        for secret in ["Batur", "Jalan berlubang", "PUPR", "diterima", "0812"] {
            #expect(!ani.contains(secret), "ani learned \(secret)")
        }

        #expect(Array(t.to("#opd-pupr").dropFirst()) == [
            "Akun terminal:mallory tidak terdaftar sebagai staf di bot ini; hubungi admin. (This account is not listed as staff.)",
            "Kode aduan tidak ada. / The tracking number is missing.\nCara pakai: ambil KODE — contoh: ambil BGL-K7M-4QX\n(English: take CODE)",
            "\(code) bukan aduan OPD Anda; hanya koordinator atau DLH yang dapat menanganinya. (Not your agency's complaint.)",
        ])
        #expect(t.to("#random").isEmpty)

        let dlh = t.to("#opd-dlh")
        #expect(dlh.count == 6, "\(dlh)")
        #expect(dlh.first == "\(code) bukan aduan OPD Anda; hanya koordinator atau PUPR yang dapat menanganinya. (Not your agency's complaint.)")
        #expect(dlh.dropFirst().first == "Akun terminal:mallory tidak terdaftar sebagai staf di bot ini; hubungi admin. (This account is not listed as staff.)")
        // The coordinator's forward reaches DLH as an announcement to take.
        let forwarded = dlh[2]
        #expect(forwarded.hasPrefix("Diteruskan dari PUPR oleh sari"))
        #expect(forwarded.contains("Aduan baru \(code)"))
        #expect(forwarded.contains("Untuk TRC Dinas Lingkungan Hidup (DLH)"))
        #expect(forwarded.hasSuffix("Ketik: ambil \(code)"))
        #expect(dlh[3] == "✔ \(code) diambil oleh trc-dlh · diproses. Warga sudah diberi tahu.")
        #expect(dlh[4] == "Kontak pelapor \(code): +6281234567890 — akses ini dicatat (trc-dlh: petugas lapangan perlu lokasi persis).")
        #expect(dlh[5].contains("trc-dlh: membuka kontak — petugas lapangan perlu lokasi persis"))
        #expect(dlh[5].contains("Pelapor: 0812*****890"))
        #expect(t.to("#aduan-bangli").last == "✔ \(code) diteruskan ke DLH. Warga sudah diberi tahu.")

        // The citizen hears of the forward and of DLH taking it, nothing of the refusals.
        #expect(try t.afterReceipt() == [
            "Aduan \(code) diteruskan ke Dinas Lingkungan Hidup (DLH).",
            "Aduan \(code) sedang ditangani oleh Dinas Lingkungan Hidup (DLH).",
        ])

        let c = try #require(try session.cases().first)
        #expect(c.opd == "dlh")
        #expect(c.status == "in_progress")
        #expect(c.assignee == "terminal:trc-dlh")
    }

    // MARK: e. Waiting

    @Test("tunda tells the citizen why and until when; the clock stops while waiting; proses resumes it")
    func waitingPausesTheClock() throws {
        let code = Self.code(1)
        let (_, t) = try Self.fileFirstCase(then: [
            "#opd-pupr budi> ambil \(code)",
            "@jam +2j",   // Mon 11:00: 22 hours left
            "#opd-pupr budi> tunda \(code) 15-12-2026 menunggu pengadaan aspal",
            "status \(code)",
            "@jam +3hari", // Thu 11:00: long past the old deadline (Tue 09:00)
            "#opd-pupr budi> daftar terlambat",
            "#opd-pupr budi> daftar menunggu",
            "#opd-pupr budi> ambil \(code)",
            "#opd-pupr budi> proses \(code) aspal sudah datang",
            "@jam +17j",  // Fri 04:00: nothing yet
            "@jam +1j",   // Fri 05:00: 4 hours before the new deadline
        ])

        let after = try t.afterReceipt()
        #expect(after.count == 4, "\(after)")
        #expect(after.first == "Aduan \(code) sedang ditangani oleh \(Self.pupr).")
        #expect(after.dropFirst().first == "Penanganan aduan \(code) masih menunggu: menunggu pengadaan aspal. "
            + "Perkiraan sampai Selasa, 15 Desember 2026. Kami kabari lagi bila ada perkembangan.")
        #expect(after.dropFirst(2).first?.hasPrefix("• *\(code)*: menunggu") == true)
        #expect(after.last == "Aduan \(code) sedang ditangani oleh \(Self.pupr).")

        #expect(Array(t.to("#opd-pupr").dropFirst()) == [
            "✔ \(code) diambil oleh budi · diproses. Warga sudah diberi tahu.",
            "✔ \(code) menunggu sampai Selasa, 15 Desember 2026: menunggu pengadaan aspal. Jam tanggapan berhenti; warga sudah diberi tahu.",
            "Aduan terlambat: tidak ada.",
            "Aduan menunggu (1):\n\(code) · menunggu · PUPR · Jalan, jembatan, atau saluran rusak · Desa Batur Selatan, "
                + "Kecamatan Kintamani · s.d. 2026-12-15 · budi",
            "\(code) berstatus menunggu; perintah ambil tidak bisa dipakai. Yang bisa: teruskan, proses, tunda, selesai, tolak, duplikat. "
                + "(\(code) is waiting.)",
            // 22 hours were left when it was put on hold: due Friday 09:00.
            "✔ \(code) diproses · tenggat 27 Nov 2026 09.00 WITA. Warga sudah diberi tahu.",
            "Pengingat: \(code) (Jalan, jembatan, atau saluran rusak, Desa Batur Selatan, Kecamatan Kintamani) harus ditanggapi "
                + "sebelum 27 Nov 2026 09.00 WITA (4 jam lagi) · dipegang budi",
        ])
        // No reminder and no escalation while it waited.
        #expect(t.count("ESKALASI") == 0)
        #expect(t.count("Pengingat") == 1)
    }

    // MARK: Privacy

    @Test("an anonymous citizen stays unknown to staff; a sensitive category is marked confidential")
    func privacy() throws {
        let session = try DeskSession()
        let anonymous = Self.code(1)
        let sensitive = Self.code(2)
        let t = try session.chat(
            DeskSession.intake("ani", privacy: "3")
            + DeskSession.intake("komang", category: "kesehatan", details: "Puskesmas tutup terus padahal jam buka",
                                 phone: "0813 1111 2222")
            + [
                "#opd-pupr budi> kontak \(anonymous) perlu lokasi persis",
                "#opd-pupr budi> tanya \(anonymous) Di depan rumah nomor berapa?",
                "ani> Nomor 12",
                "#opd-pupr budi> lihat \(anonymous)",
            ], clock: Self.monday9)

        let pupr = t.to("#opd-pupr")
        #expect(pupr.first?.contains("Kontak: anonim (identitas pelapor dirahasiakan) · ANONIM · RAHASIA (jangan disebarkan)") == true)
        #expect(pupr.dropFirst().first == "\(anonymous) dilaporkan secara anonim: identitas dan kontak pelapor tidak dibuka. "
            + "Hubungi pelapor lewat: tanya \(anonymous) pertanyaan")
        #expect(pupr.contains("Jawaban pelapor \(anonymous):\nNomor 12"))
        #expect(t.all("#opd-pupr").range(of: #"\bani\b"#, options: .regularExpression) == nil, "staff learned who filed it")
        #expect(t.to("ani").contains("Terima kasih, jawaban Anda sudah diteruskan ke \(Self.pupr) (aduan \(anonymous))."))

        let dinkes = try #require(t.to("#opd-dinkes").first)
        #expect(dinkes.hasPrefix("Aduan baru \(sensitive) · Puskesmas, rumah sakit, BPJS"))
        #expect(dinkes.contains("Kontak: 0813*****222 · RAHASIA (data sensitif, jangan disebarkan)"))
        #expect(!t.all("#opd-dinkes").contains("1111") && !t.all("#aduan-bangli").contains("1111"))

        let filed = try session.cases()
        let a = try #require(filed.first { $0.tracking == anonymous })
        #expect(a.anonymous == true && a.confidential == true && a.contact == nil)
        let s = try #require(filed.first { $0.tracking == sensitive })
        #expect(s.confidential == true && s.anonymous == false)
    }
}
