import Foundation
import Testing
import AduanStore

@Suite("Committing steps")
struct CommitTests {
    @Test("a step must carry the stored step + 1")
    func staleStepRefused() async throws {
        let database = try AduanDatabase.inMemory()
        let key = "bangli|terminal:warga"
        #expect(throws: StoreError.staleConversation(key: key, step: 2, storedStep: nil)) {
            try database.commitNow(Fixtures.step(key: key, step: 2))
        }
        _ = try database.commitNow(Fixtures.step(key: key, step: 1))
        #expect(throws: StoreError.staleConversation(key: key, step: 1, storedStep: 1)) {
            try database.commitNow(Fixtures.step(key: key, step: 1))
        }
        #expect(throws: StoreError.staleConversation(key: key, step: 3, storedStep: 1)) {
            try database.commitNow(Fixtures.step(key: key, step: 3))
        }
        _ = try await database.commit(Fixtures.step(key: key, step: 2))
        await #expect(throws: StoreError.staleConversation(key: key, step: 2, storedStep: 2)) {
            try await database.commit(Fixtures.step(key: key, step: 2))
        }
        #expect(try database.conversation(key: key)?.step == 2)
    }

    @Test("a stale step that also files a case files nothing")
    func staleStepFilesNothing() throws {
        let database = try AduanDatabase.inMemory()
        _ = try database.commitNow(Fixtures.step(step: 1))
        #expect(throws: StoreError.self) {
            try database.commitNow(Fixtures.step(step: 1, newCase: Fixtures.newCase()))
        }
        #expect(try database.caseCount() == 0)
    }

    @Test("the error says what went wrong")
    func errorDescription() {
        let error = StoreError.staleConversation(key: "k", step: 3, storedStep: 1)
        #expect(error.description.contains("stored step is 1"))
        #expect(StoreError.staleConversation(key: "k", step: 2, storedStep: nil).description
            .contains("no such conversation"))
    }

    @Test("commit returns the new case's id, and nil when no case was filed")
    func commitResult() async throws {
        let database = try AduanDatabase.inMemory()
        #expect(try await database.commit(Fixtures.step(step: 1)).caseID == nil)
        let caseID = try #require(try await database.commit(Fixtures.step(step: 2, newCase: Fixtures.newCase())).caseID)
        #expect(try database.case(tracking: "BGL-K7M-4QX")?.id == caseID)
    }

    @Test("data survives closing and reopening the file")
    func survivesReopen() async throws {
        let directory = try TemporaryDirectory()
        do {
            let database = try AduanDatabase(path: directory.databasePath)
            try database.saveDialogRevision(DialogRevisionRecord(
                revision: "rev-1", dialogID: "umum", source: "src", createdAt: Fixtures.t0))
            _ = try await database.commit(Fixtures.step(step: 1))
            _ = try await database.commit(Fixtures.step(step: 2, newCase: Fixtures.newCase()))
            try database.close()
            #expect(throws: (any Error).self) { try database.caseCount() }
            await #expect(throws: (any Error).self) { try await database.commit(Fixtures.step(step: 3)) }
        }
        do {
            // Released without close(): deinit closes the connections.
            let database = try AduanDatabase(path: directory.databasePath)
            _ = try await database.commit(Fixtures.step(step: 3))
        }
        let reopened = try AduanDatabase(path: directory.databasePath)
        #expect(try reopened.conversation(key: "bangli|terminal:warga") == Fixtures.conversation(step: 3))
        #expect(try reopened.dialogRevision("rev-1")?.source == "src")
        let filed = try #require(try reopened.case(tracking: "BGL-K7M-4QX"))
        #expect(try reopened.events(caseID: #require(filed.id)).map(\.kind) == ["received"])
        // A conversation pinned to a revision resumes on it.
        #expect(try reopened.conversation(key: filed.conversationKey)?.revision == "rev-1")
    }
}
