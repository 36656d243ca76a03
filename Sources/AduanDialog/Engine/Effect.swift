import AduanCore
import AduanWilayah
import Foundation

/// What the engine asks the runtime to do, in order. The engine itself sends and stores nothing.
public enum Effect: Sendable, Hashable {
    /// Send this message to the citizen.
    case reply(String)
    /// File this case (the runtime stores it in the same commit as the conversation's new state).
    case fileCase(CaseFiling)
    /// Answer the citizen with the status of their case with this tracking number, or of all their
    /// cases when nil. The runtime looks them up and renders them with ``DialogEngine/statusReply(cases:query:language:)``.
    case showStatus(tracking: String?)
    /// The dialog script is broken (for the log and the admins); the citizen got ``SystemMessages/Key/scriptError``.
    case scriptError(String)
}

/// A case the citizen has just confirmed, ready to be stored.
public struct CaseFiling: Sendable, Hashable {
    /// The tracking number given to the citizen.
    public var tracking: TrackingNumber
    /// The category identifier.
    public var category: String
    /// The agency identifier.
    public var opd: String
    /// Where the problem is.
    public var place: Place
    /// The citizen's description.
    public var details: String
    /// A phone number the citizen agreed to give, if any. Always nil for an anonymous case, even
    /// when the citizen gave one earlier in the conversation (see ``anonymous``).
    public var contact: String?
    /// The citizen's language.
    public var language: String
    /// Whether the case is confidential (*rahasia*: its content is kept from the public): its
    /// category is marked sensitive, or the citizen chose *rahasia* or *anonim*.
    public var confidential: Bool
    /// When it was filed.
    public var filedAt: Date
    /// When a response is due.
    public var dueAt: Date
    /// Whether the citizen chose to file anonymously (*anonim*): nobody at the government may
    /// see who filed it, so no contact is filed and staff must not be shown the citizen's
    /// identity. The citizen still follows the case in their own conversation. Anonymous cases
    /// are always ``confidential``.
    public var anonymous: Bool

    /// Makes a filing.
    public init(tracking: TrackingNumber, category: String, opd: String, place: Place, details: String,
                contact: String?, language: String, confidential: Bool, filedAt: Date, dueAt: Date,
                anonymous: Bool = false) {
        self.tracking = tracking
        self.category = category
        self.opd = opd
        self.place = place
        self.details = details
        self.contact = contact
        self.language = language
        self.confidential = confidential
        self.filedAt = filedAt
        self.dueAt = dueAt
        self.anonymous = anonymous
    }
}

/// One of a citizen's cases, as a status answer shows it.
public struct CaseSummary: Sendable, Hashable {
    /// The tracking number.
    public var tracking: String
    /// The status.
    public var status: CaseStatus
    /// The category identifier.
    public var category: String
    /// The agency identifier.
    public var opd: String
    /// Where.
    public var place: Place
    /// When it was filed.
    public var filedAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Makes a summary.
    public init(tracking: String, status: CaseStatus, category: String, opd: String, place: Place,
                filedAt: Date, updatedAt: Date) {
        self.tracking = tracking
        self.status = status
        self.category = category
        self.opd = opd
        self.place = place
        self.filedAt = filedAt
        self.updatedAt = updatedAt
    }
}
