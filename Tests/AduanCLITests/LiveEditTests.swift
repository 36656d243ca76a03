import AduanTesting
import Foundation
import Testing

/// An admin edits the dialog while a citizen is in the middle of it.
@Suite("editing a dialog while conversations are in flight")
struct LiveEditTests {
    /// A copy of `Bots/` and `Dialogs/` in a temporary folder, to edit.
    func copyOfTheRepository() throws -> URL {
        let folder = try Repository.temporaryFolder("aduan-edit")
        let fm = FileManager.default
        for sub in ["Bots", "Dialogs"] {
            try fm.copyItem(at: Repository.root.appendingPathComponent(sub), to: folder.appendingPathComponent(sub))
        }
        return folder
    }

    @Test("the citizen finishes on the old revision; a new citizen gets the new one; a broken edit changes nothing")
    func editInFlight() throws {
        let folder = try copyOfTheRepository()
        let bot = folder.appendingPathComponent("Bots/bangli.json").path
        let dialog = folder.appendingPathComponent("Dialogs/pengaduan.json")
        let db = folder.appendingPathComponent("aduan.sqlite").path
        func chat(_ lines: [String]) throws -> ProcessRunner.Outcome {
            try ProcessRunner.aduan(["chat", "--bot", bot, "--db", db], input: lines.joined(separator: "\n") + "\n", in: folder)
        }
        let first = try chat(["ani> halo", "ani> kintamni"])
        #expect(first.status == 0, "\(first.errors)")

        let original = try String(contentsOf: dialog, encoding: .utf8)
        let oldQuestion = "Masalahnya termasuk jenis apa?"
        let newQuestion = "Apa jenis masalah yang ingin Anda laporkan?"
        #expect(original.contains(oldQuestion))
        try original.replacingOccurrences(of: oldQuestion, with: newQuestion).write(to: dialog, atomically: true, encoding: .utf8)

        let second = try chat(["ani> batur selatan", "budi> halo", "budi> batur selatan"])
        #expect(second.status == 0, "\(second.errors)")
        let ani = second.output.components(separatedBy: "\n-> ").filter { $0.hasPrefix("ani: ") || $0.hasPrefix("-> ani: ") }
        let budi = second.output.components(separatedBy: "\n-> ").filter { $0.hasPrefix("budi: ") }
        #expect(ani.contains { $0.contains(oldQuestion) }, "ani should keep the revision she started with")
        #expect(!ani.contains { $0.contains(newQuestion) })
        #expect(budi.contains { $0.contains(newQuestion) }, "a new conversation uses the edited dialog")

        // A broken edit: the bot refuses to start on it, with file:line:column, and the database is untouched.
        try "{ \"format\": 1, \"id\": \"pengaduan\" ".write(to: dialog, atomically: true, encoding: .utf8)
        let broken = try chat(["ani> jalan"])
        #expect(broken.status != 0)
        #expect(broken.errors.contains("pengaduan.json:1:"), "\(broken.errors)")
        // Restored, ani goes on exactly where she was.
        try original.replacingOccurrences(of: oldQuestion, with: newQuestion).write(to: dialog, atomically: true, encoding: .utf8)
        let third = try chat(["ani> jalan"])
        #expect(third.output.contains("Ceritakan masalahnya"), "\(third.output)")
    }
}
