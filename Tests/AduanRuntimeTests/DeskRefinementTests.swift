import AduanCore
import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Testing

/// What citizens and staff do that does not fit the straight path: two questions at once, long
/// answers, holds that run out or are extended, details asked for in the wrong channel.
@Suite("The staff desk off the straight path")
struct DeskRefinementTests {
    @Test("two agencies ask the same citizen: answers go in the order asked, or to the case named")
    func twoQuestions() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let road = try await rt.file(as: "ani")
        let rubbish = try await rt.file(as: "ani", category: "sampah", details: "Sampah menumpuk di pasar")
        _ = try rt.drain()
        try await rt.staffOK("budi", "tanya \(road) Seberapa dalam lubangnya?")
        fixture.advance(hours: 0.1)
        try await rt.staffOK("dewi", "tanya \(rubbish) Di pasar sebelah mana?", in: "#opd-dlh")
        _ = try rt.drain()

        _ = try await rt.citizen("ani", says: "kira kira 20 cm")
        var out = try rt.drain()
        #expect(out.in("#opd-pupr") == ["Jawaban pelapor \(road):\nkira kira 20 cm"])
        #expect(out.in("#opd-dlh").isEmpty)
        _ = try await rt.citizen("ani", says: "dekat parkiran pasar")
        out = try rt.drain()
        #expect(out.in("#opd-dlh") == ["Jawaban pelapor \(rubbish):\ndekat parkiran pasar"])

        // Asked again, both at once: the answer that names a case goes to that case.
        try await rt.staffOK("budi", "tanya \(road) Sejak kapan?")
        try await rt.staffOK("dewi", "tanya \(rubbish) Sejak kapan menumpuk?", in: "#opd-dlh")
        _ = try rt.drain()
        _ = try await rt.citizen("ani", says: "\(rubbish.lowercased()) sudah seminggu")
        out = try rt.drain()
        #expect(out.in("#opd-dlh").count == 1 && out.in("#opd-pupr").isEmpty)
        #expect(try rt.stored(road).prompt == "info" && rt.stored(rubbish).prompt == nil)
    }

    @Test("after resolution a sentence is read for what it says; a longer remark is kept and the question asked again")
    func sentencesAfterResolution() async throws {
        let rt = try DeskFixture().runtime()
        let a = try await rt.file(as: "ani")
        try await rt.staffOK("budi", "selesai \(a) Lubang sudah ditambal")
        _ = try rt.drain()
        // A remark that is neither yes nor no: attached, posted to the agency, asked again.
        let remark = try await rt.citizen("ani", says: "tukangnya datang jam sembilan pagi tadi")
        #expect(remark.count == 1 && remark[0].contains("diteruskan") && remark[0].contains("Balas ya atau tidak"))
        var out = try rt.drain()
        #expect(out.in("#opd-pupr") == ["Keterangan pelapor \(a):\ntukangnya datang jam sembilan pagi tadi"])
        #expect(try rt.stored(a).status == "resolved" && rt.stored(a).prompt == "fixed")
        // "masih …" is a no: reopened.
        _ = try await rt.citizen("ani", says: "masih berlubang di sebelah utara")
        #expect(try rt.stored(a).status == "reopened")
        out = try rt.drain()
        #expect(out.in("#opd-pupr").first?.contains("BELUM beres") == true)

        let b = try await rt.file(as: "bayu")
        try await rt.staffOK("budi", "selesai \(b) Sampah sudah diangkut")
        _ = try await rt.citizen("bayu", says: "sudah, terima kasih banyak")
        #expect(try rt.stored(b).prompt == "rating")
        _ = try await rt.citizen("bayu", says: "5 mantap pak cepat sekali")
        let rated = try rt.stored(b)
        #expect(rated.status == "closed" && rated.rating == 5)
        let notes = try rt.database.events(caseID: rated.id!).compactMap(\.note)
        #expect(notes.contains("5/5 — 5 mantap pak cepat sekali"))
    }

    @Test("a hold can be extended; on the morning it ends the agency is reminded once")
    func holdRunsOut() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let t = try await rt.file(as: "ani")
        try await rt.staffOK("budi", "tunda \(t) 08-01-2026 menunggu pengadaan aspal")
        _ = try rt.drain()
        // Extended before it runs out: the citizen is told the new date; the time left stays.
        let left = try rt.stored(t).pausedRemaining
        try await rt.staffOK("budi", "tunda \(t) 10-01-2026 aspal terlambat dikirim")
        var out = try rt.drain()
        #expect(out.to("ani").first?.contains("aspal terlambat dikirim") == true)
        #expect(out.to("ani").first?.contains("10 Januari 2026") == true)
        #expect(try rt.stored(t).pausedRemaining == left && rt.stored(t).waitingUntil == "2026-01-10")

        // TestClock starts 6 January 2026 09:00 WITA; the hold ends on 10 January.
        #expect(try fixture.runClock(rt, after: 24 * 3) == 0)
        #expect(try fixture.runClock(rt, after: 24) == 1)
        out = try rt.drain()
        #expect(out.in("#opd-pupr").count == 1)
        #expect(out.in("#opd-pupr").first?.contains("Masa tunggu \(t)") == true)
        #expect(out.to("ani").isEmpty)
        #expect(try fixture.runClock(rt, after: 48) == 0, "once only, and still no escalation while on hold")
        #expect(try rt.stored(t).status == "waiting")
        #expect(try rt.eventKinds(t).filter { $0 == "wait_ended" }.count == 1)
    }

    @Test("details and contacts only in the handling agency's or the coordinators' channel; lists only that agency's cases")
    func detailsStayInTheirChannel() async throws {
        let rt = try DeskFixture().runtime()
        let road = try await rt.file(as: "ani")
        _ = try await rt.file(as: "bayu", category: "sampah", details: "Sampah menumpuk di pasar")
        // The coordinator, typing in DLH's channel, is not shown a PUPR case there.
        let refused = try await rt.staff("sari", "lihat \(road)", in: "#opd-dlh")
        #expect(refused.count == 1 && refused[0].contains("#opd-pupr") && !refused[0].contains("Uraian"))
        #expect(try await rt.staff("sari", "kontak \(road) perlu", in: "#opd-dlh").first?.contains("08123456789") == false)
        #expect(try await rt.staff("sari", "lihat \(road)", in: "#koordinator").first?.contains("Uraian") == true)
        #expect(try await rt.staff("budi", "lihat \(road)").first?.contains("Uraian") == true)
        let here = try #require(try await rt.staff("sari", "daftar", in: "#opd-dlh").first)
        #expect(here.hasPrefix("Aduan terbuka (1):") && !here.contains(road))
        let all = try #require(try await rt.staff("sari", "daftar", in: "#koordinator").first)
        #expect(all.hasPrefix("Aduan terbuka (2):"))
    }

    @Test("help in English for help, in Indonesian for bantuan")
    func helpLanguage() async throws {
        let rt = try DeskFixture().runtime()
        let english = try #require(try await rt.staff("budi", "help").first)
        #expect(english.contains("take CODE"))
        let indonesian = try #require(try await rt.staff("budi", "bantuan").first)
        #expect(indonesian.contains("ambil KODE"))
    }

    @Test("an IRC services account is matched without case, as IRC folds it; a nick never is")
    func accountCase() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.file(as: "ani")
        func say(_ account: String?) async throws -> [String] {
            try await rt.handle(InboundMessage(transport: "irc", sender: account ?? "irc:kadis", channel: "#opd-pupr",
                                               text: "ambil \(t)", account: account)).map(\.text)
        }
        #expect(try await say(nil).first?.contains("akun") == true)
        #expect(try rt.stored(t).status == "received")
        #expect(try await say("irc-account:KADIS").first?.hasPrefix("✔") == true)
        #expect(try rt.stored(t).assignee == "irc-account:KADIS")
    }

    @Test("resolved while the citizen is filing another complaint: the intake goes on, then the question is answered")
    func resolvedMidIntake() async throws {
        let rt = try DeskFixture().runtime()
        let first = try await rt.file(as: "ani")
        let intake = TestBot.deskIntake(category: "sampah", details: "Sampah menumpuk di pasar")
        for text in intake.prefix(3) { _ = try await rt.citizen("ani", says: text) }
        try await rt.staffOK("budi", "selesai \(first) Lubang sudah ditambal")
        for text in intake.dropFirst(3) { _ = try await rt.citizen("ani", says: text) }
        let cases = try rt.database.cases(conversationKey: "uji|\(DeskFixture.citizenTransport):ani")
        #expect(cases.count == 2, "the second complaint was filed")
        #expect(try rt.stored(first).prompt == "fixed")
        let reply = try await rt.citizen("ani", says: "ya")
        #expect(reply.first?.contains("Beri nilai") == true)
        #expect(try rt.stored(first).prompt == "rating")
    }
}
