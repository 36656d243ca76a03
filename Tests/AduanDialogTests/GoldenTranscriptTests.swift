import AduanDialog
import AduanTesting
import Foundation
import Testing

/// Replays every golden transcript in `Tests/Transcripts/<dialog>/` and compares the bot's
/// answers with the recorded ones. `ADUAN_UPDATE_GOLDEN=1 swift test --filter Golden` rewrites
/// them; review the change with `git diff Tests/Transcripts`.
@Suite("Golden transcripts")
struct GoldenTranscriptTests {
    static let dialogs = Repository.jsonFiles(in: "Dialogs")

    @Test("every dialog in Dialogs/ has golden transcripts")
    func everyDialogHasTranscripts() throws {
        #expect(!Self.dialogs.isEmpty)
        for path in Self.dialogs {
            let dialog = try DialogFile.load(path: path)
            #expect(GoldenTranscript.all(forDialog: dialog.dialog.id).count >= 3,
                    "\(path) needs golden transcripts in \(GoldenTranscript.folder)/\(dialog.dialog.id)/")
        }
    }

    @Test("each transcript replays exactly", arguments: GoldenTranscriptTests.transcripts())
    func replay(_ pair: TranscriptCase) throws {
        let transcript = try GoldenTranscript(path: pair.transcript)
        let fresh = try transcript.replay(dialogPath: pair.dialog)
        if GoldenTranscript.updating {
            try fresh.write(toFile: pair.transcript, atomically: true, encoding: .utf8)
        } else {
            #expect(fresh == transcript.recorded, "\(pair.transcript) differs; rerun with ADUAN_UPDATE_GOLDEN=1 and review the diff")
            if fresh != transcript.recorded {
                let a = fresh.split(separator: "\n", omittingEmptySubsequences: false)
                let b = transcript.recorded.split(separator: "\n", omittingEmptySubsequences: false)
                if let i = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                    Issue.record("first difference at line \(i + 1):\n  now:      \(a[i])\n  recorded: \(b[i])")
                }
            }
        }
    }

    /// Every (dialog, transcript) pair.
    static func transcripts() -> [TranscriptCase] {
        dialogs.flatMap { path -> [TranscriptCase] in
            guard let dialog = try? DialogFile.load(path: path) else { return [] }
            return GoldenTranscript.all(forDialog: dialog.dialog.id).map { TranscriptCase(dialog: path, transcript: $0) }
        }
    }
}

/// A transcript and the dialog it exercises.
struct TranscriptCase: Sendable, CustomTestStringConvertible {
    var dialog: String
    var transcript: String
    var testDescription: String { URL(fileURLWithPath: transcript).lastPathComponent }
}
