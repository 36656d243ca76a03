import Foundation

/// When the response clock of a regency runs, and arithmetic in *working time*: deadlines,
/// reminders before them, and how much time is left.
///
/// A case filed on Friday at 15:00 with 24 working hours to answer, in an office open Monday to
/// Friday from 08:00 to 16:00, is due on Wednesday at 15:00 (1 hour on Friday, 8 on Monday, 8
/// on Tuesday, 7 on Wednesday):
///
/// ```swift
/// let office = WorkingHours(days: [1, 2, 3, 4, 5], startMinute: 8 * 60, endMinute: 16 * 60)
/// let calendar = ResponseCalendar(timeZone: TimeZone(identifier: "Asia/Jakarta")!,
///                                 workingHours: office, holidays: ["2026-12-25"])
/// let due = calendar.adding(24 * 3600, to: filedAt)
/// let reminder = calendar.adding(-4 * 3600, to: due)   // 4 working hours before the deadline
/// ```
///
/// Days are the local days of ``timeZone`` (WIB, WITA or WIT, or any other zone: daylight saving
/// changes are handled by the system calendar). Each working day has one stretch of working
/// time, `start ..< end`. Arithmetic walks whole days, never minutes, so spans of months cost a
/// few microseconds per day.
///
/// **Without working hours the clock runs around the clock, every day, and holidays are
/// ignored** (for example Bangli's 24-hour programme): ``adding(_:to:)`` is then plain
/// addition and ``workingSeconds(from:to:)`` plain subtraction.
///
/// Should the calendar have working hours but no working time at all (no valid weekday, or
/// every working day a holiday), searching stops after ``maxIdleDays`` days without working
/// time, and the far end of the search is returned rather than looping forever.
public struct ResponseCalendar: Sendable, Hashable {
    /// The zone whose local days and hours count.
    public let timeZone: TimeZone
    /// When the clock runs; nil for around the clock (holidays then do not count).
    public let workingHours: WorkingHours?
    /// Local dates (`YYYY-MM-DD` in ``timeZone``) on which the clock does not run, as given.
    /// Texts that are not such dates are ignored; see ``invalidHolidays``.
    public let holidays: Set<String>

    /// How many days in a row without working time a search goes through before giving up
    /// (about ten years).
    public static let maxIdleDays = 3660

    /// The holidays as day numbers (days since 1970-01-01).
    private let holidayDays: Set<Int>
    /// A Gregorian calendar in `timeZone`, to turn local times into instants.
    private let calendar: Calendar

    /// Creates a calendar.
    ///
    /// - Parameters:
    ///   - timeZone: the regency's zone, e.g. `Asia/Jakarta` (WIB) or `Asia/Makassar` (WITA).
    ///   - workingHours: when the clock runs; nil for around the clock, holidays included.
    ///   - holidays: local dates `YYYY-MM-DD` on which the clock stops (with working hours only).
    public init(timeZone: TimeZone, workingHours: WorkingHours?, holidays: Set<String>) {
        self.timeZone = timeZone
        self.workingHours = workingHours
        self.holidays = holidays
        self.holidayDays = Set(holidays.compactMap(Self.dayNumber(ofDateText:)))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The holidays that are not valid `YYYY-MM-DD` dates (and so are ignored), sorted; for a
    /// validator to report.
    public var invalidHolidays: [String] {
        holidays.filter { Self.dayNumber(ofDateText: $0) == nil }.sorted()
    }

    /// Calendars are equal when their zone, hours and holidays are.
    public static func == (lhs: ResponseCalendar, rhs: ResponseCalendar) -> Bool {
        lhs.timeZone == rhs.timeZone && lhs.workingHours == rhs.workingHours && lhs.holidays == rhs.holidays
    }

    /// Hashes the zone, hours and holidays.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(timeZone)
        hasher.combine(workingHours)
        hasher.combine(holidays)
    }

    // MARK: Working time

    /// Whether the clock runs at `date`: always without working hours; else on a working day
    /// that is not a holiday, from the start (included) to the end (excluded) of the hours.
    public func isWorkingTime(_ date: Date) -> Bool {
        guard workingHours != nil else { return true }
        let t = date.timeIntervalSince1970
        let day = localDay(t)
        for z in (day - 1)...day {
            if let w = window(z), w.start <= t, t < w.end { return true }
        }
        return false
    }

    /// The instant when `seconds` of working time have passed after `start`.
    ///
    /// - When `start` is outside working time, counting begins at the next working moment: a
    ///   case filed on Saturday with 1 working hour is due on Monday at 09:00.
    /// - A deadline that uses up a day's working time exactly lands at the end of that day
    ///   (Friday 15:00 + 1 hour = Friday 16:00), not at the next day's start.
    /// - Negative `seconds` go back in working time, for reminders: 4 hours before Tuesday
    ///   10:00 with hours 08:00–16:00 is Monday 14:00. Going back from outside working time
    ///   counts from the last working moment before `start`, and a count that uses up a day
    ///   exactly lands at that day's start.
    /// - `seconds == 0` returns `start` unchanged around the clock or inside working time; with
    ///   working hours and `start` outside them (or exactly at a day's end) it returns the next
    ///   working moment, the instant from which the clock would count.
    /// - NaN returns `start`; infinities return `Date.distantFuture` / `Date.distantPast`.
    public func adding(_ seconds: TimeInterval, to start: Date) -> Date {
        if seconds.isNaN { return start }
        if seconds.isInfinite { return seconds > 0 ? .distantFuture : .distantPast }
        guard workingHours != nil else { return start.addingTimeInterval(seconds) }
        let t = start.timeIntervalSince1970
        let result = seconds >= 0 ? forward(seconds, from: t) : backward(-seconds, from: t)
        return Date(timeIntervalSince1970: result)
    }

    /// The working time between two instants, in seconds; negative when `to` is before `from`.
    ///
    /// Around the clock this is `to - from`. With working hours, Friday 15:00 to Monday 10:00
    /// (08:00–16:00, Monday to Friday) is 3 hours.
    public func workingSeconds(from: Date, to: Date) -> TimeInterval {
        if to < from { return -workingSeconds(from: to, to: from) }
        guard let hours = workingHours else { return to.timeIntervalSince(from) }
        guard hours.days.contains(where: { (1...7).contains($0) }), hours.endMinute > hours.startMinute else { return 0 }
        let a = from.timeIntervalSince1970
        let b = to.timeIntervalSince1970
        var total: TimeInterval = 0
        var cursor = a
        let last = localDay(b) + 1
        var z = localDay(a) - 1
        while z <= last {
            if let w = window(z) {
                let begin = max(w.start, cursor)
                let end = min(w.end, b)
                if end > begin { total += end - begin }
                cursor = max(cursor, w.end)
            }
            z += 1
        }
        return total
    }

    // MARK: Pausing

    /// The working time left until `due` at `now`, in seconds; negative when the case is
    /// overdue. Kept while a case waits (the clock is paused), to compute the new deadline with
    /// ``resumed(remaining:at:)``. The same as `workingSeconds(from: now, to: due)`.
    public func remaining(until due: Date, at now: Date) -> TimeInterval {
        workingSeconds(from: now, to: due)
    }

    /// The new deadline when a paused clock restarts at `now` with `remaining` working seconds
    /// left.
    ///
    /// With time left this is ``adding(_:to:)`` from `now` (counting from the next working
    /// moment if `now` is outside working time). When the case was already overdue
    /// (`remaining <= 0`) the deadline goes back from `now` in working time, so the case stays
    /// exactly as overdue as it was when paused: paused 2 working hours late, resumed on
    /// Wednesday at 09:00, it is due Tuesday at 15:00.
    public func resumed(remaining: TimeInterval, at now: Date) -> Date {
        adding(remaining, to: now)
    }

    // MARK: Days

    /// One day's stretch of working time, as seconds since 1970.
    private struct Window {
        var start: TimeInterval
        var end: TimeInterval
    }

    /// Counts `seconds` (>= 0) of working time forward from `t`.
    private func forward(_ seconds: TimeInterval, from t: TimeInterval) -> TimeInterval {
        var remaining = seconds
        var cursor = t
        var z = localDay(t) - 1
        var idle = 0
        while true {
            if let w = window(z) {
                let begin = max(w.start, cursor)
                if begin < w.end {
                    let available = w.end - begin
                    if remaining <= available { return begin + remaining }
                    remaining -= available
                    cursor = w.end
                    idle = 0
                    z += 1
                    continue
                }
            }
            idle += 1
            if idle > Self.maxIdleDays { return max(cursor, instant(day: z + 1, minute: 0)) }
            z += 1
        }
    }

    /// Counts `seconds` (>= 0) of working time backward from `t`.
    private func backward(_ seconds: TimeInterval, from t: TimeInterval) -> TimeInterval {
        var remaining = seconds
        var cursor = t
        var z = localDay(t) + 1
        var idle = 0
        while true {
            if let w = window(z) {
                let end = min(w.end, cursor)
                if end > w.start {
                    let available = end - w.start
                    if remaining <= available { return end - remaining }
                    remaining -= available
                    cursor = w.start
                    idle = 0
                    z -= 1
                    continue
                }
            }
            idle += 1
            if idle > Self.maxIdleDays { return min(cursor, instant(day: z, minute: 0)) }
            z -= 1
        }
    }

    /// The working stretch of local day `z`, or nil when the clock does not run that day.
    private func window(_ z: Int) -> Window? {
        guard let hours = workingHours, hours.days.contains(Self.isoWeekday(ofDay: z)),
              !holidayDays.contains(z) else { return nil }
        let startMinute = min(max(hours.startMinute, 0), 24 * 60)
        let endMinute = min(max(hours.endMinute, 0), 24 * 60)
        guard endMinute > startMinute else { return nil }
        let start = instant(day: z, minute: startMinute)
        let end = instant(day: z, minute: endMinute)
        // A day the zone skipped (e.g. Pacific/Apia, 30 December 2011) maps to another day.
        guard end > start, localDay(start) == z else { return nil }
        return Window(start: start, end: end)
    }

    /// The local day number (days since 1970-01-01 in `timeZone`) of an instant.
    private func localDay(_ t: TimeInterval) -> Int {
        let offset = TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))
        return Int(((t + offset) / 86_400).rounded(.down))
    }

    /// The instant of a local wall time, as seconds since 1970. A time that does not exist
    /// (skipped by a daylight saving change) is moved on the way the system calendar does.
    private func instant(day z: Int, minute: Int) -> TimeInterval {
        let (day, minute) = minute >= 24 * 60 ? (z + 1, minute - 24 * 60) : (z, minute)
        let (y, m, d) = Self.civilDate(ofDay: day)
        let components = DateComponents(year: y, month: m, day: d, hour: minute / 60, minute: minute % 60)
        if let date = calendar.date(from: components) { return date.timeIntervalSince1970 }
        let local = TimeInterval(day * 86_400 + minute * 60)
        return local - TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
    }

    // MARK: Civil dates (proleptic Gregorian, day 0 = 1970-01-01, a Thursday)

    /// The ISO weekday (1 = Monday … 7 = Sunday) of day number `z`.
    static func isoWeekday(ofDay z: Int) -> Int {
        ((z % 7 + 7 + 3) % 7) + 1
    }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        CivilDay.number(year: year, month: month, day: day)
    }

    static func civilDate(ofDay z: Int) -> (year: Int, month: Int, day: Int) {
        CivilDay.date(ofDay: z)
    }

    /// The day number of a `YYYY-MM-DD` text, or nil when it is not a real date in that form.
    static func dayNumber(ofDateText text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let z = dayNumber(year: year, month: month, day: day)
        let check = civilDate(ofDay: z)
        guard check.year == year, check.month == month, check.day == day else { return nil }
        return z
    }
}
