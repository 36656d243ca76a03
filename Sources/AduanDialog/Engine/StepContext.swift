import AduanCore
import Foundation

/// What the outside world gives one step of the engine: the time, and tracking numbers.
/// Tests pass a fixed clock and a counter, so transcripts are the same on every run.
public struct StepContext {
    /// The current time.
    public var now: Date
    /// Hands out the next tracking number; called only when a case is filed.
    public var nextTrackingNumber: () -> TrackingNumber

    /// Makes a context.
    public init(now: Date, nextTrackingNumber: @escaping () -> TrackingNumber) {
        self.now = now
        self.nextTrackingNumber = nextTrackingNumber
    }
}
