import AduanCore
import AduanStore
import ArgumentParser
import Foundation

/// `aduan cases`: list the cases in a database.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "List the filed cases / daftar aduan.")

    @Option(name: .long, help: "The SQLite database file.")
    var db: String = "aduan.sqlite"

    @Flag(name: .long, help: "Print a JSON array (for scripts) instead of a table.")
    var json = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: db) else {
            Console.err("aduan: no database at \(db)")
            throw ExitCode(1)
        }
        let database = try AduanDatabase(path: db)
        let cases = try database.allCases()
        try database.close()
        if json {
            Console.out(try Self.json(cases))
        } else if cases.isEmpty {
            Console.out("Belum ada aduan. / No cases yet.")
        } else {
            for c in cases {
                let place = [c.desa, c.kecamatan].compactMap { $0 }.joined(separator: ", ")
                Console.out("\(c.tracking)  \(c.status)  \(c.category) → \(c.opd)  \(place)  \(Self.iso(c.createdAt))")
            }
        }
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// The cases as a JSON array of objects.
    static func json(_ cases: [CaseRecord]) throws -> String {
        struct Item: Encodable {
            var tracking, status, category, opd, kecamatan: String
            var desa: String?
            var details: String
            var contact: String?
            var language: String
            var confidential: Bool
            var anonymous: Bool
            var assignee: String?
            var rating: Int?
            var waiting_until: String?
            var duplicate_of: String?
            var created_at, updated_at: String
            var due_at: String?
        }
        let trackingByID = Dictionary(cases.compactMap { c in c.id.map { ($0, c.tracking) } }, uniquingKeysWith: { a, _ in a })
        let items = cases.map { c in
            Item(tracking: c.tracking, status: c.status, category: c.category, opd: c.opd, kecamatan: c.kecamatan,
                 desa: c.desa, details: c.details, contact: c.contact, language: c.language, confidential: c.confidential,
                 anonymous: c.anonymous, assignee: c.assignee, rating: c.rating, waiting_until: c.waitingUntil,
                 duplicate_of: c.duplicateOf.flatMap { trackingByID[$0] },
                 created_at: iso(c.createdAt), updated_at: iso(c.updatedAt), due_at: c.dueAt.map(iso))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }
}
