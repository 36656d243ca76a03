/// How long to wait before connecting again: exponential (1 s, 2 s, 4 s, … up to 60 s by
/// default) with jitter, so that many bots cut off together do not all come back at the same
/// instant; back to the start after a connection that stayed up long enough.
///
/// Pure: the caller passes the random number generator and says whether the last connection
/// was stable.
public struct IRCReconnectBackoff: Sendable, Hashable {
    /// The first delay.
    public var initial: Duration
    /// The longest delay.
    public var maximum: Duration
    /// A connection registered for at least this long resets the delay to ``initial``.
    public var stableAfter: Duration
    /// The fraction of each delay that is random: a delay `d` becomes a value between
    /// `d × (1 − jitter)` and `d`.
    public var jitter: Double
    private var failures = 0

    /// Makes a backoff (1 s → 60 s, stable after 60 s, 20 % jitter by default).
    public init(initial: Duration = .seconds(1), maximum: Duration = .seconds(60), stableAfter: Duration = .seconds(60),
                jitter: Double = 0.2) {
        self.initial = initial
        self.maximum = max(initial, maximum)
        self.stableAfter = stableAfter
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before the next attempt. `registeredFor` is how long the connection that just
    /// ended was registered (nil when it never registered or never connected).
    public mutating func nextDelay(registeredFor: Duration?, using random: inout some RandomNumberGenerator) -> Duration {
        if let registeredFor, registeredFor >= stableAfter { failures = 0 }
        let factor = Double(1 << min(failures, 30))
        failures += 1
        let base = min(initial.seconds * factor, maximum.seconds)
        let spread = base * jitter * Double.random(in: 0...1, using: &random)
        return .nanoseconds(Int64(((base - spread) * 1e9).rounded()))
    }

    /// Starts again from ``initial``.
    public mutating func reset() {
        failures = 0
    }
}
