import AduanCore
import Foundation
import GRDBSQLite

/// The yardstick: plain libsqlite3 through its C API (no GRDB, no Swift layer above the calls),
/// on a fresh file with `journal_mode=WAL` and `synchronous=FULL`, inserting one row of about
/// `rowBytes` bytes per transaction, one at a time. This is what "one durable commit per dialog
/// step" costs on this disk; group commit in the store is what lets the bot beat it.
enum RawBaseline {
    struct Result: Sendable {
        var rows: Int
        var elapsed: Duration
        var latencies: Latencies
        var journalMode: String
        var synchronous: Int
        var cpuSeconds: Double
        var rate: Double { Double(rows) / elapsed.seconds }
    }

    static func run(rows: Int, rowBytes: Int, path: String) throws -> Result {
        let sqlite = try RawSQLite(path: path)
        try sqlite.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, key TEXT NOT NULL, payload TEXT NOT NULL)")
        let insert = try sqlite.prepare("INSERT INTO rows (key, payload) VALUES (?, ?)")
        defer { sqlite3_finalize(insert) }

        // Rows of `rowBytes` bytes in all: a key like a conversation key and a payload of varied text.
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz {}\":,0123456789".utf8)
        var random = SplitMix64(seed: 42)
        let payloads: [[UInt8]] = (0..<64).map { _ in
            (0..<max(rowBytes - 24, 1)).map { _ in alphabet[random.below(alphabet.count)] }
        }
        let keys: [[UInt8]] = (0..<rows).map { Array("bangli|bench:warga\($0)".utf8) }

        let clock = ContinuousClock()
        var samples: [Int64] = []
        samples.reserveCapacity(rows)
        let cpuBefore = processCPUSeconds()
        let start = clock.now
        for i in 0..<rows {
            let t0 = clock.now
            // Outside BEGIN…COMMIT, each INSERT is its own (auto-committed) transaction.
            guard sqlite.insert(insert, keys[i], payloads[i % payloads.count]) == SQLITE_DONE else {
                throw RawSQLite.Failure(description: "INSERT: \(sqlite.lastError)")
            }
            samples.append((clock.now - t0).nanoseconds)
        }
        let elapsed = clock.now - start
        let cpuSeconds = processCPUSeconds() - cpuBefore
        let stored = Int(try sqlite.queryText("SELECT count(*) FROM rows")) ?? -1
        guard stored == rows else {
            throw RawSQLite.Failure(description: "the baseline table holds \(stored) rows, expected \(rows)")
        }
        return Result(rows: rows, elapsed: elapsed, latencies: Latencies(samples), journalMode: sqlite.journalMode,
                      synchronous: sqlite.synchronous, cpuSeconds: cpuSeconds)
    }
}
