import AduanCore
import Foundation

/// What the outside world gives one step of the engine: the time, tracking numbers, and the
/// calendar that turns response hours into a deadline. Tests pass a fixed clock and a counter,
/// so transcripts are the same on every run.
public struct StepContext {
    /// The current time.
    public var now: Date
    /// Hands out the next tracking number; called only when a case is filed.
    public var nextTrackingNumber: () -> TrackingNumber
    /// When a response is due for a case filed at `start` that the agency `opd` must answer
    /// within `hours`; called only when a case is filed. The runtime knows working hours and
    /// holidays; the default (``roundTheClock(_:_:_:)``) counts every hour of every day.
    public var responseDeadline: (_ start: Date, _ hours: Int, _ opd: String) -> Date
    /// Whether `responseDeadline` counts working hours only: the citizen is then told "24 jam
    /// kerja" (24 working hours), not "24 jam".
    public var countsWorkingHours: Bool

    /// Makes a context. Without `responseDeadline`, deadlines run around the clock.
    public init(now: Date, nextTrackingNumber: @escaping () -> TrackingNumber,
                responseDeadline: @escaping (_ start: Date, _ hours: Int, _ opd: String) -> Date = StepContext.roundTheClock,
                countsWorkingHours: Bool = false) {
        self.now = now
        self.nextTrackingNumber = nextTrackingNumber
        self.responseDeadline = responseDeadline
        self.countsWorkingHours = countsWorkingHours
    }

    /// `hours` hours after `start`, whatever the day and the agency (a 24-hour programme such
    /// as Bangli's).
    public static func roundTheClock(_ start: Date, _ hours: Int, _ opd: String) -> Date {
        start.addingTimeInterval(TimeInterval(hours) * 3600)
    }
}
