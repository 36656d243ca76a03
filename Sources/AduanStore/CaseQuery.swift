import Foundation

/// Which cases a staff list shows (see ``AduanDatabase/cases(_:)``). Every condition that is set
/// must hold.
public struct CaseQuery: Sendable, Hashable {
    /// The bot whose cases are listed.
    public var botID: String
    /// Only these statuses (identifiers); nil for any.
    public var statuses: Set<String>?
    /// Only cases routed to this OPD.
    public var opd: String?
    /// Only cases in this kecamatan (compared without case).
    public var kecamatan: String?
    /// Only cases taken by this staff identity.
    public var assignee: String?
    /// Only cases whose deadline is before this instant (overdue at that time); waiting cases,
    /// whose clock is paused, are not overdue.
    public var dueBefore: Date?
    /// At most this many, the oldest deadline first (or the newest case, with ``newestFirst``).
    public var limit: Int
    /// Orders by filing time, the newest first, instead of by deadline.
    public var newestFirst: Bool

    /// Makes a query.
    public init(botID: String, statuses: Set<String>? = nil, opd: String? = nil, kecamatan: String? = nil,
                assignee: String? = nil, dueBefore: Date? = nil, limit: Int = 20, newestFirst: Bool = false) {
        self.botID = botID
        self.statuses = statuses
        self.opd = opd
        self.kecamatan = kecamatan
        self.assignee = assignee
        self.dueBefore = dueBefore
        self.limit = limit
        self.newestFirst = newestFirst
    }
}
