import AduanCore
@testable import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Testing

@Suite("The runtime on a real SQLite file")
struct BotRuntimeTests {
    @Test("an intake files one case, announced in the agency's and the coordinators' channels")
    func intakeFilesACase() async throws {
        let fixture = try RuntimeFixture()
        let runtime = try fixture.runtime()
        var last: [OutboundMessage] = []
        for text in intake {
            last = try await runtime.handle(InboundMessage(transport: "test", sender: "warga", text: text))
        }
        let cases = try runtime.database.allCases()
        #expect(cases.count == 1)
        let filed = try #require(cases.first)
        #expect(filed.category == "jalan")
        #expect(filed.opd == "pupr")
        #expect(filed.kecamatan == "Kintamani")
        #expect(filed.desa == "Batur Selatan")
        #expect(filed.details == "Jalan berlubang di depan pura")
        #expect(filed.status == "received")
        #expect(filed.tracking.hasPrefix("UJI-"))
        #expect(filed.dueAt == filed.createdAt.addingTimeInterval(24 * 3600))
        #expect(last.contains { $0.destination == .user("warga") && $0.text.contains(filed.tracking) && $0.text.contains("Dinas PUPR") })
        #expect(last.allSatisfy { $0.destination == .user("warga") }, "announcements go through the outbox")
        // The announcements wait in the durable outbox for the staff transport.
        let announced = try runtime.pendingOutbox(transport: "terminal").map(\.message)
        let channels = announced.compactMap { m -> String? in if case .channel(let c) = m.destination { return c } else { return nil } }
        #expect(channels == ["#opd-pupr", "#koordinator"])
        #expect(announced.contains { $0.destination == .channel("#opd-pupr") && $0.text.contains(filed.tracking) })
        let events = try runtime.database.events(caseID: try #require(filed.id))
        #expect(events.map(\.kind) == ["received"])
    }

    @Test("only intakes under way stay in memory; a citizen who comes back after one is read from the database")
    func finishedConversationsLeaveMemory() async throws {
        let fixture = try RuntimeFixture()
        let runtime = try fixture.runtime()
        _ = try await runtime.say("halo", from: "ani")
        _ = try await runtime.say("halo", from: "budi")
        #expect(runtime.cachedConversationCount == 2)
        for text in intake.dropFirst() { _ = try await runtime.say(text, from: "ani") }
        #expect(runtime.cachedConversationCount == 1, "ani's intake is finished")
        // Ani comes back: a second intake, from the stored conversation, files a second case.
        for text in intake { _ = try await runtime.say(text, from: "ani") }
        #expect(try runtime.database.allCases().count == 2)
        #expect(try runtime.database.conversation(key: "uji|test:ani")?.step == 2 * intake.count)
        #expect(runtime.cachedConversationCount == 1)
    }

    @Test("a restart in the middle resumes the conversation where it was, and files exactly one case")
    func restartResumes() async throws {
        let fixture = try RuntimeFixture()
        do {
            let first = try fixture.runtime()
            _ = try await first.say(intake[0])
            let reply = try await first.say(intake[1])
            #expect(reply.last == "Jenis masalah?\n1. Jalan rusak\n2. Sampah")
            try first.database.close()
        }
        let second = try fixture.runtime()
        let reply = try await second.say(intake[2])
        #expect(reply == ["Ceritakan masalahnya."])
        _ = try await second.say(intake[3])
        #expect(try second.database.caseCount() == 1)
        // The conversation is over: a new message starts a new one.
        #expect(try await second.say("halo").first == "Halo dari Bot Uji.")
        #expect(try second.database.caseCount() == 1)
    }

    @Test("an edited dialog: conversations in flight finish on their revision, new ones use the new text, even across a restart")
    func revisionsArePinned() async throws {
        let fixture = try RuntimeFixture()
        let runtime = try fixture.runtime()
        _ = try await runtime.say(intake[0], from: "lama")
        _ = try await runtime.say(intake[1], from: "lama")
        try TestBot.writeDialog(in: fixture.folder, detailsQuestion: "Jelaskan masalahnya dengan rinci.")
        guard case .reloaded = runtime.reload() else {
            Issue.record("the edited dialog should load")
            return
        }
        #expect(try await runtime.say(intake[2], from: "lama") == ["Ceritakan masalahnya."])
        _ = try await runtime.say(intake[0], from: "baru")
        _ = try await runtime.say(intake[1], from: "baru")
        #expect(try await runtime.say(intake[2], from: "baru") == ["Jelaskan masalahnya dengan rinci."])
        // After a restart, the old conversation still has its revision (from the database).
        try TestBot.writeDialog(in: fixture.folder, detailsQuestion: "Versi ketiga.")
        _ = try await runtime.say(intake[0], from: "kedua-lama")
        _ = try await runtime.say(intake[1], from: "kedua-lama")
        try runtime.database.close()
        let restarted = try fixture.runtime()
        #expect(try await restarted.say(intake[2], from: "kedua-lama") == ["Jelaskan masalahnya dengan rinci."])
        _ = try await restarted.say(intake[3], from: "lama")
        #expect(try restarted.database.caseCount() == 1)
    }

    @Test("a broken edit is refused with file:line:column and the running dialog stays in force")
    func brokenEditKeepsOldVersion() async throws {
        let fixture = try RuntimeFixture()
        let runtime = try fixture.runtime()
        _ = try await runtime.say("halo")
        let dialogPath = fixture.folder.appendingPathComponent("dialog.json")
        var text = try String(contentsOf: dialogPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"next\" : \"kategori\"", with: "\"next\" : \"kategorii\"")
        try text.write(to: dialogPath, atomically: true, encoding: .utf8)
        guard case .failed(let problems) = runtime.reload() else {
            Issue.record("the broken dialog should be refused")
            return
        }
        let rendered = problems.description
        #expect(rendered.contains("dialog.json:"))
        #expect(rendered.contains("unknown state \"kategorii\""))
        #expect(rendered.contains("did you mean \"kategori\"?"))
        #expect(try await runtime.say("batur selatan").last == "Jenis masalah?\n1. Jalan rusak\n2. Sampah")
        // A syntax error is refused too.
        try "{ \"format\": 1,, }".write(to: dialogPath, atomically: true, encoding: .utf8)
        guard case .failed(let syntax) = runtime.reload() else {
            Issue.record("a syntax error should be refused")
            return
        }
        #expect(syntax.description.contains("dialog.json:1:"))
        #expect(try await runtime.say("jalan") == ["Ceritakan masalahnya."])
    }

    @Test("a citizen sees the status of their own case, and nothing of another citizen's")
    func statusIsPrivate() async throws {
        let fixture = try RuntimeFixture()
        let runtime = try fixture.runtime()
        for text in intake { _ = try await runtime.say(text, from: "ani") }
        let tracking = try #require(try runtime.database.allCases().first?.tracking)
        #expect(try await runtime.say("status \(tracking)", from: "ani") == ["\(tracking): diterima"])
        #expect(try await runtime.say("status \(tracking.lowercased())", from: "ani") == ["\(tracking): diterima"])
        let other = try await runtime.say("status \(tracking)", from: "budi")
        #expect(other.count == 1)
        #expect(other[0].contains("tidak ditemukan"))
        #expect(!other[0].contains("diterima"))
        #expect(try await runtime.say("status", from: "budi") == ["Belum ada aduan."])
    }

    @Test("channel messages are not dialog steps")
    func channelMessagesIgnored() async throws {
        let fixture = try RuntimeFixture()
        let runtime = try fixture.runtime()
        let out = try await runtime.handle(InboundMessage(transport: "test", sender: "budi", channel: "#opd-pupr", text: "halo"))
        #expect(out.isEmpty)
        #expect(try runtime.database.conversation(key: "uji|test:budi") == nil)
    }

    @Test("300 citizens at once each file their own case, with distinct tracking numbers")
    func concurrentCitizens() async throws {
        let fixture = try RuntimeFixture()
        let runtime = try fixture.runtime()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<300 {
                group.addTask {
                    for text in intake { _ = try await runtime.say(text, from: "warga\(i)") }
                }
            }
            try await group.waitForAll()
        }
        let cases = try runtime.database.allCases()
        #expect(cases.count == 300)
        #expect(Set(cases.map(\.tracking)).count == 300)
        #expect(Set(cases.map(\.conversationKey)).count == 300)
        #expect(runtime.database.committedTransactionCount < 300 * intake.count)
    }
}
