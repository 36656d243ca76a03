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
    ///
    /// With `asksContactAndPrivacy`, two questions follow the details: the phone number
    /// (`kontak`, optional: *lewati* skips it) and the privacy choice (`identitas`: 1 biasa,
    /// 2 rahasia, 3 anonim), both handed to `file_case` (see ``deskIntake``).
    public static func dialog(detailsQuestion: String = "Ceritakan masalahnya.",
                              asksContactAndPrivacy: Bool = false) -> [String: Any] {
        var fields = ["category": "kategori", "location": "lokasi", "details": "uraian"]
        var questions: [[String: Any]] = []
        if asksContactAndPrivacy {
            fields["contact"] = "kontak"
            fields["privacy"] = "identitas"
            questions = [
                ["id": "kontak", "type": "question", "text": ["id": "Nomor HP?", "en": "Phone number?"],
                 "input": ["type": "phone"], "save": "kontak", "optional": true, "next": "identitas"],
                ["id": "identitas", "type": "question", "text": ["id": "Identitas?", "en": "Identity?"],
                 "input": ["type": "choice", "options": [
                     ["value": "biasa", "text": ["id": "Biasa", "en": "Normal"]],
                     ["value": "rahasia", "text": ["id": "Rahasia", "en": "Confidential"]],
                     ["value": "anonim", "text": ["id": "Anonim", "en": "Anonymous"]],
                 ] as [[String: Any]]],
                 "save": "identitas", "next": "ajukan"],
            ]
        }
        return [
            "format": 1, "id": "uji", "languages": ["id", "en"], "start": "sapa",
            "messages": messages,
            "states": [
                ["id": "sapa", "type": "message", "text": ["id": "Halo dari {{bot}}.", "en": "Hello from {{bot}}."], "next": "lokasi"],
                ["id": "lokasi", "type": "question", "text": ["id": "Di mana?", "en": "Where?"],
                 "input": ["type": "location"], "save": "lokasi", "next": "kategori"],
                ["id": "kategori", "type": "question", "text": ["id": "Jenis masalah?", "en": "What kind?"],
                 "input": ["type": "choice", "options_from": "categories"], "save": "kategori", "next": "uraian"],
                ["id": "uraian", "type": "question", "text": ["id": detailsQuestion, "en": "Describe it."],
                 "input": ["type": "text", "min_length": 5], "save": "uraian",
                 "next": asksContactAndPrivacy ? "kontak" : "ajukan"],
            ] + questions + [
                ["id": "ajukan", "type": "action", "action": "file_case", "case": fields, "next": "selesai"],
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
    ///
    /// With `desk`, the bot has staff, a clock and the other staff-desk settings of ``Desk``, and
    /// its dialog asks for a phone number and the privacy choice (see ``deskIntake``).
    @discardableResult
    public static func write(in folder: URL, detailsQuestion: String = "Ceritakan masalahnya.", desk: Desk? = nil) throws -> String {
        try writeDialog(in: folder, detailsQuestion: detailsQuestion, asksContactAndPrivacy: desk != nil)
        let botURL = folder.appendingPathComponent("bot.json")
        let object = desk.map { bot(desk: $0) } ?? bot
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: botURL)
        return botURL.path
    }

    /// Rewrites `dialog.json` in `folder`.
    public static func writeDialog(in folder: URL, detailsQuestion: String, asksContactAndPrivacy: Bool = false) throws {
        let data = try JSONSerialization.data(
            withJSONObject: dialog(detailsQuestion: detailsQuestion, asksContactAndPrivacy: asksContactAndPrivacy),
            options: [.prettyPrinted, .sortedKeys])
        try data.write(to: folder.appendingPathComponent("dialog.json"))
    }
}

// MARK: - The staff desk

extension TestBot {
    /// The staff-desk settings of a test bot: who is staff, where escalations go, the clock and
    /// the retention period.
    ///
    /// Staff: PUPR (`#opd-pupr`) has staff `terminal:budi` and head `kadis` (on the terminal and on
    /// IRC: `terminal:kadis`, `irc-account:kadis`); DLH
    /// (`#opd-dlh`) has staff `terminal:dewi` and head `terminal:kadis-dlh`; `terminal:sari`
    /// coordinates (`#koordinator`).
    public struct Desk: Sendable {
        /// Where escalations to PUPR's head go; nil for `#opd-pupr`.
        public var headChannel: String?
        /// Where the last escalation step goes; nil for none (the coordinators' channel).
        public var leadershipChannel: String?
        /// `clock.remind_before_hours`.
        public var remindBeforeHours: [Double]
        /// `clock.escalation`: hours after the deadline and the target (`head`, `coordinator`, `leadership`).
        public var escalation: [(afterHours: Double, to: String)]
        /// `clock.working_hours`: Indonesian day names and `HH:MM` times; nil for around the clock.
        public var workingHours: (days: [String], start: String, end: String)?
        /// `clock.holidays`.
        public var holidays: [String]
        /// `retention_days`.
        public var retentionDays: Int?

        /// The standard test desk: a reminder 4 hours before the deadline, escalation at the
        /// deadline to the head, 4 hours later to the coordinators, 24 hours later to the
        /// leadership; around the clock; PUPR's head channel `#kadis-pupr`, leadership
        /// `#pimpinan`; personal data kept.
        public init(headChannel: String? = "#kadis-pupr", leadershipChannel: String? = "#pimpinan",
                    remindBeforeHours: [Double] = [4],
                    escalation: [(afterHours: Double, to: String)] = [(0, "head"), (4, "coordinator"), (24, "leadership")],
                    workingHours: (days: [String], start: String, end: String)? = nil, holidays: [String] = [],
                    retentionDays: Int? = nil) {
            self.headChannel = headChannel
            self.leadershipChannel = leadershipChannel
            self.remindBeforeHours = remindBeforeHours
            self.escalation = escalation
            self.workingHours = workingHours
            self.holidays = holidays
            self.retentionDays = retentionDays
        }

        /// Monday to Friday, 08:00 to 16:00.
        public static let officeHours = (days: ["senin", "selasa", "rabu", "kamis", "jumat"], start: "08:00", end: "16:00")
    }

    /// The intake of a desk bot's dialog, message by message: place, category, details, phone,
    /// privacy (`1` biasa, `2` rahasia, `3` anonim). Category `jalan` goes to PUPR, `sampah` to DLH.
    public static func deskIntake(category: String = "jalan", details: String = "Jalan berlubang di depan pura",
                                  phone: String = "08123456789", privacy: String = "1") -> [String] {
        ["halo", "batur selatan", category, details, phone, privacy]
    }

    /// The bot configuration with the staff desk.
    public static func bot(desk: Desk) -> [String: Any] {
        var object = bot
        var pupr: [String: Any] = ["id": "pupr", "name": ["id": "Dinas Pekerjaan Umum (PUPR)", "en": "Public Works (PUPR)"],
                                   "channel": "#opd-pupr", "staff": ["terminal:budi"],
                                   "head": ["terminal:kadis", "irc-account:kadis"]]
        if let head = desk.headChannel { pupr["head_channel"] = head }
        object["agencies"] = [
            pupr,
            ["id": "dlh", "name": ["id": "Dinas Lingkungan Hidup (DLH)", "en": "Environment Agency (DLH)"],
             "channel": "#opd-dlh", "staff": ["terminal:dewi"], "head": ["terminal:kadis-dlh"]],
        ] as [[String: Any]]
        object["coordinators"] = ["terminal:sari"]
        object["staff_messages"] = ["new_case": "Aduan baru {{tracking}} · {{category}} · {{location}}: {{summary}} "
                                        + "(kontak {{contact}}){{confidential}}"]
        if let leadership = desk.leadershipChannel { object["leadership_channel"] = leadership }
        if let days = desk.retentionDays { object["retention_days"] = days }
        var clock: [String: Any] = [
            "remind_before_hours": desk.remindBeforeHours,
            "escalation": desk.escalation.map { ["after_hours": $0.afterHours, "to": $0.to] as [String: Any] },
        ]
        if let hours = desk.workingHours {
            clock["working_hours"] = ["days": hours.days, "start": hours.start, "end": hours.end] as [String: Any]
        }
        if !desk.holidays.isEmpty { clock["holidays"] = desk.holidays }
        object["clock"] = clock
        return object
    }
}
