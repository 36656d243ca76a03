import AduanDialog

/// A bot configuration, as read from a file in `Bots/`: which regency it serves, which dialog it
/// runs, its agencies and the categories routed to them. See `Bots/README.md`.
///
/// ```json
/// { "format": 1, "id": "bangli", "name": { "id": "24 Jam Bangli Era Baru", "en": "…" },
///   "regency": "Kabupaten Bangli", "dialog": "../Dialogs/pengaduan.json",
///   "wilayah": "wilayah/bangli.json", "time_zone": "Asia/Makassar", "tracking_prefix": "BGL",
///   "response_hours": 24, "coordinator_channel": "#aduan-bangli",
///   "agencies": [ … ], "categories": [ … ] }
/// ```
public struct BotConfiguration: Sendable, Hashable, Codable {
    /// The file format version; this program reads 1.
    public var format: Int
    /// The bot's identifier, part of every conversation key.
    public var id: String
    /// The programme's name.
    public var name: LocalizedText
    /// The regency or city served.
    public var regency: String
    /// The dialog file, relative to this file.
    public var dialog: String
    /// The kecamatan/desa list, relative to this file.
    public var wilayah: String
    /// The time zone for deadlines, e.g. `Asia/Jakarta` (WIB) or `Asia/Makassar` (WITA).
    public var timeZone: String
    /// Letters in front of tracking numbers (2–4 capital letters).
    public var trackingPrefix: String
    /// The default response deadline in hours.
    public var responseHours: Int
    /// The channel of the coordinators (Diskominfo, call-takers), who see every case.
    public var coordinatorChannel: String?
    /// The agencies.
    public var agencies: [Agency]
    /// The categories, in the order citizens see them.
    public var categories: [CaseCategory]
    /// Texts for staff channels.
    public var staffMessages: StaffMessages
    /// The coordinators (Diskominfo, call-takers): identities that may act on every case.
    public var coordinators: [String]?
    /// Where the last escalation step (regional secretary, regent) is posted.
    public var leadershipChannel: String?
    /// Working hours, holidays, reminders and the escalation ladder; nil for the standard
    /// ladder on a clock that runs around the clock.
    public var clock: ClockSettings?
    /// How many days after a case is finished its personal data is removed; nil keeps it.
    public var retentionDays: Int?
    /// The texts citizens get about their cases, replacing the built-in ones by key
    /// (see ``CitizenMessages``).
    public var citizenMessages: [String: LocalizedText]?

    private enum CodingKeys: String, CodingKey {
        case format, id, name, regency, dialog, wilayah, agencies, categories, coordinators, clock
        case leadershipChannel = "leadership_channel"
        case retentionDays = "retention_days"
        case citizenMessages = "citizen_messages"
        case timeZone = "time_zone"
        case trackingPrefix = "tracking_prefix"
        case responseHours = "response_hours"
        case coordinatorChannel = "coordinator_channel"
        case staffMessages = "staff_messages"
    }

    /// The top-level fields of a bot file.
    public static let fields = ["format", "id", "name", "regency", "dialog", "wilayah", "time_zone", "tracking_prefix",
                                "response_hours", "coordinator_channel", "agencies", "categories", "staff_messages",
                                "coordinators", "leadership_channel", "clock", "retention_days", "citizen_messages", "note"]
}

/// The texts the bot posts in staff channels, with `{{values}}`.
public struct StaffMessages: Sendable, Hashable, Codable {
    /// Announces a new case in its agency's channel and the coordinators' channel. Values:
    /// `tracking`, `category`, `opd`, `location`, `summary`, `due`, `contact` (masked), `confidential`.
    public var newCase: String

    private enum CodingKeys: String, CodingKey {
        case newCase = "new_case"
    }

    /// The values `new_case` may use.
    public static let newCaseValues = ["tracking", "category", "opd", "location", "summary", "due", "contact", "confidential"]
}
