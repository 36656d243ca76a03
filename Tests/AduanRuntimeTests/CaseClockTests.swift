import AduanCore
import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Testing

@Suite("The response clock: reminders and the escalation ladder, through BotRuntime.runClock")
struct CaseClockTests {
    /// Friday 9 January 2026, 14:00 WITA.
    static let fridayAfternoon = TestClock.start.addingTimeInterval(3 * 86_400 + 5 * 3600)

    @Test("a reminder, then head, coordinator and leadership, each once, each recorded; a restart fires nothing twice")
    func theLadder() async throws {
        let fixture = try DeskFixture()
        var rt = try fixture.runtime()
        let t = try await rt.file(as: "ani")
        let filed = try rt.stored(t)
        #expect(filed.dueAt == fixture.now.addingTimeInterval(24 * 3600))
        #expect(filed.alarmAt == fixture.now.addingTimeInterval(20 * 3600), "the first alarm is the reminder")
        _ = try rt.drain()

        #expect(try fixture.runClock(rt, after: 19.9) == 0)
        #expect(try rt.drain().isEmpty)

        // 4 hours before the deadline: the reminder, in the agency's channel.
        #expect(try fixture.runClock(rt, after: 0.1) == 1)
        var out = try rt.drain()
        #expect(out.recipients == ["#opd-pupr"])
        let reminder = try #require(out.first?.text)
        #expect(reminder.hasPrefix("Pengingat: \(t) (Jalan rusak, "))
        #expect(reminder.contains("4 jam lagi") && reminder.contains("ambil \(t)"))
        #expect(try rt.runClock() == 0, "once")
        #expect(try rt.drain().isEmpty)

        // At the deadline: the head, in the head's channel, by name.
        #expect(try fixture.runClock(rt, after: 4) == 1)
        out = try rt.drain()
        #expect(out.recipients == ["#kadis-pupr"])
        let head = try #require(out.first?.text)
        #expect(head.hasPrefix("kadis: ESKALASI tingkat 1 → kepala OPD: \(t)"), "\(head)")
        #expect(head.contains("PUPR") && head.contains("status diterima"))
        #expect(try rt.runClock() == 0)

        // A restart: nothing already fired fires again; the next step fires when due.
        try rt.database.close()
        rt = try fixture.runtime()
        #expect(try rt.runClock() == 0)
        #expect(try rt.drain().isEmpty)
        #expect(try fixture.runClock(rt, after: 3.9) == 0)
        #expect(try fixture.runClock(rt, after: 0.1) == 1)
        out = try rt.drain()
        #expect(out.recipients == ["#koordinator"])
        #expect(out.first?.text.hasPrefix("ESKALASI tingkat 2 → koordinator: \(t)") == true)
        #expect(out.first?.text.contains("terlambat 4 jam") == true)

        #expect(try fixture.runClock(rt, after: 20) == 1)
        out = try rt.drain()
        #expect(out.recipients == ["#pimpinan"])
        #expect(out.first?.text.hasPrefix("ESKALASI tingkat 3 → pimpinan daerah (Sekda/Bupati): \(t)") == true)

        // The ladder is done.
        #expect(try fixture.runClock(rt, after: 24 * 30) == 0)
        #expect(try rt.drain().isEmpty)
        let record = try rt.stored(t)
        #expect(record.clockStage == 4)
        #expect(record.alarmAt == nil)
        #expect(record.status == "received", "the clock changes no status")
        #expect(record.updatedAt == filed.updatedAt, "alarms do not count as changes (retention counts from the last one)")
        let events = try rt.database.events(caseID: record.id!)
        #expect(events.map(\.kind) == ["received", "reminder", "escalation", "escalation", "escalation"])
        #expect(events.dropFirst().allSatisfy { $0.actor == "clock" })
        #expect(events[2].note?.hasPrefix("tingkat 1: kepala OPD") == true)
        #expect(events[3].note?.hasPrefix("tingkat 2: koordinator") == true)
        #expect(events[4].note?.hasPrefix("tingkat 3: pimpinan daerah") == true)
        // lihat shows them as the system's.
        let shown = try #require(try await rt.staff("budi", "lihat \(t)").first)
        #expect(shown.contains("sistem: pengingat") && shown.contains("sistem: eskalasi"))
        #expect(shown.contains("TERLAMBAT"))
    }

    @Test("after the bot was down, the due steps fire at once in order, without a reminder for a deadline already past")
    func catchUpAfterDowntime() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let t = try await rt.file(as: "ani")
        _ = try rt.drain()
        // Down from before the reminder until 2 hours before the deadline: the reminder says so.
        #expect(try fixture.runClock(rt, after: 22) == 1)
        #expect(try rt.drain().first?.text.contains("(2 jam lagi)") == true)
        // Down past the deadline: no reminder of a deadline already past.
        let late = try await rt.file(as: "bayu")
        _ = try rt.drain()
        #expect(try fixture.runClock(rt, after: 100) == 3 + 3)
        let out = try rt.drain()
        #expect(out.filter { $0.text.contains(late) }.recipients == ["#kadis-pupr", "#koordinator", "#pimpinan"])
        #expect(try rt.eventKinds(late) == ["received", "escalation", "escalation", "escalation"])
        #expect(try rt.eventKinds(t) == ["received", "reminder", "escalation", "escalation", "escalation"])
        #expect(try rt.stored(late).alarmAt == nil)
        #expect(try rt.runClock() == 0)
    }

    @Test("several cases: each its own alarms; a taken case's reminder names who has it")
    func severalCases() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let a = try await rt.file(as: "ani")
        fixture.advance(hours: 1)
        let b = try await rt.file(as: "bayu", category: "sampah", details: "Sampah menumpuk di pasar")
        try await rt.staffOK("budi", "ambil \(a)")
        _ = try rt.drain()
        #expect(try fixture.runClock(rt, after: 19) == 1)
        var out = try rt.drain()
        #expect(out.recipients == ["#opd-pupr"])
        #expect(out.first?.text.contains("dipegang budi") == true)
        #expect(try fixture.runClock(rt, after: 1) == 1)
        out = try rt.drain()
        #expect(out.recipients == ["#opd-dlh"])
        #expect(out.first?.text.contains(b) == true && out.first?.text.contains("belum diambil") == true)
    }

    @Test("without a head channel the head is told in the agency's channel; without a leadership channel, the coordinators")
    func fallbackChannels() async throws {
        let (fixture, rt) = try DeskFixture.started(TestBot.Desk(headChannel: nil, leadershipChannel: nil))
        let t = try await rt.file(as: "ani")
        _ = try rt.drain()
        #expect(try fixture.runClock(rt, after: 20) == 1)
        #expect(try fixture.runClock(rt, after: 4) == 1)
        var out = try rt.drain()
        #expect(out.recipients == ["#opd-pupr", "#opd-pupr"])
        #expect(out.last?.text.hasPrefix("kadis: ESKALASI tingkat 1 → kepala OPD: \(t)") == true)
        #expect(try fixture.runClock(rt, after: 24) == 2)
        out = try rt.drain()
        #expect(out.recipients == ["#koordinator", "#koordinator"])
        #expect(out.last?.text.hasPrefix("ESKALASI tingkat 3") == true)
    }

    @Test("a resolved case stops escalating; reopened by the citizen, its clock starts afresh")
    func resolvedStops() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let t = try await rt.fileTaken(as: "ani")
        #expect(try fixture.runClock(rt, after: 20) == 1)
        #expect(try fixture.runClock(rt, after: 4) == 1)
        try await rt.staffOK("budi", "selesai \(t) sudah ditambal")
        #expect(try rt.stored(t).alarmAt == nil)
        _ = try rt.drain()
        #expect(try fixture.runClock(rt, after: 24 * 10) == 0)
        #expect(try rt.drain().isEmpty)

        _ = try await rt.citizen("ani", says: "tidak")
        let reopened = try rt.stored(t)
        #expect(reopened.clockStage == 0)
        #expect(reopened.dueAt == fixture.now.addingTimeInterval(24 * 3600))
        _ = try rt.drain()
        #expect(try fixture.runClock(rt, after: 20) == 1)
        #expect(try rt.drain().in("#opd-pupr").first?.hasPrefix("Pengingat: \(t)") == true)
    }

    @Test("rejected, duplicate and waiting cases do not escalate")
    func otherStatusesStop() async throws {
        let (fixture, rt) = try DeskFixture.started()
        let a = try await rt.file(as: "ani")
        let b = try await rt.file(as: "bayu")
        let c = try await rt.file(as: "citra")
        try await rt.staffOK("budi", "tolak \(a) bukan jalan kabupaten")
        try await rt.staffOK("budi", "duplikat \(b) \(c)")
        try await rt.staffOK("budi", "tunda \(c) 2 minggu menunggu anggaran")
        _ = try rt.drain()
        #expect(try fixture.runClock(rt, after: 24 * 7) == 0)
        #expect(try rt.drain().isEmpty)
        for t in [a, b, c] {
            #expect(try rt.eventKinds(t).contains("escalation") == false)
        }
    }

    // MARK: - Working hours and holidays

    @Test("Mon–Fri 08:00–16:00: a case filed on Friday afternoon is not overdue on Saturday; it is due 24 working hours later")
    func workingHours() async throws {
        let desk = TestBot.Desk(workingHours: TestBot.Desk.officeHours)
        let (fixture, rt) = try DeskFixture.started(desk, start: Self.fridayAfternoon)
        let t = try await rt.file(as: "ani")
        // Friday 14–16 (2 h), Monday (8 h), Tuesday (8 h), Wednesday 08–14 (6 h).
        let wednesday = Self.fridayAfternoon.addingTimeInterval(5 * 86_400)
        #expect(try rt.stored(t).dueAt == wednesday)
        #expect(try rt.stored(t).alarmAt == wednesday.addingTimeInterval(-4 * 3600), "4 working hours before: 10:00")
        _ = try rt.drain()

        #expect(try fixture.runClock(rt, after: 28) == 0)  // Saturday 18:00
        #expect(try rt.drain().isEmpty)
        #expect(try await rt.staff("budi", "daftar terlambat") == ["Aduan terlambat: tidak ada."])
        #expect(try await rt.staff("budi", "lihat \(t)").first?.contains("TERLAMBAT") == false)

        #expect(try fixture.runClock(rt, after: 24 + 15) == 0)  // Monday 09:00
        #expect(try fixture.runClock(rt, after: 48 + 1) == 1)  // Wednesday 10:00
        #expect(try rt.drain().in("#opd-pupr").first?.hasPrefix("Pengingat: \(t)") == true)
        #expect(try fixture.runClock(rt, after: 4) == 1)  // Wednesday 14:00
        #expect(try rt.drain().recipients == ["#kadis-pupr"])
        // The coordinator 4 working hours later: not at 18:00 the same day, but Thursday 10:00.
        #expect(try fixture.runClock(rt, after: 4) == 0)
        #expect(try fixture.runClock(rt, after: 16) == 1)
        #expect(try rt.drain().recipients == ["#koordinator"])
    }

    @Test("a holiday does not count; a wait in working hours keeps the working time left")
    func holidaysAndWaiting() async throws {
        let desk = TestBot.Desk(workingHours: TestBot.Desk.officeHours, holidays: ["2026-01-12"])
        let (fixture, rt) = try DeskFixture.started(desk, start: Self.fridayAfternoon)
        let t = try await rt.file(as: "ani")
        let thursday = Self.fridayAfternoon.addingTimeInterval(6 * 86_400)
        #expect(try rt.stored(t).dueAt == thursday, "Monday 12 January is a holiday")

        fixture.advance(hours: 1)  // Friday 15:00: 23 working hours left
        try await rt.staffOK("budi", "ambil \(t)")
        try await rt.staffOK("budi", "tunda \(t) 3 hari menunggu alat berat")
        #expect(try rt.stored(t).pausedRemaining == Double(23 * 3600))
        fixture.advance(hours: 4 * 24 - 5)  // Tuesday 10:00
        try await rt.staffOK("budi", "proses \(t) alat berat datang")
        // Tuesday 10–16 (6 h), Wednesday (8 h), Thursday (8 h), Friday 08–09 (1 h).
        let friday = Self.fridayAfternoon.addingTimeInterval(7 * 86_400 - 5 * 3600)
        #expect(try rt.stored(t).dueAt == friday)
    }
}

@Suite("The durable outbox")
struct OutboxTests {
    @Test("undelivered messages survive a restart; delivered ones are never offered again")
    func survivesRestart() async throws {
        let fixture = try DeskFixture()
        var rt = try fixture.runtime()
        let t = try await rt.fileTaken(as: "ani")
        let staff = try rt.pendingOutbox(transport: "terminal")
        #expect(staff.map(\.message.destination) == [.channel("#opd-pupr"), .channel("#koordinator")])
        #expect(try rt.pendingOutbox(transport: "warga").map(\.message.destination) == [.user("ani")])
        #expect(try rt.pendingOutbox(transport: "irc").isEmpty)
        try rt.markDelivered([staff[0].id])
        try rt.markDelivered([staff[0].id])  // twice is harmless

        try rt.database.close()
        rt = try fixture.runtime()
        let after = try rt.pendingOutbox(transport: "terminal")
        #expect(after.map(\.id) == [staff[1].id])
        #expect(after.first?.message == staff[1].message)
        let citizen = try rt.pendingOutbox(transport: "warga")
        #expect(citizen.count == 1 && citizen.first?.message.text.contains(t) == true)
        try rt.markDelivered(after.map(\.id) + citizen.map(\.id))

        try rt.database.close()
        rt = try fixture.runtime()
        #expect(try rt.pendingOutbox(transport: "terminal").isEmpty)
        #expect(try rt.pendingOutbox(transport: "warga").isEmpty)
        // New messages after the restart go on from there.
        try await rt.staffOK("budi", "balas \(t) Kami tinjau besok.")
        #expect(try rt.pendingOutbox(transport: "warga").count == 1)
    }

    @Test("the limit and the order: the oldest first, a page at a time")
    func paging() async throws {
        let rt = try DeskFixture().runtime()
        var numbers: [String] = []
        for name in ["ani", "bayu", "citra"] { numbers.append(try await rt.file(as: name)) }
        let first = try rt.pendingOutbox(transport: "terminal", limit: 4)
        #expect(first.count == 4)
        #expect(first[0].message.text.contains(numbers[0]) && first[3].message.text.contains(numbers[1]))
        try rt.markDelivered(first.map(\.id))
        let rest = try rt.pendingOutbox(transport: "terminal", limit: 4)
        #expect(rest.count == 2 && rest.allSatisfy { $0.message.text.contains(numbers[2]) })
    }

    @Test("staff messages wait for the staff transport the runtime was started with")
    func staffTransport() async throws {
        let rt = try DeskFixture().runtime(staffTransport: "irc")
        let t = try await rt.file(as: "ani")
        #expect(try rt.pendingOutbox(transport: "irc").count == 2)
        #expect(try rt.pendingOutbox(transport: "terminal").isEmpty)
        try await rt.staffOK("budi", "ambil \(t)")
        #expect(try rt.pendingOutbox(transport: "warga").count == 1, "the citizen's notice goes over the citizen's transport")
    }
}
