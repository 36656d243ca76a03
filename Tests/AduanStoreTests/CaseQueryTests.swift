import Foundation
import Testing
import AduanStore

@Suite("Case queries")
struct CaseQueryTests {
    @Test("tracking lookup ignores case, spaces and dashes", arguments: [
        "BGL-K7M-4QX", "bgl k7m 4qx", "bglk7m4qx", " Bgl-K7m 4qX ", "BGL - K7M - 4QX",
    ])
    func trackingNormalization(typed: String) throws {
        let database = try AduanDatabase.inMemory()
        _ = try database.commitNow(Fixtures.step(step: 1, newCase: Fixtures.newCase(tracking: "BGL-K7M-4QX")))
        #expect(try database.case(tracking: typed)?.tracking == "BGL-K7M-4QX")
        #expect(try database.case(tracking: "BGL-K7M-4QY") == nil)
    }

    @Test("normalizedTracking keeps upper-case letters and digits only")
    func normalizedTracking() {
        #expect(CaseRecord.normalizedTracking("bgl-k7m 4qx") == "BGLK7M4QX")
        #expect(CaseRecord.normalizedTracking("\tBGL–K7M\n") == "BGLK7M")
    }

    @Test("two tracking numbers that differ only in dashes and case clash")
    func trackingClash() throws {
        let database = try AduanDatabase.inMemory()
        _ = try database.commitNow(Fixtures.step(key: "a", step: 1, newCase: Fixtures.newCase(tracking: "BGL-K7M-4QX", sequence: 1)))
        #expect(throws: StoreError.duplicateTracking("bglk7m4qx")) {
            try database.commitNow(Fixtures.step(key: "b", step: 1, newCase: Fixtures.newCase(tracking: "bglk7m4qx", sequence: 2)))
        }
        #expect(throws: StoreError.duplicateSequence(botID: "bangli", sequence: 1)) {
            try database.commitNow(Fixtures.step(key: "c", step: 1, newCase: Fixtures.newCase(tracking: "BGL-AAA-1", sequence: 1)))
        }
        // The failed steps left nothing behind, not even their conversations.
        #expect(try database.conversation(key: "b") == nil)
        #expect(try database.conversation(key: "c") == nil)
        #expect(try database.caseCount() == 1)
    }

    @Test("cases by conversation come newest first, all cases oldest first; counts and sequences")
    func listing() throws {
        let database = try AduanDatabase.inMemory()
        #expect(try database.maxSequence(botID: "bangli") == 0)
        #expect(try database.caseCount() == 0)
        for sequence in 1...3 {
            let key = sequence == 2 ? "other" : "bangli|terminal:warga"
            let step = sequence == 3 ? 2 : 1
            let filed = Fixtures.newCase(
                tracking: "BGL-\(sequence)", sequence: sequence, conversationKey: key,
                at: Fixtures.t0.addingTimeInterval(Double(sequence) * 60))
            _ = try database.commitNow(Fixtures.step(key: key, step: step, newCase: filed))
        }
        #expect(try database.cases(conversationKey: "bangli|terminal:warga").map(\.tracking) == ["BGL-3", "BGL-1"])
        #expect(try database.cases(conversationKey: "nobody").isEmpty)
        #expect(try database.allCases().map(\.tracking) == ["BGL-1", "BGL-2", "BGL-3"])
        #expect(try database.maxSequence(botID: "bangli") == 3)
        #expect(try database.maxSequence(botID: "bekasi") == 0)
        #expect(try database.caseCount() == 3)
    }
}
