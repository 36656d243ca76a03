import Foundation

/// A calendar date without a time or a time zone: the day a case waits until, as staff typed it.
///
/// It is always a real date (there is no `2026-02-31`), printed `YYYY-MM-DD`, and coded in JSON
/// as that string. Staff write dates in many ways; ``parse(_:today:)`` reads them:
///
/// ```swift
/// let today = LocalDate(year: 2026, month: 11, day: 23)!
/// LocalDate.parse("15/12", today: today)            // 2026-12-15
/// LocalDate.parse("15/01", today: today)            // 2027-01-15 (already past this year)
/// LocalDate.parse("15 Desember 2026", today: today) // 2026-12-15
/// LocalDate.parse("2 minggu", today: today)         // 2026-12-07
/// ```
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible, LosslessStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 (January) to 12.
    public let month: Int
    /// The day of the month, from 1.
    public let day: Int

    /// The date, or nil when there is no such day (`31` February, month `13`, year `0`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of `date` on the wall calendar of `timeZone`.
    public init(_ date: Date, timeZone: TimeZone) {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        let days = Int((seconds / 86_400).rounded(.down))
        let civil = Self.civil(fromDays: days)
        self.year = civil.year
        self.month = civil.month
        self.day = civil.day
    }

    /// Reads the printed form `YYYY-MM-DD` (exactly: use ``parse(_:today:)`` for what people type).
    public init?(_ description: String) {
        let parts = description.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date as `YYYY-MM-DD`, e.g. `2026-12-15`.
    public var description: String {
        Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
    }

    /// The date as people read it: `15 Desember 2026` (`"id"`) or `15 December 2026` (`"en"`).
    public func text(language: String) -> String {
        let names = language == "en" ? Self.monthNamesEN : Self.monthNamesID
        return "\(day) \(names[month - 1]) \(year)"
    }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: Arithmetic

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        let civil = Self.civil(fromDays: daysSinceEpoch + days)
        return LocalDate(checkedYear: civil.year, month: civil.month, day: civil.day)
    }

    /// The same day `months` months later (earlier when negative), moved back to the month's
    /// last day when the month is shorter: 31 January plus one month is 28 (or 29) February.
    public func adding(months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        return LocalDate(checkedYear: newYear, month: newMonth,
                         day: min(day, Self.daysIn(month: newMonth, year: newYear)))
    }

    /// How many days from this date to `other` (negative when `other` is earlier).
    public func days(to other: LocalDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The moment this day starts in `timeZone`, or the moment it is `hour` o'clock then.
    public func date(in timeZone: TimeZone, hour: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour)) {
            return date
        }
        // Not reached for a valid date; the fixed-offset arithmetic is the same outside DST.
        let local = Double(daysSinceEpoch * 86_400 + hour * 3_600)
        let guess = Date(timeIntervalSince1970: local)
        return Date(timeIntervalSince1970: local - Double(timeZone.secondsFromGMT(for: guess)))
    }

    // MARK: Parsing

    /// Reads a date as staff type it, relative to `today`; nil when `text` is not (only) a date
    /// or names a day that does not exist.
    ///
    /// Forms (day before month, as written in Indonesia):
    /// - `2026-12-15`, `15-12-2026`, `15/12/2026`, `15.12.2026`, `15/12/26`
    /// - `15/12`, `15-12` — this year, or next year when that day has already passed (at most a
    ///   year ahead)
    /// - `15 Desember 2026`, `15 des 2026`, `December 15, 2026`; `15 desember` (same year rule);
    ///   Indonesian and English month names and their usual abbreviations (`agt`, `nop`, `peb`, …)
    /// - `besok` / `tomorrow`, `lusa` (the day after tomorrow)
    /// - `3 hari` / `3 days`, `2 minggu` / `2 weeks`, `1 bulan` / `1 month`, optionally followed
    ///   by `lagi`; `seminggu`, `sebulan`; `minggu depan` / `next week`, `bulan depan` / `next month`
    public static func parse(_ text: String, today: LocalDate) -> LocalDate? {
        let tokens = text.split(whereSeparator: \.isWhitespace)
        guard let found = parsePrefix(tokens, today: today), found.tokens == tokens.count else { return nil }
        return found.date
    }

    /// Reads the longest date at the start of `tokens` (one to three words), and says how many
    /// tokens it took, e.g. 3 for `["15", "Desember", "2026", "menunggu", "aspal"]`.
    ///
    /// Nil when the tokens do not start with a date, or when they start with something shaped
    /// like one that does not exist (`31/02/2026`, `30 Februari`): the shorter reading is then
    /// not tried, so `29 Feb 2027` is never read as `29 Feb` followed by `2027`.
    /// Words may end in `,` or `.` (`Dec 15, 2026`). The forms are those of ``parse(_:today:)``.
    public static func parsePrefix(_ tokens: [Substring], today: LocalDate) -> (date: LocalDate, tokens: Int)? {
        let words = tokens.prefix(3).map(Self.word)
        guard let first = words.first, !first.isEmpty else { return nil }
        let second = words.count > 1 ? words[1] : nil
        let third = words.count > 2 ? words[2] : nil

        // Day and month name, in either order, with or without a year.
        if let second {
            var dayMonth: (day: Int, month: Int)?
            if let day = smallNumber(first), let month = monthNumbers[second] {
                dayMonth = (day, month)
            } else if let month = monthNumbers[first], let day = smallNumber(second) {
                dayMonth = (day, month)
            }
            if let dayMonth {
                if let third, third.count == 4, let year = number(third) {
                    return LocalDate(year: year, month: dayMonth.month, day: dayMonth.day).map { ($0, 3) }
                }
                return yearless(month: dayMonth.month, day: dayMonth.day, today: today).map { ($0, 2) }
            }
        }

        // "3 hari [lagi]", "2 weeks".
        if let second, let count = number(first), count >= 1, count <= 10_000, let unit = units[second] {
            let date = unit.apply(count, to: today)
            return third == "lagi" ? (date, 3) : (date, 2)
        }

        // "minggu depan", "next month".
        if let second, let unit = nextUnits[first + " " + second] {
            return (unit.apply(1, to: today), 2)
        }

        // One-word forms: "besok", "seminggu [lagi]".
        if let single = singleWords[first] {
            let date = single.unit.apply(single.count, to: today)
            return second == "lagi" && first.hasPrefix("se") ? (date, 2) : (date, 1)
        }

        // Numbers with separators.
        if let date = numeric(first, today: today) { return date.map { ($0, 1) } }
        return nil
    }

    // MARK: Private

    private init(checkedYear year: Int, month: Int, day: Int) {
        // Arithmetic past year 9999 or before year 1 stays at the edge rather than trapping.
        if year > 9999 {
            (self.year, self.month, self.day) = (9999, 12, 31)
        } else if year < 1 {
            (self.year, self.month, self.day) = (1, 1, 1)
        } else {
            (self.year, self.month, self.day) = (year, month, day)
        }
    }

    private enum Unit {
        case day, week, month

        func apply(_ count: Int, to date: LocalDate) -> LocalDate {
            switch self {
            case .day: return date.adding(days: count)
            case .week: return date.adding(days: count * 7)
            case .month: return date.adding(months: count)
            }
        }
    }

    private static let units: [String: Unit] = [
        "hari": .day, "day": .day, "days": .day,
        "minggu": .week, "pekan": .week, "week": .week, "weeks": .week,
        "bulan": .month, "month": .month, "months": .month,
    ]

    private static let nextUnits: [String: Unit] = [
        "minggu depan": .week, "pekan depan": .week, "next week": .week,
        "bulan depan": .month, "next month": .month,
    ]

    private static let singleWords: [String: (count: Int, unit: Unit)] = [
        "besok": (1, .day), "tomorrow": (1, .day), "lusa": (2, .day),
        "sehari": (1, .day), "seminggu": (1, .week), "sepekan": (1, .week), "sebulan": (1, .month),
    ]

    private static let monthNamesID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                                       "Agustus", "September", "Oktober", "November", "Desember"]
    private static let monthNamesEN = ["January", "February", "March", "April", "May", "June", "July",
                                       "August", "September", "October", "November", "December"]

    /// Month names and abbreviations, Indonesian and English, lower case.
    private static let monthNumbers: [String: Int] = {
        let names: [[String]] = [
            ["januari", "jan", "january"],
            ["februari", "feb", "peb", "pebruari", "february"],
            ["maret", "mar", "march"],
            ["april", "apr"],
            ["mei", "may"],
            ["juni", "jun", "june"],
            ["juli", "jul", "july"],
            ["agustus", "agu", "agt", "ags", "agus", "aug", "august"],
            ["september", "sep", "sept"],
            ["oktober", "okt", "oct", "october"],
            ["november", "nov", "nop", "nopember"],
            ["desember", "des", "dec", "december"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
        }
        return table
    }()

    /// A token as compared: lower case, without trailing punctuation (`"2026,"` → `"2026"`).
    private static func word(_ token: Substring) -> String {
        var text = token.lowercased()
        while let last = text.last, ",.;:!?)".contains(last) { text.removeLast() }
        return text
    }

    /// Digits only (ASCII), at most 5 of them.
    private static func number(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }

    /// A day or month number: one or two digits.
    private static func smallNumber(_ text: String) -> Int? {
        text.count <= 2 ? number(text) : nil
    }

    /// `15-12-2026`, `2026-12-15`, `15/12/26`, `15.12`: nil when not shaped like that, `.some(nil)`
    /// when shaped like it but no such day.
    private static func numeric(_ text: String, today: LocalDate) -> LocalDate?? {
        guard let separator = text.first(where: { "-/.".contains($0) }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        switch parts.count {
        case 2:
            guard let day = smallNumber(parts[0]), let month = smallNumber(parts[1]) else { return nil }
            return .some(yearless(month: month, day: day, today: today))
        case 3:
            if parts[0].count == 4, let year = number(parts[0]),
               let month = smallNumber(parts[1]), let day = smallNumber(parts[2]) {
                return .some(LocalDate(year: year, month: month, day: day))
            }
            guard let day = smallNumber(parts[0]), let month = smallNumber(parts[1]),
                  parts[2].count == 4 || parts[2].count == 2, var year = number(parts[2]) else { return nil }
            if parts[2].count == 2 { year += 2000 }
            return .some(LocalDate(year: year, month: month, day: day))
        default:
            return nil
        }
    }

    /// A day and month without a year: this year's, or next year's when this year's has passed;
    /// never more than a year ahead (`29 Feb` in January 2027 is not 29 February 2028).
    private static func yearless(month: Int, day: Int, today: LocalDate) -> LocalDate? {
        if let date = LocalDate(year: today.year, month: month, day: day), date >= today { return date }
        guard let date = LocalDate(year: today.year + 1, month: month, day: day),
              date <= today.adding(months: 12) else { return nil }
        return date
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01.
    private var daysSinceEpoch: Int {
        CivilDay.number(year: year, month: month, day: day)
    }

    /// The date `days` days after 1970-01-01.
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        CivilDay.date(ofDay: days)
    }
}

extension LocalDate: Codable {
    /// Decodes the string `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date (YYYY-MM-DD): \(text)")
        }
        self = date
    }

    /// Encodes the string `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
