import Foundation

/// Dates and durations as a citizen reads them, in Bahasa Indonesia or English, in the
/// regency's own time zone (WIB, WITA or WIT).
///
/// ```swift
/// DateText.dateTime(date, timeZone: TimeZone(identifier: "Asia/Makassar")!, language: "id")
/// // "Selasa, 6 Januari 2026 pukul 09.00 WITA"
/// ```
/// The names are written out here rather than taken from the system's locale data, so the text
/// is the same on every machine.
public enum DateText {
    private static let daysID = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]
    private static let daysEN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let monthsID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                                   "Agustus", "September", "Oktober", "November", "Desember"]
    private static let monthsEN = ["January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"]

    /// The Indonesian name of a time zone: `WIB` (UTC+7), `WITA` (UTC+8), `WIT` (UTC+9), else its
    /// abbreviation or `UTC±H`.
    public static func zoneName(_ timeZone: TimeZone, at date: Date) -> String {
        switch timeZone.secondsFromGMT(for: date) {
        case 7 * 3600: return "WIB"
        case 8 * 3600: return "WITA"
        case 9 * 3600: return "WIT"
        case let s:
            let hours = s / 3600
            return hours == 0 ? "UTC" : "UTC" + (hours > 0 ? "+" : "") + String(hours)
        }
    }

    /// A day, date and time, e.g. `Selasa, 6 Januari 2026 pukul 09.00 WITA` or
    /// `Tuesday, 6 January 2026 at 09:00 WITA`.
    public static func dateTime(_ date: Date, timeZone: TimeZone, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        let weekday = (c.weekday ?? 1) - 1
        let month = (c.month ?? 1) - 1
        let hour = String(format: "%02d", c.hour ?? 0)
        let minute = String(format: "%02d", c.minute ?? 0)
        let zone = zoneName(timeZone, at: date)
        if language == "en" {
            return "\(daysEN[weekday]), \(c.day ?? 1) \(monthsEN[month]) \(c.year ?? 1970) at \(hour):\(minute) \(zone)"
        }
        return "\(daysID[weekday]), \(c.day ?? 1) \(monthsID[month]) \(c.year ?? 1970) pukul \(hour).\(minute) \(zone)"
    }

    /// A day and date without time, e.g. `Selasa, 15 Desember 2026` / `Tuesday, 15 December 2026`.
    public static func day(_ date: Date, timeZone: TimeZone, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        let weekday = (c.weekday ?? 1) - 1
        let month = (c.month ?? 1) - 1
        if language == "en" {
            return "\(daysEN[weekday]), \(c.day ?? 1) \(monthsEN[month]) \(c.year ?? 1970)"
        }
        return "\(daysID[weekday]), \(c.day ?? 1) \(monthsID[month]) \(c.year ?? 1970)"
    }

    /// A short date and time, e.g. `6 Jan 2026 09.00 WITA`.
    public static func short(_ date: Date, timeZone: TimeZone, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let month = (language == "en" ? monthsEN : monthsID)[(c.month ?? 1) - 1].prefix(3)
        let separator = language == "en" ? ":" : "."
        let time = String(format: "%02d", c.hour ?? 0) + separator + String(format: "%02d", c.minute ?? 0)
        return "\(c.day ?? 1) \(month) \(c.year ?? 1970) \(time) \(zoneName(timeZone, at: date))"
    }

    /// A number of hours as a duration, e.g. `24 jam` / `24 hours`, `3 hari` / `3 days` for whole days past two;
    /// `working`: hours of working time, `24 jam kerja` / `24 working hours`.
    public static func hours(_ hours: Int, language: String, working: Bool = false) -> String {
        if working {
            if language == "en" { return hours == 1 ? "1 working hour" : "\(hours) working hours" }
            return "\(hours) jam kerja"
        }
        if hours > 48 && hours % 24 == 0 {
            let days = hours / 24
            return language == "en" ? "\(days) days" : "\(days) hari"
        }
        if language == "en" { return hours == 1 ? "1 hour" : "\(hours) hours" }
        return "\(hours) jam"
    }
}
