import Foundation
import GRDB
import Testing
@testable import AduanStore

@Suite("Group commit")
struct GroupCommitTests {
    @Test("200 concurrent commits all succeed in far fewer than 200 transactions")
    func concurrentCommitsShareTransactions() async throws {
        let directory = try TemporaryDirectory()
        let database = try AduanDatabase(path: directory.databasePath)
        let before = database.committedTransactionCount

        let caseIDs = try await withThrowingTaskGroup(of: Int64?.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let filed = index.isMultiple(of: 4)
                        ? Fixtures.newCase(tracking: "BGL-\(index)", sequence: index, conversationKey: "c\(index)")
                        : nil
                    return try await database.commit(Fixtures.step(key: "c\(index)", step: 1, newCase: filed)).caseID
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        let transactions = database.committedTransactionCount - before
        #expect(caseIDs.count == 200)
        #expect(caseIDs.compactMap { $0 }.count == 50)
        #expect(try database.caseCount() == 50)
        #expect(try conversationCount(database) == 200)
        #expect(transactions >= 1)
        #expect(transactions <= 20, "200 steps took \(transactions) transactions")
    }

    @Test("one bad step in a batch fails only itself (one transaction, savepoints)")
    func badStepInBatch() throws {
        let database = try AduanDatabase.inMemory()
        _ = try database.commitNow(Fixtures.step(key: "first", step: 1, newCase: Fixtures.newCase(tracking: "DUP", sequence: 1)))
        let steps = (0..<10).map { index in
            Fixtures.step(
                key: "k\(index)", step: 1,
                newCase: Fixtures.newCase(tracking: index == 4 ? "DUP" : "T\(index)", sequence: 100 + index))
        }
        let before = database.committedTransactionCount
        let outcomes = database.writer.writeWithoutTransaction { db in
            GroupCommitter.write(steps, db)
        }
        #expect(database.committedTransactionCount - before == 1)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let result):
                #expect(index != 4)
                #expect(result.caseID != nil)
            case .failure(let error):
                #expect(index == 4)
                #expect(error as? StoreError == .duplicateTracking("DUP"))
            }
        }
        #expect(try database.conversation(key: "k4") == nil)
        #expect(try database.conversation(key: "k5")?.step == 1)
        #expect(try database.caseCount() == 10)
    }

    @Test("concurrently, a duplicate tracking number fails its own caller only")
    func badStepAmongConcurrentCommits() async throws {
        let directory = try TemporaryDirectory()
        let database = try AduanDatabase(path: directory.databasePath)
        _ = try database.commitNow(Fixtures.step(key: "first", step: 1, newCase: Fixtures.newCase(tracking: "DUP", sequence: 1)))

        let outcomes = await withTaskGroup(of: (Int, Result<CommitResult, any Error>).self) { group in
            for index in 0..<100 {
                group.addTask {
                    let filed = Fixtures.newCase(tracking: index == 37 ? "dup" : "T\(index)", sequence: 100 + index)
                    do {
                        return (index, .success(try await database.commit(Fixtures.step(key: "k\(index)", step: 1, newCase: filed))))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        let failed = outcomes.filter { if case .failure = $0.value { true } else { false } }
        #expect(failed.keys.sorted() == [37])
        if case .failure(let error)? = outcomes[37] {
            #expect(error as? StoreError == .duplicateTracking("dup"))
        }
        #expect(try database.caseCount() == 100)
        #expect(try database.conversation(key: "k37") == nil)
    }

    @Test("consecutive steps of one conversation in one batch apply in order")
    func stepsOfOneConversationInOneBatch() throws {
        let database = try AduanDatabase.inMemory()
        let steps = (1...5).map { Fixtures.step(step: $0) } + [Fixtures.step(step: 5)]
        let outcomes = database.writer.writeWithoutTransaction { db in
            GroupCommitter.write(steps, db)
        }
        #expect(outcomes.prefix(5).allSatisfy { if case .success = $0 { true } else { false } })
        if case .failure(let error) = outcomes[5] {
            #expect(error as? StoreError == .staleConversation(key: "bangli|terminal:warga", step: 5, storedStep: 5))
        } else {
            Issue.record("the repeated step 5 should fail")
        }
        #expect(try database.conversation(key: "bangli|terminal:warga")?.step == 5)
    }

    @Test("many sequential steps of many conversations, all in order")
    func sequentialStepsPerConversation() async throws {
        let directory = try TemporaryDirectory()
        let database = try AduanDatabase(path: directory.databasePath)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<50 {
                group.addTask {
                    for step in 1...20 {
                        _ = try await database.commit(Fixtures.step(key: "task\(task)", step: step))
                    }
                }
            }
            try await group.waitForAll()
        }
        for task in 0..<50 {
            #expect(try database.conversation(key: "task\(task)")?.step == 20)
        }
    }

    /// Synchronous, so that GRDB's synchronous `read` is the one called.
    private func conversationCount(_ database: AduanDatabase) throws -> Int {
        try database.writer.read { try ConversationRecord.fetchCount($0) }
    }
}
