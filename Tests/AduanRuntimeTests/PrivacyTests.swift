import AduanCore
import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Testing

@Suite("Privacy: anonymous and confidential cases, masked contacts, retention")
struct DeskPrivacyTests {
    @Test("an anonymous case shows staff no identity and no contact, anywhere")
    func anonymous() async throws {
        let rt = try DeskFixture().runtime()
        // The citizen gave a phone number before choosing anonim: it is not filed.
        let t = try await rt.file(as: "bayu", privacy: "3")
        let record = try rt.stored(t)
        #expect(record.anonymous)
        #expect(record.confidential)
        #expect(record.contact == nil)

        var out = try rt.drain()
        #expect(out.recipients == ["#opd-pupr", "#koordinator"])
        for text in out.map(\.text) {
            #expect(text.contains("kontak anonim (identitas pelapor dirahasiakan)"), "\(text)")
            #expect(text.contains("ANONIM · RAHASIA"))
            #expect(!text.contains("0812") && !text.contains("bayu"))
        }
        let shown = try #require(try await rt.staff("budi", "lihat \(t)").first)
        #expect(shown.contains("Pelapor: anonim (identitas pelapor dirahasiakan) · RAHASIA"))
        #expect(!shown.contains("0812") && !shown.contains("bayu"))

        // Staff can still ask; the citizen answers in their own conversation.
        try await rt.staffOK("budi", "tanya \(t) Di sisi jalan yang mana?")
        #expect(try rt.drain().to("bayu").count == 1)
        _ = try await rt.citizen("bayu", says: "Sisi timur")
        out = try rt.drain()
        #expect(out.in("#opd-pupr") == ["Jawaban pelapor \(t):\nSisi timur"])

        // Forwarded: the other agency sees no identity either.
        try await rt.staffOK("budi", "teruskan \(t) dlh")
        out = try rt.drain()
        let forwarded = try #require(out.in("#opd-dlh").first)
        #expect(forwarded.contains("anonim") && !forwarded.contains("0812") && !forwarded.contains("bayu"))
        let after = try #require(try await rt.staff("dewi", "lihat \(t)", in: "#opd-dlh").first)
        #expect(!after.contains("bayu") && after.contains("pelapor: jawaban warga — Sisi timur"))
        #expect(try await rt.citizen("bayu", says: "status \(t)") == ["\(t): diteruskan ke OPD"])
    }

    @Test("a confidential case is marked RAHASIA; its contact is masked, and shown in full only through kontak")
    func confidential() async throws {
        let rt = try DeskFixture().runtime()
        let t = try await rt.file(as: "citra", privacy: "2")
        let record = try rt.stored(t)
        #expect(record.confidential && !record.anonymous)
        #expect(record.contact == "+628123456789")
        let out = try rt.drain()
        #expect(out.count == 2)
        for text in out.map(\.text) {
            #expect(text.contains("RAHASIA (data sensitif, jangan disebarkan)"), "\(text)")
            #expect(text.contains("kontak 0812****789"))
        }
        let shown = try #require(try await rt.staff("budi", "lihat \(t)").first)
        #expect(shown.contains("Pelapor: 0812****789 · RAHASIA"))
        #expect(!shown.contains("8123456789"))
        #expect(try await rt.staff("budi", "kontak \(t) perlu survei").first?.contains("+628123456789") == true)
    }

    @Test("a normal case is not marked; contacts in other forms are masked too")
    func masking() async throws {
        let rt = try DeskFixture().runtime()
        let a = try await rt.file(as: "ani", phone: "+62 812-3456-7890")
        let b = try await rt.file(as: "bayu", phone: "lewati")
        let out = try rt.drain()
        let announcementA = try #require(out.in("#opd-pupr").first { $0.contains(a) })
        #expect(announcementA.contains("kontak 0812*****890"), "\(announcementA)")
        #expect(!announcementA.contains("RAHASIA"))
        #expect(!announcementA.contains("34567"))
        let announcementB = try #require(out.in("#opd-pupr").first { $0.contains(b) })
        #expect(announcementB.contains("(kontak tidak ada)"))
    }

    // MARK: - Retention

    @Test("after the retention period a finished case keeps its statistics and loses its personal data")
    func retention() async throws {
        let (fixture, rt) = try DeskFixture.started(TestBot.Desk(retentionDays: 1))
        let closed = try await rt.fileTaken(as: "ani")
        try await rt.staffOK("budi", "tanya \(closed) Sejak kapan?")
        _ = try await rt.citizen("ani", says: "Sejak rumah saya di gang 3 kebanjiran")
        try await rt.staffOK("budi", "catatan \(closed) rumah pelapor dekat pos ronda")
        #expect(try await rt.staff("budi", "kontak \(closed) survei").first?.contains("+628123456789") == true)
        try await rt.staffOK("budi", "selesai \(closed) sudah ditambal")
        _ = try await rt.citizen("ani", says: "ya")
        _ = try await rt.citizen("ani", says: "5")
        let rejected = try await rt.file(as: "bayu")
        try await rt.staffOK("budi", "tolak \(rejected) bukan jalan kabupaten")
        let open = try await rt.file(as: "citra")
        _ = try rt.drain()

        _ = try fixture.runClock(rt, after: 12)
        #expect(try rt.stored(closed).details == "Jalan berlubang di depan pura", "not yet")

        _ = try fixture.runClock(rt, after: 36)
        _ = try rt.drain()  // the open case's reminder and escalations
        let record = try rt.stored(closed)
        #expect(record.details == CaseRecord.redactedText)
        #expect(record.contact == nil)
        #expect(record.conversationKey == CaseRecord.redactedText)
        #expect(record.redactedAt == fixture.now)
        #expect(record.category == "jalan" && record.opd == "pupr")
        #expect(record.kecamatan == "Kintamani" && record.desa == "Batur Selatan")
        #expect(record.status == "closed" && record.rating == 5)
        let events = try rt.database.events(caseID: record.id!)
        #expect(events.compactMap(\.note).allSatisfy { $0 == CaseRecord.redactedText })
        #expect(!events.contains { $0.actor.contains("ani") })
        #expect(events.contains { $0.actor == "terminal:budi" }, "staff actions stay attributed")
        #expect(try rt.stored(rejected).details == CaseRecord.redactedText)
        let stillOpen = try rt.stored(open)
        #expect(stillOpen.details == "Jalan berlubang di depan pura" && stillOpen.contact == "+628123456789",
                "an open case keeps its data")

        // The conversations whose cases are all redacted are gone (the key is the citizen's
        // identity); the one with an open case stays.
        func key(_ name: String) -> String {
            rt.conversationKey(for: InboundMessage(transport: DeskFixture.citizenTransport, sender: name, text: ""))
        }
        #expect(try rt.database.conversation(key: key("ani")) == nil)
        #expect(try rt.database.conversation(key: key("bayu")) == nil)
        #expect(try rt.database.conversation(key: key("citra")) != nil)

        // The citizen's status request works, and finds nothing personal any more.
        let status = try await rt.citizen("ani", says: "status \(closed)")
        #expect(status.count == 1 && status[0].hasSuffix("tidak ditemukan."))
        #expect(try await rt.citizen("ani", says: "status") == ["Belum ada aduan."])

        // Staff still read the case; they cannot change it or reach the citizen.
        let shown = try #require(try await rt.staff("budi", "lihat \(closed)").first)
        #expect(shown.contains("Uraian: \(CaseRecord.redactedText)"))
        #expect(shown.contains("Pelapor: tidak ada"))
        #expect(!shown.contains("gang 3") && !shown.contains("pos ronda") && !shown.contains("0812"))
        for command in ["balas \(closed) halo", "kontak \(closed) survei", "buka \(closed) lagi"] {
            let replies = try await rt.staff("budi", command)
            #expect(replies.count == 1 && replies[0].contains("sudah dihapus"), "\(command) → \(replies)")
        }
        #expect(try await rt.staff("sari", "daftar semua", in: "#koordinator").first?.contains(closed) == true)
        #expect(try rt.drain().isEmpty)
        // Running the clock again redacts nothing twice.
        _ = try rt.runClock()
        #expect(try rt.stored(closed).redactedAt == record.redactedAt)
    }

    @Test("a resolved case whose citizen never answers loses its personal data after the retention period too")
    func retentionOfUnansweredResolution() async throws {
        let (fixture, rt) = try DeskFixture.started(TestBot.Desk(retentionDays: 1))
        let t = try await rt.fileTaken(as: "ani")
        try await rt.staffOK("budi", "selesai \(t) sudah ditambal")
        _ = try fixture.runClock(rt, after: 48)
        let record = try rt.stored(t)
        #expect(record.details == CaseRecord.redactedText && record.contact == nil)
        #expect(record.prompt == nil)
        // The citizen's late answer is a dialog step, not an error.
        #expect(try await rt.citizen("ani", says: "ya").first == "Halo dari Bot Uji.")
    }
}
