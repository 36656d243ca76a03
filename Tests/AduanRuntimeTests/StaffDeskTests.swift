import AduanCore
import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Testing

@Suite("The staff desk: commands in staff channels, through BotRuntime on a real SQLite file")
struct StaffDeskTests {
    // MARK: - The whole workflow

    @Test("file → announce → ambil → tanya/answer → balas → catatan → selesai → ya → rating closes the case")
    func fullWorkflow() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.file(as: "ani")

        // Announced in the agency's and the coordinators' channels, with how to take it.
        var out = try rt.drain()
        #expect(out.recipients == ["#opd-pupr", "#koordinator"])
        for text in out.map(\.text) {
            #expect(text.contains("Aduan baru \(t)"))
            #expect(text.contains("Ketik: ambil \(t)"))
            #expect(text.contains("Jalan berlubang di depan pura"))
            #expect(text.contains("0812****789"), "the contact is masked: \(text)")
            #expect(!text.contains("08123456789") && !text.contains("8123456789"))
        }

        // ambil: in progress, taken by budi, the citizen told (under the agency's name).
        let taken = try await rt.staffOK("budi", "ambil \(t)")
        #expect(taken.contains(t) && taken.contains("budi"))
        var record = try rt.stored(t)
        #expect(record.status == "in_progress")
        #expect(record.assignee == "terminal:budi")
        out = try rt.drain()
        #expect(out.recipients == ["@ani"])
        #expect(out.to("ani") == ["Aduan \(t) sedang ditangani oleh Dinas Pekerjaan Umum (PUPR)."])

        // tanya: the citizen gets the question; their next message is the answer.
        let asked = try await rt.staffOK("budi", "tanya \(t) Lubangnya di depan rumah nomor berapa?")
        #expect(asked.contains("Pertanyaan dikirim"))
        out = try rt.drain()
        #expect(out.recipients == ["@ani"])
        #expect(out.to("ani").first?.contains("Lubangnya di depan rumah nomor berapa?") == true)
        #expect(out.to("ani").first?.contains("Dinas Pekerjaan Umum (PUPR) bertanya tentang aduan \(t)") == true)
        #expect(try rt.stored(t).prompt == "info")

        let answerReply = try await rt.citizen("ani", says: "Depan rumah nomor 12, dekat warung")
        #expect(answerReply == ["Terima kasih, jawaban Anda sudah diteruskan ke Dinas Pekerjaan Umum (PUPR) (aduan \(t))."])
        #expect(try rt.database.caseCount() == 1, "the answer is not a new intake")
        #expect(try rt.stored(t).prompt == nil)
        out = try rt.drain()
        #expect(out.recipients == ["#opd-pupr"])
        #expect(out.in("#opd-pupr") == ["Jawaban pelapor \(t):\nDepan rumah nomor 12, dekat warung"])
        let answerEvent = try #require(try rt.database.events(caseID: record.id!).last)
        #expect(answerEvent.kind == "citizen_answer")
        #expect(answerEvent.note == "Depan rumah nomor 12, dekat warung")
        #expect(answerEvent.actor == "uji|warga:ani")

        // The message after that is a dialog step again.
        #expect(try await rt.citizen("ani", says: "halo").first == "Halo dari Bot Uji.")
        _ = try await rt.citizen("ani", says: "batal")

        // balas: relayed under the agency's name, never the officer's account.
        try await rt.staffOK("budi", "balas \(t) Terima kasih, petugas akan meninjau lokasi besok pagi.")
        out = try rt.drain()
        #expect(out.to("ani") == ["Pesan dari Dinas Pekerjaan Umum (PUPR) tentang aduan \(t):\n"
            + "Terima kasih, petugas akan meninjau lokasi besok pagi."])

        // catatan: internal, never sent anywhere.
        let noted = try await rt.staffOK("budi", "catatan \(t) sudah koordinasi dengan kepala desa")
        #expect(noted.contains("tidak terlihat oleh warga"))
        #expect(try rt.drain().isEmpty)

        // selesai: resolved, the handling report to the head's channel, the citizen asked.
        try await rt.staffOK("budi", "selesai \(t) Lubang sudah ditambal dengan aspal.")
        record = try rt.stored(t)
        #expect(record.status == "resolved")
        #expect(record.prompt == "fixed")
        out = try rt.drain()
        #expect(Set(out.recipients) == ["@ani", "#kadis-pupr"])
        let resolvedNotice = try #require(out.to("ani").first)
        #expect(resolvedNotice.contains("Lubang sudah ditambal dengan aspal."))
        #expect(out.to("ani").count == 2 && out.to("ani")[1].contains("Balas ya atau tidak"))
        let report = try #require(out.in("#kadis-pupr").first)
        #expect(report.contains("Laporan penanganan \(t)") && report.contains("Lubang sudah ditambal"))

        // ya → asked for a rating; 5 → closed with the rating.
        let yes = try await rt.citizen("ani", says: "ya")
        #expect(yes.count == 1 && yes[0].contains("Beri nilai"))
        #expect(try rt.stored(t).prompt == "rating")
        #expect(try rt.stored(t).status == "resolved")
        let rated = try await rt.citizen("ani", says: "5")
        #expect(rated == ["Terima kasih atas penilaian Anda. Aduan \(t) ditutup."])
        record = try rt.stored(t)
        #expect(record.status == "closed")
        #expect(record.rating == 5)
        #expect(record.prompt == nil)
        out = try rt.drain()
        #expect(out.in("#opd-pupr").first?.contains("5/5") == true)
        #expect(try rt.eventKinds(t) == ["received", "taken", "question", "citizen_answer", "reply", "note", "resolved",
                                          "confirmed_fixed", "rating", "closed"])

        // The prompt is gone: the next message is the dialog again.
        #expect(try await rt.citizen("ani", says: "halo").first == "Halo dari Bot Uji.")
    }

    @Test("a citizen who chose English gets every notice in English, under the agency's English name")
    func englishCitizen() async throws {
        let rt = try DeskFixture().runtime()
        _ = try await rt.citizen("tom", says: "halo")
        _ = try await rt.citizen("tom", says: "bahasa en")
        for text in ["batur selatan", "jalan", "A big pothole near the temple", "08123456789", "1"] {
            _ = try await rt.citizen("tom", says: text)
        }
        let t = try #require(try rt.database.cases(conversationKey: "uji|warga:tom").first?.tracking)
        #expect(try rt.stored(t).language == "en")
        _ = try rt.drain()
        try await rt.staffOK("budi", "ambil \(t)")
        try await rt.staffOK("budi", "tunda \(t) 20-01-2026 menunggu aspal")
        try await rt.staffOK("budi", "tolak \(t) jalan nasional | BPJN Bali")
        let out = try rt.drain().to("tom")
        #expect(out == [
            "Public Works (PUPR) is now working on complaint \(t).",
            "Work on complaint \(t) is waiting: menunggu aspal. Expected until Tuesday, 20 January 2026. "
                + "We will tell you when it moves on.",
            "Sorry, complaint \(t) cannot be taken further: jalan nasional. Please contact: BPJN Bali.",
        ])
    }

    @Test("no officer's name or account ever reaches the citizen; the internal note never does")
    func citizenNeverSeesStaffNames() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.file(as: "ani")
        var toCitizen: [String] = []
        for command in ["ambil \(t)", "tanya \(t) Sejak kapan?", "balas \(t) Kami tinjau besok.",
                        "catatan \(t) RAHASIA-INTERNAL pak kades minta didahulukan", "tunda \(t) 20-01-2026 menunggu aspal",
                        "proses \(t) aspal datang", "selesai \(t) sudah ditambal"] {
            try await rt.staffOK("budi", command)
            toCitizen += try rt.drain().to("ani")
        }
        // take, question, reply, wait, resume, resolved + "is it fixed?".
        #expect(toCitizen.count == 7)
        for text in toCitizen {
            #expect(!text.contains("budi"), "\(text)")
            #expect(!text.contains("terminal:"), "\(text)")
            #expect(!text.contains("RAHASIA-INTERNAL"), "\(text)")
        }
    }

    @Test("the citizen says the problem is not fixed: reopened, the agency told, a fresh deadline")
    func notFixedReopens() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let t = try await rt.fileTaken(as: "ani")
        try await rt.staffOK("budi", "selesai \(t) Lubang sudah ditambal.")
        _ = try rt.drain()
        fixture.advance(hours: 30)
        let reply = try await rt.citizen("ani", says: "tidak, masih berlubang")
        #expect(reply == ["Mohon maaf. Aduan \(t) kami buka kembali dan Dinas Pekerjaan Umum (PUPR) sudah diberi tahu."])
        let record = try rt.stored(t)
        #expect(record.status == "reopened")
        #expect(record.assignee == nil)
        #expect(record.prompt == nil)
        #expect(record.dueAt == fixture.now.addingTimeInterval(24 * 3600), "a fresh 24-hour deadline from now")
        #expect(record.clockStage == 0)
        #expect(record.alarmAt == fixture.now.addingTimeInterval(20 * 3600), "the reminder 4 hours before it")
        let out = try rt.drain()
        #expect(out.recipients == ["#opd-pupr"])
        let told = try #require(out.in("#opd-pupr").first)
        #expect(told.contains("BELUM beres") && told.contains("masih berlubang") && told.contains("ambil \(t)"))
        #expect(try rt.eventKinds(t).suffix(2) == ["resolved", "not_fixed"])
        // Its next message is the dialog again, and staff can take it anew.
        #expect(try await rt.citizen("ani", says: "halo").first == "Halo dari Bot Uji.")
        try await rt.staffOK("budi", "ambil \(t)")
        #expect(try rt.stored(t).status == "in_progress")
    }

    @Test("an unclear answer to 'is it fixed?' and to the rating is asked again; lewati closes without a rating")
    func unclearAnswersAreAskedAgain() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.fileTaken(as: "ani")
        try await rt.staffOK("budi", "selesai \(t) Lubang sudah ditambal.")
        let unclear = try await rt.citizen("ani", says: "mungkin")
        #expect(unclear.count == 1 && unclear[0].hasPrefix("Maaf, jawabannya belum jelas. Apakah masalah pada aduan \(t) sudah beres?"))
        #expect(try rt.stored(t).status == "resolved")
        _ = try await rt.citizen("ani", says: "sudah")
        #expect(try await rt.citizen("ani", says: "9").first?.contains("1 sampai 5") == true)
        #expect(try rt.stored(t).status == "resolved")
        _ = try await rt.citizen("ani", says: "lewati")
        let record = try rt.stored(t)
        #expect(record.status == "closed" && record.rating == nil)
    }

    @Test("a question after selesai does not lose 'is it fixed?': after the answer the citizen is asked again")
    func questionAfterResolution() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.fileTaken(as: "ani")
        try await rt.staffOK("budi", "selesai \(t) Lubang sudah ditambal.")
        try await rt.staffOK("budi", "tanya \(t) Apakah tambalannya rata?")
        let answer = try await rt.citizen("ani", says: "Sudah rata, terima kasih pak")
        #expect(answer.first?.contains("jawaban Anda sudah diteruskan") == true)
        #expect(answer.joined().contains("sudah beres"), "the citizen is asked again: \(answer)")
        #expect(try rt.stored(t).prompt == "fixed")
        #expect(try await rt.citizen("ani", says: "ya").first?.contains("Beri nilai") == true)
        _ = try await rt.citizen("ani", says: "4")
        #expect(try rt.stored(t).status == "closed" && (try rt.stored(t).rating) == 4)
    }

    @Test("a citizen's status command still works while a question waits, and does not answer it")
    func statusWhileAsked() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.fileTaken(as: "ani")
        try await rt.staffOK("budi", "tanya \(t) Sejak kapan?")
        #expect(try await rt.citizen("ani", says: "status \(t)") == ["\(t): diproses"])
        #expect(try rt.stored(t).prompt == "info")
        _ = try await rt.citizen("ani", says: "Sejak minggu lalu")
        #expect(try rt.stored(t).prompt == nil)
        #expect(try rt.eventKinds(t).last == "citizen_answer")
    }

    @Test("a question survives a restart: the answer after the restart is attached")
    func questionSurvivesRestart() async throws {
        let fixture = try DeskFixture()
        do {
            let rt = try fixture.runtime()
            let t = try await rt.file(as: "ani")
            try await rt.staffOK("budi", "tanya \(t) Sejak kapan?")
            try rt.database.close()
        }
        let rt = try fixture.runtime()
        #expect(try await rt.citizen("ani", says: "Sejak minggu lalu").first?.contains("jawaban Anda sudah diteruskan") == true)
        #expect(try rt.database.caseCount() == 1)
    }

    // MARK: - The other commands

    @Test("verifikasi, then teruskan to DLH: announced there, the citizen told; DLH may act, PUPR no longer")
    func verifyAndForward() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.file(as: "ani")
        _ = try rt.drain()

        let verified = try await rt.staffOK("sari", "verifikasi \(t) foto dan lokasi sesuai", in: "#koordinator")
        #expect(verified.contains("diverifikasi"))
        #expect(try rt.stored(t).status == "verified")
        var out = try rt.drain()
        #expect(out.recipients == ["@ani"])
        #expect(out.to("ani").first?.contains("sudah diverifikasi") == true)

        try await rt.staffOK("sari", "teruskan \(t) dlh sampah menutup saluran", in: "#koordinator")
        let record = try rt.stored(t)
        #expect(record.status == "forwarded")
        #expect(record.opd == "dlh")
        out = try rt.drain()
        #expect(Set(out.recipients) == ["@ani", "#opd-dlh"])
        #expect(out.to("ani") == ["Aduan \(t) diteruskan ke Dinas Lingkungan Hidup (DLH)."])
        let announcement = try #require(out.in("#opd-dlh").first)
        #expect(announcement.contains("Diteruskan dari PUPR oleh sari") && announcement.contains("ambil \(t)"))
        #expect(!announcement.contains("08123456789"))

        // budi (PUPR) may no longer act; dewi (DLH) may.
        let refused = try await rt.staff("budi", "ambil \(t)")
        #expect(refused.count == 1 && refused[0].contains("bukan aduan OPD Anda"))
        #expect(try rt.stored(t).status == "forwarded")
        try await rt.staffOK("dewi", "ambil \(t)", in: "#opd-dlh")
        #expect(try rt.stored(t).assignee == "terminal:dewi")
        let event = try #require(try rt.database.events(caseID: record.id!).first { $0.kind == "forwarded" })
        #expect(event.actor == "terminal:sari")
        #expect(event.note == "ke dlh: sampah menutup saluran")
        #expect(event.fromStatus == "verified" && event.toStatus == "forwarded")
        // Forwarding to an unknown agency is refused with the choices.
        let unknown = try await rt.staff("dewi", "teruskan \(t) dinkes", in: "#opd-dlh")
        #expect(unknown.first?.contains("tidak dikenal") == true && unknown.first?.contains("pupr, dlh") == true)
    }

    @Test("tunda pauses the clock: no alarm while waiting, and proses moves the deadline by the paused time")
    func waitPausesTheClock() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let t = try await rt.file(as: "ani")
        let filedDue = try #require(try rt.stored(t).dueAt)
        fixture.advance(hours: 2)
        try await rt.staffOK("budi", "ambil \(t)")
        _ = try rt.drain()

        let ack = try await rt.staffOK("budi", "tunda \(t) 20-01-2026 menunggu pengadaan aspal")
        #expect(ack.contains("menunggu"))
        var record = try rt.stored(t)
        #expect(record.status == "waiting")
        #expect(record.waitingUntil == "2026-01-20")
        #expect(record.waitingReason == "menunggu pengadaan aspal")
        #expect(record.pausedRemaining == Double(22 * 3600))
        // No reminder or escalation while waiting; one alarm on the morning the wait ends.
        #expect(record.alarmAt == Self.morning(of: "2026-01-20"))
        let out = try rt.drain()
        #expect(out.recipients == ["@ani"])
        let notice = try #require(out.to("ani").first)
        #expect(notice.contains("menunggu pengadaan aspal") && notice.contains("20 Januari 2026"), "\(notice)")

        // Long after the old deadline: nothing fires, and it is not late.
        #expect(try fixture.runClock(rt, after: 24 * 5) == 0)
        #expect(try rt.drain().isEmpty)
        let late = try await rt.staff("budi", "daftar terlambat")
        #expect(late == ["Aduan terlambat: tidak ada."])
        #expect(try await rt.staff("budi", "daftar menunggu").first?.contains(t) == true)
        // ambil on a waiting case is refused (it would restart the clock silently).
        #expect(try await rt.staff("budi", "ambil \(t)").first?.contains("berstatus menunggu") == true)

        try await rt.staffOK("budi", "proses \(t) aspal sudah datang")
        record = try rt.stored(t)
        #expect(record.status == "in_progress")
        #expect(record.dueAt == fixture.now.addingTimeInterval(22 * 3600), "the 22 hours left when it paused")
        #expect(record.dueAt == filedDue.addingTimeInterval(24 * 5 * 3600), "moved by the paused time")
        #expect(record.pausedRemaining == nil && record.waitingUntil == nil && record.waitingReason == nil)
        #expect(record.alarmAt == fixture.now.addingTimeInterval(18 * 3600))
        #expect(try rt.drain().to("ani") == ["Aduan \(t) sedang ditangani oleh Dinas Pekerjaan Umum (PUPR)."])

        #expect(try fixture.runClock(rt, after: 18) == 1)
        #expect(try rt.drain().in("#opd-pupr").first?.hasPrefix("Pengingat: \(t)") == true)
    }

    @Test("tunda with a past or unreadable date gets the usage; nothing changes")
    func waitWithBadDate() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.file(as: "ani")
        _ = try rt.drain()
        let past = try await rt.staff("budi", "tunda \(t) 01-01-2026 menunggu aspal")
        #expect(past.count == 1 && past[0].contains("sudah lewat") && past[0].contains("Cara pakai: tunda"))
        let unreadable = try await rt.staff("budi", "tunda \(t) kapan-kapan menunggu aspal")
        #expect(unreadable.count == 1 && unreadable[0].contains("tidak terbaca"))
        let noReason = try await rt.staff("budi", "tunda \(t) 20-01-2026")
        #expect(noReason.count == 1 && noReason[0].contains("Alasan penundaan tidak ada"))
        #expect(try rt.stored(t).status == "received")
        #expect(try rt.eventKinds(t) == ["received"])
        #expect(try rt.drain().isEmpty)
    }

    @Test("tolak with | names who to contact; the citizen gets the reason and the authority; then tutup, then buka")
    func rejectCloseReopen() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let t = try await rt.file(as: "ani")
        _ = try rt.drain()
        let ack = try await rt.staffOK("budi", "tolak \(t) kecelakaan lalu lintas, bukan kewenangan PUPR | Polres Bangli")
        #expect(ack.contains("Polres Bangli"))
        var record = try rt.stored(t)
        #expect(record.status == "rejected")
        #expect(record.alarmAt == nil)
        var out = try rt.drain()
        #expect(out.recipients == ["@ani"])
        #expect(out.to("ani") == ["Mohon maaf, aduan \(t) tidak dapat ditindaklanjuti: kecelakaan lalu lintas, "
            + "bukan kewenangan PUPR. Silakan hubungi: Polres Bangli."])
        let event = try #require(try rt.database.events(caseID: record.id!).last)
        #expect(event.kind == "rejected" && event.note == "kecelakaan lalu lintas, bukan kewenangan PUPR | Polres Bangli")

        try await rt.staffOK("budi", "tutup \(t)")
        #expect(try rt.stored(t).status == "closed")
        #expect(try rt.drain().to("ani") == ["Aduan \(t) ditutup. Terima kasih sudah melapor."])

        fixture.advance(hours: 5)
        let reopened = try await rt.staffOK("budi", "buka \(t) ternyata jalan kabupaten")
        #expect(reopened.contains("tenggat baru"))
        record = try rt.stored(t)
        #expect(record.status == "reopened")
        #expect(record.dueAt == fixture.now.addingTimeInterval(24 * 3600))
        #expect(record.alarmAt != nil)
        out = try rt.drain()
        #expect(out.to("ani") == ["Aduan \(t) dibuka kembali (ternyata jalan kabupaten) dan ditangani lagi oleh "
            + "Dinas Pekerjaan Umum (PUPR)."])
    }

    @Test("a rejection without | and one whose reason ends in a full stop read well")
    func rejectWording() async throws {
        let rt = try DeskFixture().runtime()
        let a = try await rt.file(as: "ani")
        let b = try await rt.file(as: "bayu")
        _ = try rt.drain()
        try await rt.staffOK("budi", "tolak \(a) lokasi di luar Kabupaten Bangli")
        try await rt.staffOK("budi", "tolak \(b) jalan nasional. | BPJN Bali")
        let out = try rt.drain()
        #expect(out.to("ani") == ["Mohon maaf, aduan \(a) tidak dapat ditindaklanjuti: lokasi di luar Kabupaten Bangli."])
        #expect(out.to("bayu") == ["Mohon maaf, aduan \(b) tidak dapat ditindaklanjuti: jalan nasional. Silakan hubungi: BPJN Bali."])
    }

    @Test("duplikat: the duplicate's citizen gets the original's number and then every change of the original")
    func duplicateFollowsTheOriginal() async throws {
        let rt = try DeskFixture().runtime()
        let original = try await rt.file(as: "ani")
        let copy = try await rt.file(as: "bayu", details: "Ada lubang besar di jalan dekat pura")
        _ = try rt.drain()

        let ack = try await rt.staffOK("budi", "duplikat \(copy) \(original)")
        #expect(ack.contains(original))
        let duplicate = try rt.stored(copy)
        #expect(duplicate.status == "duplicate")
        #expect(duplicate.duplicateOf == (try rt.stored(original).id))
        #expect(duplicate.alarmAt == nil)
        var out = try rt.drain()
        #expect(out.recipients == ["@bayu"])
        let told = try #require(out.to("bayu").first)
        #expect(told.contains("sama dengan aduan \(original)") && told.contains("status \(original)"))

        try await rt.staffOK("budi", "ambil \(original)")
        out = try rt.drain()
        #expect(out.to("ani") == ["Aduan \(original) sedang ditangani oleh Dinas Pekerjaan Umum (PUPR)."])
        #expect(out.to("bayu") == ["Kabar aduan \(original) (sama dengan aduan Anda \(copy)): diproses."])

        try await rt.staffOK("budi", "selesai \(original) Lubang sudah ditambal.")
        out = try rt.drain()
        // The duplicate's citizen reads the handling report too.
        #expect(out.to("bayu") == ["Kabar aduan \(original) (sama dengan aduan Anda \(copy)): selesai — Lubang sudah ditambal."])
        #expect(try rt.stored(copy).prompt == nil, "only the original's citizen is asked whether it is fixed")

        // The original's citizen confirms and rates: the duplicate's citizen hears it is closed.
        _ = try await rt.citizen("ani", says: "ya")
        _ = try await rt.citizen("ani", says: "4")
        #expect(try rt.stored(original).status == "closed")
        out = try rt.drain()
        #expect(out.to("bayu") == ["Kabar aduan \(original) (sama dengan aduan Anda \(copy)): ditutup."])

        // Marking a case a duplicate of itself, or of an unknown number, is refused.
        let other = try await rt.file(as: "citra")
        #expect(try await rt.staff("budi", "duplikat \(other) \(other)").first?.contains("Cara pakai: duplikat") == true)
        #expect(try await rt.staff("budi", "duplikat \(other) UJI-XXX-XXX").first?.contains("tidak ditemukan") == true)
        #expect(try rt.stored(other).status == "received")
    }

    @Test("a duplicate of a duplicate is linked to the case that is handled; the original's citizen told of a reopen by the citizen")
    func duplicateChains() async throws {
        let rt = try DeskFixture().runtime()
        let a = try await rt.file(as: "ani")
        let b = try await rt.file(as: "bayu")
        let c = try await rt.file(as: "citra")
        try await rt.staffOK("budi", "duplikat \(b) \(a)")
        try await rt.staffOK("budi", "duplikat \(c) \(b)")
        #expect(try rt.stored(c).duplicateOf == (try rt.stored(a).id))
        try await rt.staffOK("budi", "ambil \(a)")
        try await rt.staffOK("budi", "selesai \(a) sudah ditambal")
        _ = try rt.drain()
        _ = try await rt.citizen("ani", says: "tidak")
        let out = try rt.drain()
        #expect(out.to("bayu") == ["Kabar aduan \(a) (sama dengan aduan Anda \(b)): dibuka kembali."])
        #expect(out.to("citra") == ["Kabar aduan \(a) (sama dengan aduan Anda \(c)): dibuka kembali."])
    }

    @Test("buka on a duplicate makes it a case of its own again: it no longer follows the original")
    func reopenedDuplicateStandsAlone() async throws {
        let rt = try DeskFixture().runtime()
        let a = try await rt.file(as: "ani")
        let b = try await rt.file(as: "bayu")
        try await rt.staffOK("budi", "duplikat \(b) \(a)")
        try await rt.staffOK("budi", "buka \(b) ternyata lokasinya berbeda")
        #expect(try rt.stored(b).status == "reopened")
        #expect(try rt.stored(b).duplicateOf == nil)
        _ = try rt.drain()
        try await rt.staffOK("budi", "ambil \(a)")
        #expect(try rt.drain().to("bayu").isEmpty)
        #expect(try await rt.staff("budi", "lihat \(b)").first?.contains("Duplikat dari") == false)
    }

    @Test("illegal transitions are refused with the status named, and nothing changes")
    func illegalTransitions() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.fileTaken(as: "ani")
        _ = try rt.drain()
        let before = try rt.stored(t)
        let closeRefused = try await rt.staff("budi", "tutup \(t)")
        #expect(closeRefused.count == 1)
        #expect(closeRefused[0].contains("\(t) berstatus diproses"), "\(closeRefused)")
        #expect(closeRefused[0].contains("tutup tidak bisa dipakai"))
        #expect(closeRefused[0].contains("Yang bisa:") && closeRefused[0].contains("selesai"))
        for command in ["verifikasi \(t)", "proses \(t)", "buka \(t)"] {
            let replies = try await rt.staff("budi", command)
            #expect(replies.count == 1 && replies[0].contains("berstatus diproses"), "\(command) → \(replies)")
        }
        #expect(try await rt.staff("budi", "ambil \(t)") == ["\(t) sudah Anda pegang. (Already yours.)"])
        #expect(try rt.stored(t) == before)
        #expect(try rt.eventKinds(t) == ["received", "taken"])
        #expect(try rt.drain().isEmpty)

        try await rt.staffOK("budi", "selesai \(t) sudah ditambal")
        for command in ["selesai \(t) lagi", "tunda \(t) 20-01-2026 aspal", "teruskan \(t) dlh", "ambil \(t)"] {
            let replies = try await rt.staff("budi", command)
            #expect(replies.count == 1 && replies[0].contains("berstatus selesai"), "\(command) → \(replies)")
        }
        #expect(try rt.stored(t).status == "resolved")
        #expect(try rt.stored(t).opd == "pupr")
    }

    @Test("lihat shows the case and its history; the contact masked")
    func show() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.fileTaken(as: "ani")
        try await rt.staffOK("budi", "catatan \(t) sudah koordinasi dengan kepala desa")
        try await rt.staffOK("budi", "tanya \(t) Sejak kapan?")
        _ = try await rt.citizen("ani", says: "Sejak minggu lalu")
        _ = try rt.drain()
        let shown = try await rt.staff("budi", "lihat \(t)")
        #expect(shown.count == 1)
        let text = try #require(shown.first)
        #expect(text.hasPrefix("\(t) · diproses · Jalan rusak"))
        #expect(text.contains("OPD: PUPR · dipegang budi"))
        #expect(text.contains("Pelapor: 0812****789"))
        #expect(!text.contains("RAHASIA"))
        #expect(text.contains("Uraian: Jalan berlubang di depan pura"))
        #expect(text.contains("Tenggat: "))
        #expect(text.contains("Riwayat:"))
        #expect(text.contains("pelapor: aduan masuk"))
        #expect(text.contains("budi: mengambil → diproses"))
        #expect(text.contains("budi: catatan internal — sudah koordinasi dengan kepala desa"))
        #expect(text.contains("budi: bertanya ke warga — Sejak kapan?"))
        #expect(text.contains("pelapor: jawaban warga — Sejak minggu lalu"))
        #expect(!text.contains("uji|warga"), "the citizen's identity is not shown")
        // lihat records nothing and changes nothing.
        #expect(try rt.eventKinds(t).count == 5)
        #expect(try rt.drain().isEmpty)
    }

    @Test("daftar: terbuka, saya, terlambat, opd, kecamatan, semua — each staff member sees their agency's cases")
    func lists() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let road = try await rt.file(as: "ani")
        let rubbish = try await rt.file(as: "bayu", category: "sampah", details: "Sampah menumpuk di pasar")
        fixture.advance(hours: 1)
        let elsewhere = try await rt.file(as: "citra", place: "yangapi")
        #expect(try rt.stored(elsewhere).kecamatan == "Tembuku")

        var text = try #require(try await rt.staff("budi", "daftar").first)
        #expect(text.hasPrefix("Aduan terbuka (2):"))
        #expect(text.contains(road) && text.contains(elsewhere) && !text.contains(rubbish))
        // The oldest deadline first.
        #expect(text.range(of: road)!.lowerBound < text.range(of: elsewhere)!.lowerBound)
        text = try #require(try await rt.staff("sari", "daftar terbuka", in: "#koordinator").first)
        #expect(text.hasPrefix("Aduan terbuka (3):"))
        text = try #require(try await rt.staff("dewi", "daftar", in: "#opd-dlh").first)
        #expect(text.hasPrefix("Aduan terbuka (1):") && text.contains(rubbish))

        try await rt.staffOK("budi", "ambil \(road)")
        text = try #require(try await rt.staff("budi", "daftar saya").first)
        #expect(text.hasPrefix("Aduan yang Anda pegang (1):") && text.contains(road) && text.contains("budi"))
        #expect(try await rt.staff("dewi", "daftar saya", in: "#opd-dlh") == ["Aduan yang Anda pegang: tidak ada."])

        #expect(try await rt.staff("budi", "daftar terlambat") == ["Aduan terlambat: tidak ada."])
        fixture.advance(hours: 24)
        text = try #require(try await rt.staff("budi", "daftar terlambat").first)
        #expect(text.hasPrefix("Aduan terlambat (1):") && text.contains(road) && text.contains("TERLAMBAT"))
        text = try #require(try await rt.staff("sari", "daftar terlambat", in: "#koordinator").first)
        #expect(text.hasPrefix("Aduan terlambat (2):") && text.contains(road) && text.contains(rubbish))

        #expect(try await rt.staff("budi", "daftar opd dlh") == ["Anda hanya dapat melihat aduan OPD Anda sendiri."])
        text = try #require(try await rt.staff("sari", "daftar opd dlh", in: "#koordinator").first)
        #expect(text.hasPrefix("Aduan terbuka DLH (1):") && text.contains(rubbish))
        #expect(try await rt.staff("sari", "daftar opd polres", in: "#koordinator").first?.contains("tidak dikenal") == true)

        text = try #require(try await rt.staff("budi", "daftar kecamatan kintamani").first)
        #expect(text.hasPrefix("Aduan terbuka di Kecamatan Kintamani (1):") && text.contains(road))
        text = try #require(try await rt.staff("budi", "daftar kec tembuku").first)
        #expect(text.contains(elsewhere) && !text.contains(road))
        #expect(try await rt.staff("budi", "daftar kecamatan atlantis").first?.contains("tidak dikenal") == true)

        try await rt.staffOK("budi", "tolak \(elsewhere) bukan jalan kabupaten")
        text = try #require(try await rt.staff("budi", "daftar").first)
        #expect(!text.contains(elsewhere))
        text = try #require(try await rt.staff("budi", "daftar semua").first)
        #expect(text.contains(elsewhere) && text.contains(road) && !text.contains(rubbish))
        #expect(try await rt.staff("budi", "daftar xyz").first?.contains("Cara pakai: daftar") == true)
    }

    @Test("long lists: the count is the real total; daftar semua shows the newest cases")
    func longLists() async throws {
        let (fixture, rt) = try DeskFixture.started()
        var numbers: [String] = []
        for i in 0..<23 {
            numbers.append(try await rt.file(as: "warga\(i)"))
            fixture.advance(hours: 0.1)
        }
        try await rt.staffOK("budi", "tolak \(numbers[22]) bukan jalan kabupaten")
        let open = try #require(try await rt.staff("budi", "daftar").first)
        let lines = open.split(separator: "\n")
        #expect(lines.first == "Aduan terbuka (20 dari 22):", "\(lines.first ?? "")")
        #expect(lines.count == 21)
        #expect(lines[1].hasPrefix(numbers[0]), "the oldest deadline first")
        let all = try #require(try await rt.staff("sari", "daftar semua", in: "#koordinator").first)
        let allLines = all.split(separator: "\n")
        #expect(allLines.first == "Semua aduan (20 dari 23, terbaru dulu):", "\(allLines.first ?? "")")
        #expect(allLines[1].hasPrefix(numbers[22]), "the newest first, the rejected one among them")
        #expect(!all.contains(numbers[0]))
    }

    @Test("kontak shows the full number and records the access; anonymous cases are refused")
    func contact() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.file(as: "ani")
        let anonymous = try await rt.file(as: "bayu", privacy: "3")
        let none = try await rt.file(as: "citra", phone: "lewati")
        let shown = try await rt.staff("budi", "kontak \(t) petugas lapangan perlu lokasi persis")
        #expect(shown.count == 1)
        #expect(shown[0].contains("+628123456789"), "\(shown)")
        let event = try #require(try rt.database.events(caseID: try rt.stored(t).id!).last)
        #expect(event.kind == "contact_access")
        #expect(event.actor == "terminal:budi")
        #expect(event.note == "petugas lapangan perlu lokasi persis")
        #expect(try rt.drain().to("ani").isEmpty, "nothing is sent to the citizen")

        let refused = try await rt.staff("budi", "kontak \(anonymous) perlu")
        #expect(refused.count == 1 && refused[0].contains("anonim") && !refused[0].contains("0812"))
        #expect(try rt.eventKinds(anonymous) == ["received"])
        let missing = try await rt.staff("budi", "kontak \(none) perlu")
        #expect(missing.first?.contains("tidak memberi nomor kontak") == true)
        #expect(try await rt.staff("budi", "kontak \(t)").first?.contains("Alasan membuka nomor telepon tidak ada") == true)
        // Another agency's staff cannot see it.
        #expect(try await rt.staff("dewi", "kontak \(t) ingin tahu", in: "#opd-dlh").first?.contains("bukan aduan OPD Anda") == true)
        #expect(try rt.eventKinds(t) == ["received", "contact_access"])
    }

    @Test("bantuan lists every command; bantuan tunda explains one")
    func help() async throws {
        let rt = try DeskFixture().runtime()
        let all = try #require(try await rt.staff("budi", "bantuan").first)
        for word in ["ambil KODE", "verifikasi KODE", "proses KODE", "balas KODE", "tanya KODE", "catatan KODE",
                     "teruskan KODE", "tunda KODE", "selesai KODE", "tolak KODE", "duplikat KODE", "buka KODE",
                     "tutup KODE", "lihat KODE", "kontak KODE", "daftar"] {
            #expect(all.contains(word), "\(word)")
        }
        let one = try #require(try await rt.staff("budi", "bantuan tunda").first)
        #expect(one.hasPrefix("Cara pakai: tunda KODE TANGGAL alasan"))
        // "help" answers in English, with the English words.
        let english = try #require(try await rt.staff("budi", "!help", in: "#koordinator").first)
        #expect(english.contains("take CODE") && !english.contains("Cara pakai"), "\(english)")
    }

    @Test("tracking numbers may be typed loosely; an unknown one is reported")
    func looseTrackingNumbers() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.file(as: "ani")
        let loose = t.lowercased().replacingOccurrences(of: "-", with: " ")
        try await rt.staffOK("budi", "!AMBIL \(loose)")
        #expect(try rt.stored(t).status == "in_progress")
        #expect(try await rt.staff("budi", "lihat UJI-XXX-XXX") == ["Aduan UJI-XXX-XXX tidak ditemukan. (No such complaint.)"])
    }

    // MARK: - Who may do what

    @Test("no account, an unlisted account, another agency's staff: refused, nothing changes")
    func refusedActors() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.file(as: "ani")
        _ = try rt.drain()
        let noAccount = try await rt.staff("budi", "ambil \(t)", account: false)
        #expect(noAccount.count == 1 && noAccount[0].contains("akun yang terverifikasi"))
        let unlisted = try await rt.staff("joko", "ambil \(t)")
        #expect(unlisted.count == 1 && unlisted[0].contains("terminal:joko tidak terdaftar"))
        let otherAgency = try await rt.staff("dewi", "ambil \(t)")
        #expect(otherAgency.count == 1 && otherAgency[0].contains("bukan aduan OPD Anda"))
        let otherHead = try await rt.staff("kadis-dlh", "selesai \(t) beres", in: "#opd-dlh")
        #expect(otherHead.count == 1 && otherHead[0].contains("bukan aduan OPD Anda"))
        for command in ["lihat \(t)", "tanya \(t) siapa Anda?", "catatan \(t) x", "tolak \(t) bukan urusan"] {
            let replies = try await rt.staff("dewi", command, in: "#opd-dlh")
            #expect(replies.count == 1 && replies[0].contains("bukan aduan OPD Anda"), "\(command) → \(replies)")
        }
        // Lists need a listed account too.
        #expect(try await rt.staff("joko", "daftar").first?.contains("tidak terdaftar") == true)
        // So do the help (some 25 lines) and the usage of a command typed wrong: one line of refusal.
        for command in ["bantuan", "!help", "bantuan tunda", "ambil"] {
            let outsider = try await rt.staff("joko", command)
            #expect(outsider.count == 1 && outsider[0].contains("tidak terdaftar") && !outsider[0].contains("\n"), "\(command) → \(outsider)")
            let anonymous = try await rt.staff("budi", command, account: false)
            #expect(anonymous.count == 1 && anonymous[0].contains("akun yang terverifikasi"), "\(command) → \(anonymous)")
        }
        let record = try rt.stored(t)
        #expect(record.status == "received" && record.assignee == nil && record.version == 1)
        #expect(try rt.eventKinds(t) == ["received"])
        #expect(try rt.drain().isEmpty)
    }

    @Test("the coordinator acts on every case; a head on their agency's")
    func coordinatorAndHead() async throws {
        let rt = try DeskFixture().runtime()
        let road = try await rt.file(as: "ani")
        let rubbish = try await rt.file(as: "bayu", category: "sampah", details: "Sampah menumpuk di pasar")
        try await rt.staffOK("sari", "ambil \(road)", in: "#koordinator")
        try await rt.staffOK("sari", "ambil \(rubbish)", in: "#koordinator")
        #expect(try rt.stored(road).assignee == "terminal:sari")
        #expect(try rt.stored(rubbish).assignee == "terminal:sari")
        try await rt.staffOK("kadis", "selesai \(road) sudah ditambal", in: "#kadis-pupr")
        #expect(try rt.stored(road).status == "resolved")
        #expect(try await rt.staff("kadis", "selesai \(rubbish) sudah diangkut", in: "#kadis-pupr").first?
            .contains("bukan aduan OPD Anda") == true)
        try await rt.staffOK("kadis-dlh", "selesai \(rubbish) sudah diangkut", in: "#opd-dlh")
        #expect(try rt.stored(rubbish).status == "resolved")
    }

    @Test("commands in other channels are ignored; chatter gets no answer; a malformed command gets its usage")
    func channelsChatterAndUsage() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.file(as: "ani")
        _ = try rt.drain()
        #expect(try await rt.staff("budi", "ambil \(t)", in: "#umum").isEmpty)
        #expect(try await rt.staff("sari", "ambil \(t)", in: "#random").isEmpty)
        #expect(try rt.stored(t).status == "received")
        #expect(try await rt.staff("budi", "selamat pagi semua").isEmpty)
        #expect(try await rt.staff("budi", "ada aduan baru tuh, ambil dong").isEmpty)
        #expect(try await rt.staff("budi", "").isEmpty)
        let usage = try await rt.staff("budi", "ambil")
        #expect(usage.count == 1)
        #expect(usage[0].contains("Kode aduan tidak ada"))
        #expect(usage[0].contains("Cara pakai: ambil KODE"))
        let notTracking = try await rt.staff("budi", "ambil UJI-123")
        #expect(notTracking.first?.contains("bukan kode aduan") == true)
        #expect(notTracking.first?.contains("Cara pakai: ambil KODE") == true)
        let noReply = try await rt.staff("budi", "balas \(t)")
        #expect(noReply.first?.contains("Teks balasan untuk pelapor tidak ada") == true)
        // Channel names are compared without case.
        try await rt.staffOK("budi", "ambil \(t)", in: "#OPD-PUPR")
        // A staff member's direct message is a citizen's conversation, not a command.
        let dm = try await rt.citizen("budi", says: "selesai \(t) beres")
        #expect(dm.first == "Halo dari Bot Uji.")
        #expect(try rt.stored(t).status == "in_progress")
        #expect(try rt.drain().in("#umum").isEmpty)
    }

    @Test("a citizen asking the status of someone else's case learns nothing")
    func statusOfAnotherCitizensCase() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.fileTaken(as: "ani")
        #expect(try await rt.citizen("ani", says: "status \(t)") == ["\(t): diproses"])
        let other = try await rt.citizen("bayu", says: "status \(t)")
        #expect(other.count == 1)
        #expect(other.first?.hasSuffix("tidak ditemukan.") == true, "\(other)")
        #expect(other.first?.contains("diproses") == false)
        #expect(try await rt.citizen("bayu", says: "status \(t.lowercased())").first?.contains("diproses") == false)
        #expect(try await rt.citizen("bayu", says: "status") == ["Belum ada aduan."])
    }
}

@Suite("The staff desk under load and across citizens")
struct StaffDeskConcurrencyTests {
    @Test("many staff commands on one case at once: every one is carried out, none is lost or fails")
    func concurrentCommandsOnOneCase() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let t = try await rt.file(as: "ani")
        try await withThrowingTaskGroup(of: [String].self) { group in
            for i in 0..<30 {
                group.addTask { try await rt.staff(i.isMultiple(of: 2) ? "budi" : "sari", "catatan \(t) catatan nomor \(i)",
                                                   in: i.isMultiple(of: 2) ? "#opd-pupr" : "#koordinator") }
            }
            group.addTask {
                for _ in 0..<10 {
                    _ = try fixture.runClock(rt, after: 3)
                }
                return ["✔ clock"]
            }
            for try await replies in group {
                #expect(replies.count == 1 && replies[0].hasPrefix("✔"), "\(replies)")
            }
        }
        let kinds = try rt.eventKinds(t)
        #expect(kinds.filter { $0 == "note" }.count == 30)
        #expect(kinds.filter { $0 == "reminder" || $0 == "escalation" }.count == 3, "at 20, 24 and 28 of the 30 hours")
    }

    @Test("the citizen's answers while staff keep writing to the case: none is lost or fails")
    func citizenAnswersWhileStaffWrite() async throws {
        let rt = try DeskFixture().runtime()
        var numbers: [String] = []
        for name in ["ani", "bayu", "citra", "dodi"] {
            let t = try await rt.file(as: name)
            try await rt.staffOK("budi", "tanya \(t) Sejak kapan?")
            numbers.append(t)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for t in numbers {
                group.addTask {
                    for i in 0..<15 { _ = try await rt.staff("budi", "catatan \(t) catatan \(i)") }
                }
            }
            for name in ["ani", "bayu", "citra", "dodi"] {
                group.addTask {
                    let reply = try await rt.citizen(name, says: "Sejak minggu lalu")
                    #expect(reply.first?.contains("jawaban Anda sudah diteruskan") == true, "\(name): \(reply)")
                }
            }
            try await group.waitForAll()
        }
        for t in numbers {
            let kinds = try rt.eventKinds(t)
            #expect(kinds.filter { $0 == "citizen_answer" }.count == 1)
            #expect(kinds.filter { $0 == "note" }.count == 15)
            #expect(try rt.stored(t).prompt == nil)
        }
    }

    @Test("the citizen of a duplicate can follow the original with status, as they were told")
    func duplicateCitizenSeesTheOriginal() async throws {
        let rt = try DeskFixture().runtime()
        let original = try await rt.file(as: "ani")
        let copy = try await rt.file(as: "bayu")
        let unrelated = try await rt.file(as: "citra")
        try await rt.staffOK("budi", "duplikat \(copy) \(original)")
        try await rt.staffOK("budi", "ambil \(original)")
        let told = try #require(try rt.drain().to("bayu").first)
        #expect(told.contains("status \(original)"))
        #expect(try await rt.citizen("bayu", says: "status \(original)") == ["\(original): diproses"])
        // Their own case still shows, and nobody else's.
        #expect(try await rt.citizen("bayu", says: "status \(copy)") == ["\(copy): duplikat"])
        #expect(try await rt.citizen("bayu", says: "status \(unrelated)").first?.hasSuffix("tidak ditemukan.") == true)
        #expect(try await rt.citizen("citra", says: "status \(original)").first?.hasSuffix("tidak ditemukan.") == true)
    }
}

extension StaffDeskTests {
    /// 08:00 WITA on a `YYYY-MM-DD` day (the test bot's time zone): when a wait's end is announced.
    static func morning(of day: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Makassar")!
        let parts = day.split(separator: "-").compactMap { Int($0) }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 8))!
    }
}
