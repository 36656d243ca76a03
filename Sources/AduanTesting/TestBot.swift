import Foundation

/// A small bot and dialog written into a temporary folder, for runtime tests that must not
/// depend on the wording of the shipped `Dialogs/` and `Bots/` (and that edit the files).
public enum TestBot {
    /// The standard messages every dialog needs, short.
    public static let messages: [String: [String: String]] = [
        "help": ["id": "Bantuan: batal, kembali, ulang, status.", "en": "Help: cancel, back, restart, status."],
        "cancelled": ["id": "Dibatalkan.", "en": "Cancelled."],
        "restarted": ["id": "Mulai lagi.", "en": "Starting again."],
        "back_at_first": ["id": "Ini pertanyaan pertama.", "en": "This is the first question."],
        "language_changed": ["id": "Bahasa Indonesia.", "en": "English."],
        "language_options": ["id": "Ketik bahasa id atau bahasa en.", "en": "Type language id or language en."],
        "retry_text_too_short": ["id": "Minimal {{min}} huruf.", "en": "At least {{min}} characters."],
        "retry_text_too_long": ["id": "Maksimal {{max}} huruf.", "en": "At most {{max}} characters."],
        "retry_choice": ["id": "Pilih nomor.", "en": "Pick a number."],
        "retry_yes_no": ["id": "Jawab ya atau tidak.", "en": "Answer yes or no."],
        "retry_phone": ["id": "Nomor HP tidak valid.", "en": "Not a phone number."],
        "retry_number": ["id": "Bukan angka.", "en": "Not a number."],
        "location_not_found": ["id": "Lokasi tidak ditemukan.", "en": "Place not found."],
        "location_suggestions": ["id": "Mungkin:\n{{options}}", "en": "Perhaps:\n{{options}}"],
        "location_ambiguous": ["id": "Yang mana?\n{{options}}", "en": "Which one?\n{{options}}"],
        "location_which_desa": ["id": "Desa apa di {{kecamatan}}?", "en": "Which desa in {{kecamatan}}?"],
        "status_case": ["id": "{{tracking}}: {{status}}", "en": "{{tracking}}: {{status}}"],
        "status_not_found": ["id": "{{tracking}} tidak ditemukan.", "en": "{{tracking}} not found."],
        "status_none": ["id": "Belum ada aduan.", "en": "No cases yet."],
        "script_error": ["id": "Maaf, ada kesalahan.", "en": "Sorry, an error."],
    ]

    /// The dialog: location → category → details → file the case → end. `detailsQuestion` is the
    /// Indonesian text of the details question (tests edit it to make a new revision).
    public static func dialog(detailsQuestion: String = "Ceritakan masalahnya.") -> [String: Any] {
        [
            "format": 1, "id": "uji", "languages": ["id", "en"], "start": "sapa",
            "messages": messages,
            "states": [
                ["id": "sapa", "type": "message", "text": ["id": "Halo dari {{bot}}.", "en": "Hello from {{bot}}."], "next": "lokasi"],
                ["id": "lokasi", "type": "question", "text": ["id": "Di mana?", "en": "Where?"],
                 "input": ["type": "location"], "save": "lokasi", "next": "kategori"],
                ["id": "kategori", "type": "question", "text": ["id": "Jenis masalah?", "en": "What kind?"],
                 "input": ["type": "choice", "options_from": "categories"], "save": "kategori", "next": "uraian"],
                ["id": "uraian", "type": "question", "text": ["id": detailsQuestion, "en": "Describe it."],
                 "input": ["type": "text", "min_length": 5], "save": "uraian", "next": "ajukan"],
                ["id": "ajukan", "type": "action", "action": "file_case",
                 "case": ["category": "kategori", "location": "lokasi", "details": "uraian"], "next": "selesai"],
                ["id": "selesai", "type": "end",
                 "text": ["id": "Nomor aduan {{tracking}} untuk {{opd}}.", "en": "Case {{tracking}} for {{opd}}."]],
            ] as [[String: Any]],
        ]
    }

    /// The bot configuration, using the real Bangli wilayah list.
    public static var bot: [String: Any] { [
        "format": 1, "id": "uji", "name": ["id": "Bot Uji", "en": "Test Bot"], "regency": "Kabupaten Bangli",
        "dialog": "dialog.json", "wilayah": Repository.path("Bots/wilayah/bangli.json"),
        "time_zone": "Asia/Makassar", "tracking_prefix": "UJI", "response_hours": 24,
        "coordinator_channel": "#koordinator",
        "staff_messages": ["new_case": "Aduan baru {{tracking}} · {{category}} · {{location}}: {{summary}} (kontak {{contact}})"],
        "agencies": [
            ["id": "pupr", "name": ["id": "Dinas PUPR", "en": "Public Works"], "channel": "#opd-pupr"],
            ["id": "dlh", "name": ["id": "Dinas Lingkungan Hidup", "en": "Environment Agency"], "channel": "#opd-dlh"],
        ],
        "categories": [
            ["id": "jalan", "label": ["id": "Jalan rusak", "en": "Damaged road"], "synonyms": ["jalan", "lubang"], "opd": "pupr"],
            ["id": "sampah", "label": ["id": "Sampah", "en": "Rubbish"], "synonyms": ["sampah"], "opd": "dlh"],
        ],
    ] }

    /// Writes `bot.json` and `dialog.json` into `folder`; returns the bot file's path.
    @discardableResult
    public static func write(in folder: URL, detailsQuestion: String = "Ceritakan masalahnya.") throws -> String {
        try writeDialog(in: folder, detailsQuestion: detailsQuestion)
        let botURL = folder.appendingPathComponent("bot.json")
        try JSONSerialization.data(withJSONObject: bot, options: [.prettyPrinted, .sortedKeys]).write(to: botURL)
        return botURL.path
    }

    /// Rewrites `dialog.json` in `folder`.
    public static func writeDialog(in folder: URL, detailsQuestion: String) throws {
        let data = try JSONSerialization.data(withJSONObject: dialog(detailsQuestion: detailsQuestion),
                                              options: [.prettyPrinted, .sortedKeys])
        try data.write(to: folder.appendingPathComponent("dialog.json"))
    }
}
