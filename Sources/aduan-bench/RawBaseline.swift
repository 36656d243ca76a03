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

    struct SQLiteError: Error, CustomStringConvertible {
        var description: String
    }

    static func run(rows: Int, rowBytes: Int, path: String) throws -> Result {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let db = handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw SQLiteError(description: "cannot open \(path): \(message)")
        }
        defer { sqlite3_close(db) }

        func exec(_ sql: String) throws {
            var error: UnsafeMutablePointer<CChar>?
            if sqlite3_exec(db, sql, nil, nil, &error) != SQLITE_OK {
                let message = error.map { String(cString: $0) } ?? "unknown error"
                sqlite3_free(error)
                throw SQLiteError(description: "\(sql): \(message)")
            }
        }
        func queryText(_ sql: String) throws -> String {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
                throw SQLiteError(description: "\(sql): \(String(cString: sqlite3_errmsg(db)))")
            }
            defer { sqlite3_finalize(statement) }
            guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return "" }
            return String(cString: text)
        }

        let journalMode = try queryText("PRAGMA journal_mode = WAL")
        try exec("PRAGMA synchronous = FULL")
        let synchronous = Int(try queryText("PRAGMA synchronous")) ?? -1
        guard journalMode.lowercased() == "wal", synchronous == 2 else {
            throw SQLiteError(description: "expected journal_mode=wal, synchronous=2 (FULL); got \(journalMode), \(synchronous)")
        }
        try exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, key TEXT NOT NULL, payload TEXT NOT NULL)")

        var statement: OpaquePointer?
        let sql = "INSERT INTO rows (key, payload) VALUES (?, ?)"
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let insert = statement else {
            throw SQLiteError(description: "\(sql): \(String(cString: sqlite3_errmsg(db)))")
        }
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
            let code: Int32 = keys[i].withUnsafeBufferPointer { key in
                payloads[i % payloads.count].withUnsafeBufferPointer { payload in
                    sqlite3_bind_text(insert, 1, UnsafeRawPointer(key.baseAddress!).assumingMemoryBound(to: CChar.self),
                                      Int32(key.count), nil)
                    sqlite3_bind_text(insert, 2, UnsafeRawPointer(payload.baseAddress!).assumingMemoryBound(to: CChar.self),
                                      Int32(payload.count), nil)
                    let code = sqlite3_step(insert)
                    sqlite3_reset(insert)
                    sqlite3_clear_bindings(insert)
                    return code
                }
            }
            guard code == SQLITE_DONE else {
                throw SQLiteError(description: "INSERT: \(String(cString: sqlite3_errmsg(db)))")
            }
            samples.append((clock.now - t0).nanoseconds)
        }
        let elapsed = clock.now - start
        let cpuSeconds = processCPUSeconds() - cpuBefore
        let stored = Int(try queryText("SELECT count(*) FROM rows")) ?? -1
        guard stored == rows else {
            throw SQLiteError(description: "the baseline table holds \(stored) rows, expected \(rows)")
        }
        return Result(rows: rows, elapsed: elapsed, latencies: Latencies(samples), journalMode: journalMode,
                      synchronous: synchronous, cpuSeconds: cpuSeconds)
    }
}
