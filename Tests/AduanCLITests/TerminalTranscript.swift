import AduanTesting
import Foundation
import Testing

/// What one run of `aduan chat` printed, read back as the messages each side saw.
///
/// The terminal prints every bot message as `-> NAME: text` or `-> #channel: text`, further
/// lines of the same message indented by two spaces (``TerminalFormat``).
struct TerminalTranscript {
    /// One bot message: where it went and its text (continuation lines joined with `\n`).
    struct Message: Equatable, CustomStringConvertible {
        var to: String
        var text: String
        var description: String { "-> \(to): \(text)" }
    }

    /// The raw standard output.
    let output: String
    /// The messages in the order they were printed.
    let messages: [Message]
    /// Lines that are neither a message nor the continuation of one.
    let strayLines: [String]

    init(_ output: String) {
        self.output = output
        var messages: [Message] = []
        var stray: [String] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-> "), let colon = line.range(of: ": ") {
                let to = String(line[line.index(line.startIndex, offsetBy: 3)..<colon.lowerBound])
                messages.append(Message(to: to, text: String(line[colon.upperBound...])))
            } else if line.hasPrefix("  "), !messages.isEmpty {
                messages[messages.count - 1].text += "\n" + line.dropFirst(2)
            } else if !line.isEmpty {
                stray.append(String(line))
            }
        }
        self.messages = messages
        self.strayLines = stray
    }

    /// The texts sent to `target` (a citizen's name or a `#channel`), in order.
    func to(_ target: String) -> [String] {
        messages.filter { $0.to == target }.map(\.text)
    }

    /// Everything `target` saw, as one text.
    func all(_ target: String) -> String {
        to(target).joined(separator: "\n")
    }

    /// The position of the first message to `target` containing `text`, or nil.
    func index(of text: String, to target: String) -> Int? {
        messages.firstIndex { $0.to == target && $0.text.contains(text) }
    }

    /// How many messages (to anyone) contain `text`.
    func count(_ text: String) -> Int {
        messages.filter { $0.text.contains(text) }.count
    }

    /// The texts sent to `citizen` after the last one containing `receipt` (the filing receipt),
    /// in order; fails when there is no receipt.
    func afterReceipt(to citizen: String = "warga", receipt: String = "Nomor aduan",
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let texts = to(citizen)
        let index = try #require(texts.lastIndex { $0.contains(receipt) }, sourceLocation: sourceLocation)
        return Array(texts[(index + 1)...])
    }
}

/// Running the real `aduan` on the shipped Bangli bot, one fresh database per test.
struct DeskSession {
    let folder: URL
    let db: String

    init() throws {
        folder = try Repository.temporaryFolder("aduan-desk-e2e")
        db = folder.appendingPathComponent("aduan.sqlite").path
    }

    /// One run of `aduan chat` with `lines` piped in, on a clock that stands at `clock` (ISO 8601)
    /// and moves only by `@jam` lines. Expects a clean exit.
    func chat(_ lines: [String], clock: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> TerminalTranscript {
        let outcome = try ProcessRunner.aduan(
            ["chat", "--bot", Repository.path("Bots/bangli.json"), "--db", db, "--clock", clock],
            input: lines.joined(separator: "\n") + "\n", in: folder)
        #expect(outcome.status == 0, "aduan chat failed: \(outcome.errors)", sourceLocation: sourceLocation)
        #expect(outcome.errors.isEmpty, "aduan chat complained: \(outcome.errors)", sourceLocation: sourceLocation)
        let transcript = TerminalTranscript(outcome.output)
        #expect(transcript.strayLines.isEmpty, "unexpected output lines: \(transcript.strayLines)",
                sourceLocation: sourceLocation)
        return transcript
    }

    /// A case as `aduan cases --json` prints it.
    struct CaseJSON: Decodable {
        var tracking, status, category, opd, kecamatan, details: String
        var desa, contact, assignee: String?
        var rating: Int?
        var anonymous, confidential: Bool?
    }

    /// `aduan cases --json` on this session's database.
    func cases(sourceLocation: SourceLocation = #_sourceLocation) throws -> [CaseJSON] {
        let outcome = try ProcessRunner.aduan(["cases", "--db", db, "--json"])
        #expect(outcome.status == 0, "\(outcome.errors)", sourceLocation: sourceLocation)
        return try JSONDecoder().decode([CaseJSON].self, from: Data(outcome.output.utf8))
    }

    /// The whole intake of the shipped dialog, as typed by `citizen` (nil: the default *warga*).
    ///
    /// `privacy` answers "Bolehkah petugas tahu siapa Anda?": 1 ordinary, 2 confidential,
    /// 3 anonymous (then no contact question). `phone` nil declines to be contacted.
    static func intake(_ citizen: String? = nil, place: String = "batur selatan kintamani", category: String = "jalan",
                       details: String = "Jalan berlubang besar di depan SD 2, motor sering jatuh",
                       privacy: String = "1", phone: String? = "0812 3456 7890") -> [String] {
        var lines = ["halo", place, category, details, privacy]
        if privacy != "3" {
            if let phone {
                lines += ["ya", phone]
            } else {
                lines += ["tidak"]
            }
        }
        lines.append("ya")
        return lines.map { line in citizen.map { "\($0)> \(line)" } ?? line }
    }
}
