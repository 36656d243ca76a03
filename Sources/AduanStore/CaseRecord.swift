import Foundation

/// A filed complaint, as stored in the `cases` table.
///
/// Cases are created by ``AduanDatabase/commit(_:)`` through ``StepWrite/newCase``.
public struct CaseRecord: Sendable, Equatable, Hashable, Codable {
    /// The row id (nil only for a record that was never stored).
    public var id: Int64?
    /// The tracking number shown to the citizen, e.g. `"BGL-K7M-4QX"`.
    public var tracking: String
    /// The bot that filed the case.
    public var botID: String
    /// The case's number within its bot (unique per bot); tracking numbers are derived from it.
    public var sequence: Int
    /// The conversation that filed the case.
    public var conversationKey: String
    /// The case status identifier, e.g. `"received"`.
    public var status: String
    /// The complaint category.
    public var category: String
    /// The OPD (government office) the case is routed to.
    public var opd: String
    /// The kecamatan (district) the complaint is about.
    public var kecamatan: String
    /// The desa/kelurahan (village), when known.
    public var desa: String?
    /// What the citizen reported.
    public var details: String
    /// How to reach the citizen, when given.
    public var contact: String?
    /// The language of the conversation, e.g. `"id"`.
    public var language: String
    /// Whether the content is hidden from the public (*rahasia*).
    public var confidential: Bool
    /// When the case was filed (stored to the millisecond).
    public var createdAt: Date
    /// When the case last changed (stored to the millisecond).
    public var updatedAt: Date
    /// When a response is due, if a clock runs. While the case waits (the clock is paused) this
    /// is the deadline as it stood when the wait began; ``pausedRemaining`` holds what was left.
    public var dueAt: Date?
    /// The staff identity that took the case.
    public var assignee: String?
    /// Whether the citizen filed anonymously: no identity is shown to the OPD at all.
    public var anonymous: Bool
    /// While waiting: the working seconds of the response clock that were left when it paused
    /// (negative when it was already overdue).
    public var pausedRemaining: Double?
    /// While waiting: the date the wait is expected to end, `YYYY-MM-DD`.
    public var waitingUntil: String?
    /// While waiting: why.
    public var waitingReason: String?
    /// For a duplicate: the row id of the original case.
    public var duplicateOf: Int64?
    /// What the citizen's next message answers, if anything: ``Prompt``.
    public var prompt: String?
    /// The citizen's rating of the handling, 1–5.
    public var rating: Int?
    /// How many of the case's alarms (reminders, escalations) have fired.
    public var clockStage: Int
    /// When the next alarm fires; nil when none is due (closed, waiting, or all fired).
    public var alarmAt: Date?
    /// Increases with every change; a change written with a stale version is refused.
    public var version: Int
    /// When its personal data was removed after the retention period.
    public var redactedAt: Date?

    /// What the citizen's next message answers (the `prompt` column).
    public enum Prompt: String, Sendable, Hashable, CaseIterable {
        /// Staff asked for more information; the message is attached to the case.
        case info
        /// The bot asked whether the problem is really fixed (ya / tidak).
        case fixed
        /// The bot asked for a rating, 1–5.
        case rating
    }

    /// What replaces personal data after the retention period. Named in migration "v2 staff desk".
    public static let redactedText = "[dihapus]"

    /// Creates a case record.
    public init(
        id: Int64?, tracking: String, botID: String, sequence: Int, conversationKey: String,
        status: String, category: String, opd: String, kecamatan: String, desa: String?,
        details: String, contact: String?, language: String, confidential: Bool,
        createdAt: Date, updatedAt: Date, dueAt: Date?, assignee: String? = nil, anonymous: Bool = false,
        pausedRemaining: Double? = nil, waitingUntil: String? = nil, waitingReason: String? = nil,
        duplicateOf: Int64? = nil, prompt: String? = nil, rating: Int? = nil, clockStage: Int = 0,
        alarmAt: Date? = nil, version: Int = 1, redactedAt: Date? = nil
    ) {
        self.id = id
        self.tracking = tracking
        self.botID = botID
        self.sequence = sequence
        self.conversationKey = conversationKey
        self.status = status
        self.category = category
        self.opd = opd
        self.kecamatan = kecamatan
        self.desa = desa
        self.details = details
        self.contact = contact
        self.language = language
        self.confidential = confidential
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.dueAt = dueAt
        self.assignee = assignee
        self.anonymous = anonymous
        self.pausedRemaining = pausedRemaining
        self.waitingUntil = waitingUntil
        self.waitingReason = waitingReason
        self.duplicateOf = duplicateOf
        self.prompt = prompt
        self.rating = rating
        self.clockStage = clockStage
        self.alarmAt = alarmAt
        self.version = version
        self.redactedAt = redactedAt
    }

    /// The form in which tracking numbers are compared: upper case, letters and digits only.
    ///
    /// Citizens type tracking numbers loosely; all of these find the same case:
    ///
    /// ```swift
    /// CaseRecord.normalizedTracking("BGL-K7M-4QX") // "BGLK7M4QX"
    /// CaseRecord.normalizedTracking("bgl k7m 4qx") // "BGLK7M4QX"
    /// CaseRecord.normalizedTracking(" Bgl-k7m4qx") // "BGLK7M4QX"
    /// ```
    public static func normalizedTracking(_ tracking: String) -> String {
        String(tracking.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }
}
