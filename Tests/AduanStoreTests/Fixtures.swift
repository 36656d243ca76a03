import Foundation
import AduanStore

/// Sample records and temporary files for the store tests.
enum Fixtures {
    /// A date on a whole millisecond, so that it round-trips exactly.
    static let t0 = Date(timeIntervalSince1970: 1_760_000_000.125)

    static func conversation(
        key: String = "bangli|terminal:warga", step: Int, state: String = #"{"node":"start"}"#,
        revision: String? = "rev-1", at: Date = t0
    ) -> ConversationRecord {
        ConversationRecord(
            key: key, botID: "bangli", revision: revision, state: state, step: step,
            updatedAt: at.addingTimeInterval(Double(step)))
    }

    static func newCase(
        tracking: String = "BGL-K7M-4QX", sequence: Int = 1,
        conversationKey: String = "bangli|terminal:warga", at: Date = t0
    ) -> NewCase {
        NewCase(
            tracking: tracking, botID: "bangli", sequence: sequence, conversationKey: conversationKey,
            status: "received", category: "jalan-rusak", opd: "PUPR", kecamatan: "Kintamani",
            desa: "Abuan", details: "Jalan berlubang di depan pura", contact: "+62 812 0000 0000",
            language: "id", confidential: true, createdAt: at, dueAt: at.addingTimeInterval(86_400))
    }

    /// A step that advances `key` to `step`, filing `newCase` if given.
    static func step(
        key: String = "bangli|terminal:warga", step: Int, newCase: NewCase? = nil,
        channel: String = "terminal"
    ) -> StepWrite {
        StepWrite(conversation: conversation(key: key, step: step), newCase: newCase, channel: channel)
    }
}

/// A directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("aduan-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of a database file in the directory.
    var databasePath: String {
        url.appendingPathComponent("aduan.sqlite").path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
