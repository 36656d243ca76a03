import AduanCore
import Foundation

/// The clock of a terminal chat started with `--clock`: it stands still at a given time and moves
/// only when a line tells it to, so an admin (or a test) can try what happens when a case goes
/// overdue without waiting a day.
///
/// ```
/// @jam +25j            moves 25 hours on (also +90m, +2hari, +25h, +2d)
/// @jam 2026-11-25T09:00:00+08:00
/// ```
public final class TerminalClock: Sendable {
    private let current: Locked<Date>

    /// A clock standing at `start`.
    public init(start: Date) {
        current = Locked(start)
    }

    /// The time now.
    public func now() -> Date {
        current.withLock { $0 }
    }

    /// Reads a start time: ISO 8601 with a time zone (`2026-11-23T09:00:00+08:00`, `…Z`).
    public static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// If `line` is a clock line (`@jam …` / `@clock …`), moves the clock and returns the new
    /// time, or an error text for a line that cannot be read; nil for any other line.
    public func apply(_ line: String) -> Result<Date, ClockLineError>? {
        let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        guard let first = words.first, ["@jam", "@clock", "@time", "@waktu"].contains(first.lowercased()) else { return nil }
        guard words.count == 2 else { return .failure(ClockLineError(line: line)) }
        let argument = words[1].trimmingCharacters(in: .whitespaces)
        if argument.hasPrefix("+"), let seconds = Self.duration(String(argument.dropFirst())) {
            return .success(current.withLock { now in
                now = now.addingTimeInterval(seconds)
                return now
            })
        }
        if let date = Self.parseInstant(argument) {
            return .success(current.withLock { now in
                now = max(now, date)
                return now
            })
        }
        return .failure(ClockLineError(line: line))
    }

    /// `25j`, `25h`, `25 jam`, `90m`, `90 menit`, `2d`, `2 hari` → seconds.
    static func duration(_ text: String) -> TimeInterval? {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        let units: [(String, TimeInterval)] = [("menit", 60), ("hari", 86_400), ("jam", 3600), ("h", 3600), ("j", 3600),
                                               ("m", 60), ("d", 86_400)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let value = Double(t.dropLast(suffix.count)), value >= 0 else { return nil }
            return value * factor
        }
        return nil
    }
}

/// A clock line that could not be read.
public struct ClockLineError: Error, Sendable, CustomStringConvertible {
    /// The line.
    public var line: String

    /// How to write it.
    public var description: String {
        "cannot read the clock line \"\(line)\"; write e.g. \"@jam +25j\" (25 hours on), \"@jam +90m\", \"@jam +2hari\" "
            + "or \"@jam 2026-11-25T09:00:00+08:00\""
    }
}
