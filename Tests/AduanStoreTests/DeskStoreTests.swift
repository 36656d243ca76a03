@testable import AduanStore
import Foundation
import GRDB
import Testing

@Suite("Store: case changes, outbox, alarms, redaction")
struct DeskStoreTests {
    /// A file database with one case filed (and its announcement in the outbox).
    private func filed(_ directory: TemporaryDirectory) throws -> (AduanDatabase, CaseRecord) {
        let database = try AduanDatabase(path: directory.databasePath)
        var newCase = Fixtures.newCase()
        newCase.alarmAt = Fixtures.t0.addingTimeInterval(3600)
        let announcement = OutboxMessage(botID: "bangli", transport: "irc", destination: .channel, target: "#opd-pupr",
                                         text: "Aduan baru BGL-K7M-4QX", createdAt: Fixtures.t0)
        _ = try database.commitNow(StepWrite(conversation: Fixtures.conversation(step: 1), newCase: newCase,
                                             channel: "terminal", outbox: [announcement]))
        return (database, try #require(try database.case(tracking: "BGL-K7M-4QX")))
    }

    @Test("a change writes the case, its history and its messages together; a stale one changes nothing")
    func changeAndStale() throws {
        let directory = try TemporaryDirectory()
        let (database, record) = try filed(directory)
        #expect(record.version == 1 && record.alarmAt == Fixtures.t0.addingTimeInterval(3600))
        var taken = record
        taken.status = "in_progress"
        taken.assignee = "irc-account:budi"
        taken.version = 2
        let at = Fixtures.t0.addingTimeInterval(600)
        let event = CaseEventRecord(id: nil, caseID: 0, at: at, actor: "irc-account:budi", channel: "irc", kind: "taken",
                                    fromStatus: "received", toStatus: "in_progress", note: nil)
        let notice = OutboxMessage(botID: "bangli", transport: "terminal", destination: .user, target: "warga",
                                   text: "Aduan BGL-K7M-4QX sedang ditangani", createdAt: at)
        try database.save(CaseChange(record: taken, at: at, events: [event], outbox: [notice]))
        let stored = try #require(try database.case(tracking: "BGL-K7M-4QX"))
        #expect(stored.status == "in_progress" && stored.assignee == "irc-account:budi" && stored.version == 2)
        #expect(stored.updatedAt == at)
        #expect(try database.events(caseID: record.id!).map(\.kind) == ["received", "taken"])
        #expect(try database.pendingOutbox(botID: "bangli", transport: "terminal").map(\.text) == ["Aduan BGL-K7M-4QX sedang ditangani"])
        #expect(try database.pendingOutbox(botID: "bangli", transport: "terminal").first?.caseID == record.id)

        // The same change again was made from a stale read: refused, nothing written.
        #expect(throws: StoreError.staleCase(tracking: "BGL-K7M-4QX", version: 2, storedVersion: 2)) {
            try database.save(CaseChange(record: taken, at: at, events: [event], outbox: [notice]))
        }
        #expect(try database.events(caseID: record.id!).count == 2)
        #expect(try database.pendingOutbox(botID: "bangli", transport: "terminal").count == 1)
    }

    @Test("the outbox hands out each transport's messages in order until they are marked sent, also after reopening")
    func outbox() throws {
        let directory = try TemporaryDirectory()
        let (database, _) = try filed(directory)
        let pending = try database.pendingOutbox(botID: "bangli", transport: "irc")
        #expect(pending.map(\.target) == ["#opd-pupr"])
        #expect(pending.first?.caseID != nil)
        #expect(try database.pendingOutbox(botID: "bangli", transport: "matrix").isEmpty)
        try database.close()

        let reopened = try AduanDatabase(path: directory.databasePath)
        let again = try reopened.pendingOutbox(botID: "bangli", transport: "irc")
        #expect(again.map(\.id) == pending.map(\.id))
        try reopened.markSent(again.compactMap(\.id), at: Fixtures.t0)
        #expect(try reopened.pendingOutbox(botID: "bangli", transport: "irc").isEmpty)
    }

    @Test("alarms are found when due, and prompts by conversation")
    func alarmsAndPrompts() throws {
        let directory = try TemporaryDirectory()
        let (database, record) = try filed(directory)
        #expect(try database.casesWithAlarm(botID: "bangli", dueBy: Fixtures.t0).isEmpty)
        #expect(try database.casesWithAlarm(botID: "bangli", dueBy: Fixtures.t0.addingTimeInterval(3600)).map(\.id) == [record.id])
        #expect(try database.caseAwaitingAnswer(conversationKey: record.conversationKey) == nil)
        var asked = record
        asked.prompt = CaseRecord.Prompt.info.rawValue
        asked.version += 1
        try database.save(CaseChange(record: asked, at: Fixtures.t0, events: []))
        #expect(try database.caseAwaitingAnswer(conversationKey: record.conversationKey)?.id == record.id)
        #expect(try database.conversationKeysWithPrompt(botID: "bangli") == [record.conversationKey])
    }

    @Test("conversations past the retention period are deleted once no unredacted case needs them")
    func forgetConversations() throws {
        let directory = try TemporaryDirectory()
        let (database, record) = try filed(directory)  // "bangli|terminal:warga", with an open case
        // Another citizen who never filed, and one who is filing right now.
        _ = try database.commitNow(Fixtures.step(key: "bangli|terminal:tanpa-aduan", step: 1))
        _ = try database.commitNow(StepWrite(conversation: Fixtures.conversation(key: "bangli|terminal:baru", step: 1,
                                                                                 at: Fixtures.t0.addingTimeInterval(86_400 * 300)),
                                             newCase: nil, channel: "terminal"))
        let later = Fixtures.t0.addingTimeInterval(86_400 * 100)
        #expect(try database.forgetConversations(botID: "bangli", untouchedSince: Fixtures.t0) == [], "nothing that old")
        #expect(try database.forgetConversations(botID: "other", untouchedSince: later) == [], "another bot's")
        #expect(try database.forgetConversations(botID: "bangli", untouchedSince: later) == ["bangli|terminal:tanpa-aduan"],
                "the citizen with an open case keeps the conversation")
        var closed = record
        closed.status = "closed"
        closed.version += 1
        try database.save(CaseChange(record: closed, at: Fixtures.t0, events: []))
        #expect(try database.forgetConversations(botID: "bangli", untouchedSince: later) == [], "closed but not yet redacted")
        #expect(try database.redactFinishedCases(botID: "bangli", changedBefore: later, at: later) == 1)
        #expect(try database.forgetConversations(botID: "bangli", untouchedSince: later) == ["bangli|terminal:warga"])
        #expect(try database.conversation(key: "bangli|terminal:warga") == nil)
        #expect(try database.conversation(key: "bangli|terminal:baru") != nil, "touched recently")
        #expect(try database.conversationKeys(botID: "bangli") == ["bangli|terminal:baru"])
    }

    @Test("redaction removes personal data of finished cases only, keeps the statistics, and history stays append-only")
    func redaction() throws {
        let directory = try TemporaryDirectory()
        let (database, record) = try filed(directory)
        let later = Fixtures.t0.addingTimeInterval(86_400 * 400)
        #expect(try database.redactFinishedCases(botID: "bangli", changedBefore: later, at: later) == 0, "an open case is kept")
        var closed = record
        closed.status = "closed"
        closed.rating = 4
        closed.version += 1
        let answer = CaseEventRecord(id: nil, caseID: 0, at: Fixtures.t0, actor: record.conversationKey, channel: "terminal",
                                     kind: "citizen_answer", fromStatus: nil, toStatus: nil, note: "rumah saya di gang 3")
        try database.save(CaseChange(record: closed, at: Fixtures.t0, events: [answer]))
        #expect(try database.redactFinishedCases(botID: "bangli", changedBefore: Fixtures.t0, at: later) == 0, "too recent")
        #expect(try database.redactFinishedCases(botID: "bangli", changedBefore: later, at: later) == 1)
        let redacted = try #require(try database.case(id: record.id!))
        #expect(redacted.details == CaseRecord.redactedText && redacted.contact == nil)
        #expect(redacted.conversationKey == CaseRecord.redactedText && redacted.redactedAt == later)
        #expect(redacted.category == record.category && redacted.kecamatan == "Kintamani" && redacted.rating == 4)
        let events = try database.events(caseID: record.id!)
        #expect(events.allSatisfy { $0.actor == CaseRecord.redactedText })
        #expect(events.compactMap(\.note) == [CaseRecord.redactedText])
        #expect(try database.redactFinishedCases(botID: "bangli", changedBefore: later, at: later) == 0, "only once")

        // Any other edit of the history is still refused.
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: "UPDATE case_events SET kind = 'x' WHERE case_id = ?", arguments: [record.id!])
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: "UPDATE case_events SET note = 'changed' WHERE case_id = ?", arguments: [record.id!])
            }
        }
    }
}
