import AduanCore
import Foundation

/// A clock for tests: starts at a fixed time and moves only when told (or by a fixed step per reading).
public final class TestClock: Sendable {
    private let current: Locked<Date>
    private let step: TimeInterval

    /// 6 January 2026, 01:00 UTC (09:00 WITA in Bangli).
    public static let start = Date(timeIntervalSince1970: 1_767_661_200)

    /// A clock at `start` that advances `step` seconds each time it is read.
    public init(start: Date = TestClock.start, step: TimeInterval = 0) {
        self.current = Locked(start)
        self.step = step
    }

    /// The time now (then advances by the step).
    public func now() -> Date {
        current.withLock { now in
            defer { now = now.addingTimeInterval(step) }
            return now
        }
    }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
