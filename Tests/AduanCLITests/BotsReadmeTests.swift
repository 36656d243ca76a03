import AduanRuntime
import AduanTesting
import Foundation
import Testing

/// `Bots/README.md` stays true: it names every field and every citizen message with the values
/// each may use, in both languages, and its JSON examples pass `aduan validate`.
@Suite("Bots/README.md")
struct BotsReadmeTests {
    static let readme: String = (try? String(contentsOfFile: Repository.path("Bots/README.md"), encoding: .utf8)) ?? ""

    /// The Indonesian and the English half.
    static var halves: [(name: String, text: String)] {
        guard let english = readme.range(of: "\n## English\n") else { return [("whole", readme)] }
        return [("Bahasa Indonesia", String(readme[..<english.lowerBound])), ("English", String(readme[english.lowerBound...]))]
    }

    @Test("every field, identity form and citizen message is documented in both languages")
    func everythingIsNamed() {
        let clockFields = ["working_hours", "holidays", "remind_before_hours", "escalation", "days", "start", "end",
                           "after_hours", "head", "coordinator", "leadership"]
        for (name, text) in Self.halves {
            for field in BotConfiguration.fields + Agency.fields + clockFields where field != "note" {
                #expect(text.contains("`\(field)`"), "\(name) half lacks the field \(field)")
            }
            for form in ["irc-account:", "matrix:@", "terminal:", "irc:budi"] {
                #expect(text.contains(form), "\(name) half lacks the identity form \(form)")
            }
            for (key, values) in CitizenMessages.values {
                #expect(text.contains("| `\(key)` |"), "\(name) half lacks the citizen message \(key)")
                for value in values {
                    #expect(text.contains("{{\(value)}}"), "\(name) half lacks {{\(value)}} of \(key)")
                }
            }
        }
    }

    @Test("the JSON examples are valid")
    func examplesAreValid() throws {
        let blocks = Self.readme.components(separatedBy: "```json\n").dropFirst().compactMap {
            $0.components(separatedBy: "\n```").first
        }
        #expect(blocks.count >= 3)
        // The examples sit in a copy of Bots/ whose dialog and wilayah lists are the repository's.
        let folder = try Repository.temporaryFolder("aduan-bots-readme")
        let bots = folder.appendingPathComponent("Bots")
        let fm = FileManager.default
        try fm.createDirectory(at: bots, withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: bots.appendingPathComponent("wilayah"), withDestinationURL: Repository.root.appendingPathComponent("Bots/wilayah"))
        try fm.createSymbolicLink(at: folder.appendingPathComponent("Dialogs"), withDestinationURL: Repository.root.appendingPathComponent("Dialogs"))
        let shipped = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Repository.path("Bots/bangli.json")))) as? [String: Any])
        var files: [String] = []
        for (i, block) in blocks.enumerated() {
            let path = bots.appendingPathComponent("example-\(i).json").path
            if block.hasPrefix("{") {
                // A whole bot file.
                try block.write(toFile: path, atomically: true, encoding: .utf8)
            } else {
                // A field or two (`"clock": {…}`): put into the shipped Bangli bot.
                let part = try #require(try JSONSerialization.jsonObject(with: Data("{\(block)}".utf8)) as? [String: Any],
                                        "README example \(i) is not JSON")
                let bot = shipped.merging(part) { $1 }
                try JSONSerialization.data(withJSONObject: bot).write(to: URL(fileURLWithPath: path))
            }
            files.append(path)
        }
        let outcome = try ProcessRunner.aduan(["validate"] + files)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.split(separator: "\n").filter { $0.hasPrefix("ok: ") }.count == files.count)
    }
}
