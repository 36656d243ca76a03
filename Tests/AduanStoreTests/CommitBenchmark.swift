import Foundation
import Testing
import AduanStore

/// Throughput of `commit` (group commit) against `commitNow` (a transaction per step) on a real
/// file with `synchronous=FULL`. Off by default; run with
/// `ADUAN_STORE_BENCH=1 swift test --disable-xctest --filter CommitBenchmark`.
@Suite("Commit benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["ADUAN_STORE_BENCH"] != nil))
struct CommitBenchmark {
    static let conversations = 1_000
    static let stepsPerConversation = 10

    /// Step `step` of conversation `index`; step 5 of every conversation files a case.
    static func step(conversation index: Int, step: Int) -> StepWrite {
        let key = "bench|terminal:\(index)"
        let filed = step == 5
            ? Fixtures.newCase(tracking: "BEN-\(index)", sequence: index + 1, conversationKey: key)
            : nil
        return Fixtures.step(key: key, step: step, newCase: filed)
    }

    @Test("10,000 commit calls from 1,000 concurrent tasks")
    func groupCommit() async throws {
        let directory = try TemporaryDirectory()
        let database = try AduanDatabase(path: directory.databasePath)
        let transactionsBefore = database.committedTransactionCount
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<Self.conversations {
                    group.addTask {
                        for step in 1...Self.stepsPerConversation {
                            _ = try await database.commit(Self.step(conversation: index, step: step))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let steps = Self.conversations * Self.stepsPerConversation
        let transactions = database.committedTransactionCount - transactionsBefore
        print("commit (group): \(steps) steps in \(elapsed): \(Self.rate(steps, elapsed)) steps/s, "
            + "\(transactions) transactions (\(steps / max(transactions, 1)) steps each)")
        #expect(try database.caseCount() == Self.conversations)
    }

    @Test("10,000 commitNow calls")
    func transactionPerStep() throws {
        let directory = try TemporaryDirectory()
        let database = try AduanDatabase(path: directory.databasePath)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for step in 1...Self.stepsPerConversation {
                for index in 0..<Self.conversations {
                    _ = try database.commitNow(Self.step(conversation: index, step: step))
                }
            }
        }
        let steps = Self.conversations * Self.stepsPerConversation
        print("commitNow: \(steps) steps in \(elapsed): \(Self.rate(steps, elapsed)) steps/s")
        #expect(try database.caseCount() == Self.conversations)
    }

    static func rate(_ steps: Int, _ elapsed: Duration) -> Int {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Int(Double(steps) / seconds)
    }
}
