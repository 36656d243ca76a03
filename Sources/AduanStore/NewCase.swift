import Foundation

/// A case to file as part of a dialog step (see ``StepWrite/newCase``).
///
/// The store inserts it with a first ``CaseEventRecord`` of kind
/// ``CaseEventRecord/receivedKind`` whose `toStatus` is `status`.
public struct NewCase: Sendable, Equatable, Hashable, Codable {
    /// The tracking number shown to the citizen; unique, also after
    /// ``CaseRecord/normalizedTracking(_:)``.
    public var tracking: String
    /// The bot that files the case.
    public var botID: String
    /// The case's number within its bot; unique per bot.
    public var sequence: Int
    /// The conversation that files the case; also the actor of the "received" event.
    public var conversationKey: String
    /// The initial status identifier.
    public var status: String
    /// The complaint category.
    public var category: String
    /// The OPD the case is routed to.
    public var opd: String
    /// The kecamatan the complaint is about.
    public var kecamatan: String
    /// The desa/kelurahan, when known.
    public var desa: String?
    /// What the citizen reported.
    public var details: String
    /// How to reach the citizen, when given.
    public var contact: String?
    /// The language of the conversation.
    public var language: String
    /// Whether the content is hidden from the public.
    public var confidential: Bool
    /// When the case is filed; also its `updatedAt` and the time of the "received" event.
    public var createdAt: Date
    /// When a response is due, if a clock runs.
    public var dueAt: Date?
    /// Whether the citizen files anonymously.
    public var anonymous: Bool
    /// When the case's first alarm (a reminder or escalation) fires, if any.
    public var alarmAt: Date?

    /// Creates a case to file.
    public init(
        tracking: String, botID: String, sequence: Int, conversationKey: String, status: String,
        category: String, opd: String, kecamatan: String, desa: String?, details: String,
        contact: String?, language: String, confidential: Bool, createdAt: Date, dueAt: Date?,
        anonymous: Bool = false, alarmAt: Date? = nil
    ) {
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
        self.dueAt = dueAt
        self.anonymous = anonymous
        self.alarmAt = alarmAt
    }
}
