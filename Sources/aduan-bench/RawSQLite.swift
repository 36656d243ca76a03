import GRDBSQLite

/// A libsqlite3 connection through the plain C API (no GRDB, no Swift layer above the calls),
/// on a fresh file with `journal_mode=WAL` and `synchronous=FULL`, checked: the yardsticks of
/// both benchmarks use it, so they pay exactly what one durable commit costs on this disk.
final class RawSQLite {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let db: OpaquePointer
    /// The journal mode SQLite reports (always `wal`).
    let journalMode: String
    /// The synchronous level SQLite reports (always 2, FULL).
    let synchronous: Int

    /// Opens (creating) the file at `path` and switches it to WAL with `synchronous=FULL`.
    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let db = handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw Failure(description: "cannot open \(path): \(message)")
        }
        self.db = db
        do {
            journalMode = try Self.queryText(db, "PRAGMA journal_mode = WAL")
            try Self.exec(db, "PRAGMA synchronous = FULL")
            synchronous = Int(try Self.queryText(db, "PRAGMA synchronous")) ?? -1
        } catch {
            sqlite3_close(db)
            throw error
        }
        guard journalMode.lowercased() == "wal", synchronous == 2 else {
            sqlite3_close(db)
            throw Failure(description: "expected journal_mode=wal, synchronous=2 (FULL); got \(journalMode), \(synchronous)")
        }
    }

    deinit {
        sqlite3_close(db)
    }

    func exec(_ sql: String) throws {
        try Self.exec(db, sql)
    }

    func queryText(_ sql: String) throws -> String {
        try Self.queryText(db, sql)
    }

    /// A prepared statement; the caller finalizes it.
    func prepare(_ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(db)))")
        }
        return statement
    }

    /// Binds two texts to a prepared `INSERT`, runs it and resets it; the SQLite result code.
    func insert(_ statement: OpaquePointer, _ first: [UInt8], _ second: [UInt8]) -> Int32 {
        // The bytes are bound without a copy (SQLITE_STATIC), so the step runs inside the closures.
        func bind(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
            if let base = bytes.baseAddress, bytes.count > 0 {
                sqlite3_bind_text(statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                  Int32(bytes.count), nil)
            } else {
                sqlite3_bind_text(statement, index, "", 0, nil)
            }
        }
        return first.withUnsafeBufferPointer { a in
            second.withUnsafeBufferPointer { b in
                bind(1, a)
                bind(2, b)
                let code = sqlite3_step(statement)
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
                return code
            }
        }
    }

    var lastError: String { String(cString: sqlite3_errmsg(db)) }

    private static func exec(_ db: OpaquePointer, _ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw Failure(description: "\(sql): \(message)")
        }
    }

    private static func queryText(_ db: OpaquePointer, _ sql: String) throws -> String {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(db)))")
        }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return "" }
        return String(cString: text)
    }
}
