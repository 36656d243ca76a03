import Foundation
import Testing
import AduanStore

@Suite("Round trips of every record")
struct RoundTripTests {
    @Test("a conversation round-trips, with and without a revision", arguments: [nil, "rev-1"])
    func conversation(revision: String?) throws {
        let database = try AduanDatabase.inMemory()
        let record = Fixtures.conversation(step: 1, state: #"{"node":"ask","vars":{"x":"é"}}"#, revision: revision)
        _ = try database.commitNow(StepWrite(conversation: record, channel: "terminal"))
        #expect(try database.conversation(key: record.key) == record)
        #expect(try database.conversation(key: "someone|else") == nil)
    }

    @Test("a dialog revision round-trips; saving it again keeps the first")
    func dialogRevision() throws {
        let database = try AduanDatabase.inMemory()
        let record = DialogRevisionRecord(
            revision: "sha256:abc", dialogID: "aduan-umum", source: "id: aduan-umum\nnodes: []\n",
            createdAt: Fixtures.t0)
        try database.saveDialogRevision(record)
        var again = record
        again.createdAt = Fixtures.t0.addingTimeInterval(60)
        try database.saveDialogRevision(again)
        #expect(try database.dialogRevision("sha256:abc") == record)
        #expect(try database.dialogRevision("sha256:missing") == nil)
    }

    @Test("a new case round-trips and gets its received event")
    func caseAndReceivedEvent() throws {
        let database = try AduanDatabase.inMemory()
        let filed = Fixtures.newCase()
        let result = try database.commitNow(Fixtures.step(step: 1, newCase: filed, channel: "irc"))
        let caseID = try #require(result.caseID)

        let stored = try #require(try database.case(tracking: filed.tracking))
        #expect(stored == CaseRecord(
            id: caseID, tracking: filed.tracking, botID: filed.botID, sequence: filed.sequence,
            conversationKey: filed.conversationKey, status: filed.status, category: filed.category,
            opd: filed.opd, kecamatan: filed.kecamatan, desa: filed.desa, details: filed.details,
            contact: filed.contact, language: filed.language, confidential: filed.confidential,
            createdAt: filed.createdAt, updatedAt: filed.createdAt, dueAt: filed.dueAt))

        let events = try database.events(caseID: caseID)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.id != nil)
        #expect(event == CaseEventRecord(
            id: event.id, caseID: caseID, at: filed.createdAt, actor: filed.conversationKey,
            channel: "irc", kind: CaseEventRecord.receivedKind, fromStatus: nil,
            toStatus: filed.status, note: nil))
    }

    @Test("optional case fields round-trip as nil")
    func caseWithNils() throws {
        let database = try AduanDatabase.inMemory()
        var filed = Fixtures.newCase()
        filed.desa = nil
        filed.contact = nil
        filed.dueAt = nil
        filed.confidential = false
        _ = try database.commitNow(Fixtures.step(step: 1, newCase: filed))
        let stored = try #require(try database.allCases().first)
        #expect(stored.desa == nil && stored.contact == nil && stored.dueAt == nil)
        #expect(stored.confidential == false)
    }

    @Test("dates are kept to the millisecond")
    func datePrecision() throws {
        let database = try AduanDatabase.inMemory()
        // Whole milliseconds since 1970 come back exactly.
        let exact = Date(timeIntervalSince1970: 1_761_234_567.891)
        var record = Fixtures.conversation(step: 1)
        record.updatedAt = exact
        _ = try database.commitNow(StepWrite(conversation: record, channel: "terminal"))
        #expect(try database.conversation(key: record.key)?.updatedAt == exact)

        // Anything finer is rounded to the nearest millisecond, and rounding again is a no-op.
        record.step = 2
        record.updatedAt = Date(timeIntervalSince1970: 1_761_234_567.891_6)
        _ = try database.commitNow(StepWrite(conversation: record, channel: "terminal"))
        let rounded = try #require(try database.conversation(key: record.key)?.updatedAt)
        #expect(rounded == Date(timeIntervalSince1970: 1_761_234_567.892))

        record.step = 3
        record.updatedAt = Date()
        _ = try database.commitNow(StepWrite(conversation: record, channel: "terminal"))
        let now = try #require(try database.conversation(key: record.key)?.updatedAt)
        #expect(abs(now.timeIntervalSince(record.updatedAt)) <= 0.0005)
        record.step = 4
        record.updatedAt = now
        _ = try database.commitNow(StepWrite(conversation: record, channel: "terminal"))
        #expect(try database.conversation(key: record.key)?.updatedAt == now)
    }
}
