import Foundation

/// The days of the week and the daily hours during which the response clock runs, for
/// example Monday to Friday, 08:00 to 16:00.
///
/// Admins write it in a bot's configuration file, with day names in Bahasa Indonesia or English
/// (any case) and 24-hour times:
///
/// ```json
/// { "days": ["senin", "selasa", "rabu", "kamis", "jumat"], "start": "08:00", "end": "16:00" }
/// ```
///
/// Accepted day names: senin/monday/mon, selasa/tuesday/tue, rabu/wednesday/wed,
/// kamis/thursday/thu, jumat/jum'at/friday/fri, sabtu/saturday/sat, minggu/ahad/sunday/sun.
/// Times are `H:MM` or `HH:MM` (a dot, as in `08.00`, is accepted too); `end` may be `24:00`
/// (midnight at the end of the day) and must come after `start`: there are no overnight shifts.
/// Decoding checks all of this and throws a `DecodingError` that names the bad value and what is
/// accepted, for example `unknown day "senen"; use senin, selasa, rabu, kamis, jumat, sabtu, minggu`.
/// Encoding writes the Indonesian day names and `HH:MM`.
///
/// In code the days are ISO weekdays (1 = Monday … 7 = Sunday) and the times are minutes after
/// midnight:
///
/// ```swift
/// let office = WorkingHours(days: [1, 2, 3, 4, 5], startMinute: 8 * 60, endMinute: 16 * 60)
/// ```
public struct WorkingHours: Sendable, Hashable, Codable {
    /// The ISO weekdays on which the clock runs: 1 = Monday … 7 = Sunday.
    public var days: Set<Int>
    /// When the clock starts each working day, in minutes after local midnight (480 = 08:00).
    public var startMinute: Int
    /// When the clock stops each working day, in minutes after local midnight (960 = 16:00;
    /// 1440 = midnight at the end of the day).
    public var endMinute: Int

    /// Creates working hours from ISO weekdays and minutes after midnight.
    ///
    /// The values are taken as given (the JSON decoder is the place that checks what admins
    /// write). A ``ResponseCalendar`` tolerates nonsense: weekdays outside 1…7 never occur, and a
    /// day whose end is not after its start has no working time.
    public init(days: Set<Int>, startMinute: Int, endMinute: Int) {
        self.days = days
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// The Indonesian names written when encoding, indexed by ISO weekday - 1.
    static let indonesianNames = ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"]

    /// Every accepted spelling (lower case) and its ISO weekday.
    private static let dayNames: [String: Int] = [
        "senin": 1, "monday": 1, "mon": 1,
        "selasa": 2, "tuesday": 2, "tue": 2,
        "rabu": 3, "wednesday": 3, "wed": 3,
        "kamis": 4, "thursday": 4, "thu": 4,
        "jumat": 5, "jum'at": 5, "jum\u{2019}at": 5, "friday": 5, "fri": 5,
        "sabtu": 6, "saturday": 6, "sat": 6,
        "minggu": 7, "ahad": 7, "sunday": 7, "sun": 7,
    ]

    /// The ISO weekday (1 = Monday … 7 = Sunday) of a day name in Bahasa Indonesia or English,
    /// any case, or nil when the name is not known.
    ///
    /// ```swift
    /// WorkingHours.weekday(named: "Jum'at")  // 5
    /// WorkingHours.weekday(named: "SUN")     // 7
    /// ```
    public static func weekday(named name: String) -> Int? {
        dayNames[name.trimmingCharacters(in: .whitespaces).lowercased()]
    }

    /// The minutes after midnight of a 24-hour time `H:MM` or `HH:MM` (or with a dot, `08.00`),
    /// or nil when `text` is not such a time. `24:00` is accepted (1440) since it can end a day.
    ///
    /// ```swift
    /// WorkingHours.minute(fromTime: "8:30")   // 510
    /// WorkingHours.minute(fromTime: "25:00")  // nil
    /// ```
    public static func minute(fromTime text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        let pieces = parts.count == 2 ? parts : trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 2 else { return nil }
        let (hourText, minuteText) = (pieces[0], pieces[1])
        guard (1...2).contains(hourText.count), minuteText.count == 2,
              hourText.allSatisfy(Self.isDigit), minuteText.allSatisfy(Self.isDigit),
              let hour = Int(hourText), let minute = Int(minuteText), minute < 60
        else { return nil }
        if hour == 24 && minute == 0 { return 24 * 60 }
        guard hour < 24 else { return nil }
        return hour * 60 + minute
    }

    /// 0–9 only: `Int(_:)` would also take a sign.
    private static func isDigit(_ character: Character) -> Bool {
        ("0"..."9").contains(character)
    }

    /// `HH:MM` for minutes after midnight, e.g. `08:00`; 1440 is `24:00`.
    public static func timeText(minute: Int) -> String {
        let hour = minute / 60
        let rest = minute % 60
        return (hour < 10 ? "0" : "") + String(hour) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }

    // MARK: Codable

    private enum CodingKeys: String, CodingKey {
        case days, start, end
    }

    /// A position in the `days` list, so an error about one day points at it (named like the
    /// decoder's own index keys, `Index 1`, which is what ``JSONPath`` recognizes).
    private struct IndexKey: CodingKey {
        var intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    /// Reads `{ "days": [...], "start": "HH:MM", "end": "HH:MM" }`, checking every value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var list = try container.nestedUnkeyedContainer(forKey: .days)
        var days: Set<Int> = []
        while !list.isAtEnd {
            let index = list.currentIndex
            let name = try list.decode(String.self)
            guard let day = Self.weekday(named: name) else {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: list.codingPath + [IndexKey(intValue: index)],
                    debugDescription: "unknown day \"\(name)\"; use "
                        + Self.indonesianNames.joined(separator: ", ")))
            }
            days.insert(day)
        }
        guard !days.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: .days, in: container,
                debugDescription: "no working days; list at least one, e.g. [\"senin\", \"selasa\", \"rabu\", \"kamis\", \"jumat\"]")
        }
        let start = try Self.decodeTime(.start, in: container)
        let end = try Self.decodeTime(.end, in: container)
        guard start < 24 * 60 else {
            throw DecodingError.dataCorruptedError(
                forKey: .start, in: container,
                debugDescription: "start \"24:00\" is the end of the day; the clock must start before it")
        }
        guard end > start else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container,
                debugDescription: "end \"\(Self.timeText(minute: end))\" must be after start \"\(Self.timeText(minute: start))\" "
                    + "(no overnight shifts)")
        }
        self.init(days: days, startMinute: start, endMinute: end)
    }

    private static func decodeTime(_ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>) throws -> Int {
        let text = try container.decode(String.self, forKey: key)
        guard let minute = minute(fromTime: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "invalid time \"\(text)\" for \(key.stringValue); use 24-hour HH:MM, e.g. \"08:00\"")
        }
        return minute
    }

    /// Writes the Indonesian day names (Monday first) and `HH:MM` times.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let outside = days.filter { !(1...7).contains($0) }
        guard outside.isEmpty, (0...(24 * 60)).contains(startMinute), (0...(24 * 60)).contains(endMinute) else {
            throw EncodingError.invalidValue(self, EncodingError.Context(
                codingPath: encoder.codingPath,
                debugDescription: "working hours need ISO weekdays 1...7 and minutes 0...1440"))
        }
        try container.encode(days.sorted().map { Self.indonesianNames[$0 - 1] }, forKey: .days)
        try container.encode(Self.timeText(minute: startMinute), forKey: .start)
        try container.encode(Self.timeText(minute: endMinute), forKey: .end)
    }
}
