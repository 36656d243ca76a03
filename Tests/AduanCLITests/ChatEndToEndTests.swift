import AduanTesting
import Foundation
import Testing

/// `aduan chat` as a new user runs it: the real executable, the shipped Bangli bot and dialog,
/// piped input, a real SQLite file.
@Suite("aduan chat, end to end")
struct ChatEndToEndTests {
    static let firstHalf = [
        "halo",
        "kintamni",
        "batur selatan",
        "jalan",
    ]
    static let secondHalf = [
        "Jalan berlubang besar di depan SD, sudah dua minggu, dekat pura desa",
        "1",
        "ya",
        "0812 3456 7890",
        "ya",
    ]

    struct CaseJSON: Decodable {
        var tracking, status, category, opd, kecamatan, details, created_at: String
        var desa: String?
        var contact: String?
    }

    func chat(_ lines: [String], db: String, in folder: URL) throws -> ProcessRunner.Outcome {
        try ProcessRunner.aduan(["chat", "--bot", Repository.path("Bots/bangli.json"), "--db", db],
                                input: lines.joined(separator: "\n") + "\n", in: folder)
    }

    func cases(db: String) throws -> [CaseJSON] {
        let outcome = try ProcessRunner.aduan(["cases", "--db", db, "--json"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        return try JSONDecoder().decode([CaseJSON].self, from: Data(outcome.output.utf8))
    }

    @Test("a citizen files a complaint about a road in Kintamani, with a restart halfway")
    func intakeWithRestart() throws {
        let folder = try Repository.temporaryFolder("aduan-e2e")
        let db = folder.appendingPathComponent("aduan.sqlite").path
        let first = try chat(Self.firstHalf, db: db, in: folder)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.hasPrefix("-> warga: "))
        #expect(first.output.contains("Kintamani"))
        #expect(try cases(db: db).isEmpty)

        let second = try chat(Self.secondHalf, db: db, in: folder)
        #expect(second.status == 0, "\(second.errors)")
        let filed = try cases(db: db)
        #expect(filed.count == 1)
        let c = try #require(filed.first)
        #expect(c.kecamatan == "Kintamani")
        #expect(c.desa == "Batur Selatan")
        #expect(c.opd == "pupr")
        #expect(c.status == "received")
        #expect(c.contact == "+6281234567890")
        #expect(c.details == Self.secondHalf[0])
        #expect(c.tracking.range(of: "^BGL-[0-9A-Z]{3}-[0-9A-Z]{3}$", options: .regularExpression) != nil)
        #expect(second.output.contains(c.tracking))
        // The new case is announced in the agency's staff channel.
        #expect(second.output.contains("-> #opd-pupr: "))
        // Every printed line is a bot message or the continuation of one.
        for line in second.output.split(separator: "\n") {
            #expect(line.hasPrefix("-> ") || line.hasPrefix("  "), "unexpected output line: \(line)")
        }
        // Asking for the status answers from the database, in a third run.
        let third = try chat(["status \(c.tracking)"], db: db, in: folder)
        #expect(third.output.contains(c.tracking))
        #expect(third.output.lowercased().contains("diterima"))
    }

    @Test("several people in one piped session keep separate conversations; channel lines are accepted")
    func severalSenders() throws {
        let folder = try Repository.temporaryFolder("aduan-e2e")
        let db = folder.appendingPathComponent("aduan.sqlite").path
        let lines = [
            "ani> halo", "budi> halo", "ani> abuan", "budi> batal", "ani> 2",
            "#opd-pupr pak_made> selamat pagi",
        ]
        let outcome = try chat(lines, db: db, in: folder)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("-> ani: "))
        #expect(outcome.output.contains("-> budi: "))
        // "abuan" is a desa in both Kintamani and Susut: the bot asks, then "2" picks one.
        #expect(outcome.output.contains("Susut"))
        #expect(!outcome.output.contains("pak_made"))
    }

    @Test("emoji-only and very long messages get a helpful reply, never a crash")
    func oddMessages() throws {
        let folder = try Repository.temporaryFolder("aduan-e2e")
        let db = folder.appendingPathComponent("aduan.sqlite").path
        let long = String(repeating: "jalan rusak parah 🚧 ", count: 300)
        let outcome = try chat(["halo", "🙏🙏🙏", "batur selatan", "jalan", long], db: db, in: folder)
        #expect(outcome.status == 0, "\(outcome.errors)")
        let replies = outcome.output.components(separatedBy: "\n-> ").count
        #expect(replies >= 6)
        #expect(outcome.output.contains("2000"))
        #expect(try cases(db: db).isEmpty)
    }
}
