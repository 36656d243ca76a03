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
    /// When a response is due, if a clock runs.
    public var dueAt: Date?

    /// Creates a case record.
    public init(
        id: Int64?, tracking: String, botID: String, sequence: Int, conversationKey: String,
        status: String, category: String, opd: String, kecamatan: String, desa: String?,
        details: String, contact: String?, language: String, confidential: Bool,
        createdAt: Date, updatedAt: Date, dueAt: Date?
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
