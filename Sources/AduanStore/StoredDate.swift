import Foundation

/// How `Date` is stored: REAL unix seconds, rounded to the millisecond.
///
/// A date that is already a whole number of milliseconds since 1970 round-trips exactly; any
/// other date comes back rounded to the nearest millisecond, and storing that again changes nothing.
enum StoredDate {
    /// The REAL value stored for `date`.
    static func seconds(_ date: Date) -> Double {
        (date.timeIntervalSince1970 * 1000).rounded() / 1000
    }

    /// The date for a stored REAL value.
    static func date(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000)
    }

    /// The REAL value stored for an optional date (NULL for nil).
    static func seconds(_ date: Date?) -> Double? {
        date.map { seconds($0) }
    }

    /// The date for an optional stored REAL value.
    static func date(_ seconds: Double?) -> Date? {
        seconds.map { date($0) }
    }
}
