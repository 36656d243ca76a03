import AduanCore
import AduanDialog
import AduanWilayah
import Foundation

/// The Bangli catalog, the real dialog and a chat driver shared by the dialog tests.
enum DialogFixtures {
    /// The repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // AduanDialogTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repository root

    /// `Dialogs/pengaduan.json`.
    static let pengaduanPath = root.appendingPathComponent("Dialogs/pengaduan.json").path

    /// Tuesday 6 January 2026, 01:00 UTC (09:00 WITA).
    static let now = Date(timeIntervalSince1970: 1_767_661_200)

    static let gazetteer: Gazetteer = {
        do {
            return try Gazetteer(contentsOf: root.appendingPathComponent("Bots/wilayah/bangli.json"))
        } catch {
            fatalError("cannot load Bots/wilayah/bangli.json: \(error)")
        }
    }()

    static let jalan = CaseCategory(
        id: "jalan", label: LocalizedText(["id": "Jalan atau jembatan rusak", "en": "Damaged road or bridge"]),
        synonyms: ["jalan", "jembatan", "lubang", "aspal", "road"], opd: "pupr")
    static let sampah = CaseCategory(
        id: "sampah", label: LocalizedText(["id": "Sampah dan pencemaran", "en": "Rubbish and pollution"]),
        synonyms: ["sampah", "limbah", "bau", "pencemaran", "rubbish"], opd: "dlh", responseHours: 72)
    static let kesehatan = CaseCategory(
        id: "kesehatan", label: LocalizedText(["id": "Layanan kesehatan", "en": "Health services"]),
        synonyms: ["puskesmas", "rumah sakit", "bpjs", "dokter", "obat"], opd: "dinkes", sensitive: true)

    static let catalog = Catalog(
        botName: LocalizedText(["id": "24 Jam Bangli Era Baru", "en": "Bangli 24 Hours"]),
        regency: "Kabupaten Bangli", trackingPrefix: "BGL",
        timeZone: TimeZone(identifier: "Asia/Makassar") ?? TimeZone(secondsFromGMT: 8 * 3600)!,
        responseHours: 24, categories: [jalan, sampah, kesehatan],
        agencyNames: [
            "pupr": LocalizedText(["id": "Dinas PUPR", "en": "Public Works Agency"]),
            "dlh": LocalizedText(["id": "Dinas Lingkungan Hidup", "en": "Environment Agency"]),
            "dinkes": LocalizedText(["id": "Dinas Kesehatan", "en": "Health Agency"]),
        ],
        gazetteer: gazetteer)

    /// The real intake dialog, loaded and validated against the catalog.
    static let pengaduan: DialogFile = {
        do {
            return try DialogFile.load(path: pengaduanPath, catalog: catalog)
        } catch {
            fatalError("Dialogs/pengaduan.json does not load:\n\(error)")
        }
    }()

    /// Parses a dialog written inline in a test, without the meaning checks.
    static func dialog(_ json: String) throws -> Dialog {
        try DialogFile.parse(Data(json.utf8), path: "test.json", catalog: catalog, validate: false).dialog
    }

    /// The problems the validator finds in `json` (syntax and meaning), one line each.
    static func problems(_ json: String, file: String = "Dialogs/broken.json") -> [String] {
        do {
            _ = try DialogFile.parse(Data(json.utf8), path: file, catalog: catalog)
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics.map(\.description)
        } catch {
            return ["unexpected error: \(error)"]
        }
    }

    /// A minimal valid dialog in the test's own words: one question, then the end. Other
    /// dialogs are made by replacing parts of it.
    static func messages(_ languages: [String] = ["id", "en"]) -> String {
        let entries = SystemMessages.Key.allCases.map { key -> String in
            let texts = languages.map { "\"\($0)\": \"\(key.rawValue) \($0)\"" }.joined(separator: ", ")
            return "    \"\(key.rawValue)\": { \(texts) }"
        }
        return "{\n" + entries.joined(separator: ",\n") + "\n  }"
    }
}

/// One citizen talking to the engine: keeps the conversation's state, hands out tracking
/// numbers from a counter, and remembers what the bot said.
final class Chat {
    let engine: DialogEngine
    var state: ConversationState
    private(set) var sequence = 0
    private(set) var last = StepResult(state: .idle, effects: [])
    private(set) var filings: [CaseFiling] = []
    private(set) var allEffects: [Effect] = []
    var now = DialogFixtures.now
    /// The calendar the runtime would pass; nil for the engine's default (around the clock).
    var responseDeadline: ((_ start: Date, _ hours: Int, _ opd: String) -> Date)?

    init(dialog: Dialog = DialogFixtures.pengaduan.dialog, catalog: Catalog = DialogFixtures.catalog,
         state: ConversationState = .idle) {
        self.engine = DialogEngine(dialog: dialog, catalog: catalog)
        self.state = state
    }

    /// Sends `text`; returns the bot's replies joined by blank lines.
    @discardableResult
    func send(_ text: String) -> String {
        var context = StepContext(now: now) { [self] in
            sequence += 1
            return TrackingNumber(prefix: engine.catalog.trackingPrefix, sequence: sequence)
        }
        if let responseDeadline { context.responseDeadline = responseDeadline }
        last = engine.handle(text, state: state, context: context)
        state = last.state
        allEffects += last.effects
        if let filing = last.filing { filings.append(filing) }
        return reply
    }

    /// Sends several messages in turn; returns the last reply.
    @discardableResult
    func send(_ texts: [String]) -> String {
        var reply = ""
        for text in texts { reply = send(text) }
        return reply
    }

    /// The bot's replies to the last message, joined by blank lines.
    var reply: String { last.replies.joined(separator: "\n\n") }

    /// The question the conversation waits on.
    var current: String? { state.current }

    /// The script errors reported so far.
    var scriptErrors: [String] {
        allEffects.compactMap { if case .scriptError(let s) = $0 { return s } else { return nil } }
    }
}
