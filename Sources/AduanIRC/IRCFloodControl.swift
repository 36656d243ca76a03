/// A token bucket for outgoing lines, so the bot never sends faster than the server tolerates
/// ("Excess Flood"): up to ``burst`` lines at once, then one line per ``interval``.
///
/// Pure: the caller passes the time. An interval of zero means unlimited (for load tests
/// against a server with flood control off).
///
/// ```swift
/// var flood = IRCFloodControl(burst: 4, interval: .milliseconds(700))
/// if let wait = flood.take(at: .now) { try await Task.sleep(for: wait) } else { send(line) }
/// ```
public struct IRCFloodControl: Sendable, Hashable {
    /// Lines that may go out back to back after a quiet spell.
    public var burst: Int
    /// The time that earns one more line.
    public var interval: Duration
    private var tokens: Double
    private var last: ContinuousClock.Instant?

    /// Makes a full bucket (burst 4, one line per 700 ms by default).
    public init(burst: Int = 4, interval: Duration = .milliseconds(700)) {
        self.burst = max(1, burst)
        self.interval = interval
        self.tokens = Double(max(1, burst))
    }

    /// Whether there is no limit at all.
    public var isUnlimited: Bool { interval <= .zero }

    /// Takes one line's token at `now`: nil when the line may go now (the token is used), or
    /// how long to wait before asking again.
    public mutating func take(at now: ContinuousClock.Instant) -> Duration? {
        if isUnlimited { return nil }
        refill(at: now)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        let seconds = (1 - tokens) * interval.seconds
        return .nanoseconds(Int64((seconds * 1e9).rounded(.up)))
    }

    private mutating func refill(at now: ContinuousClock.Instant) {
        guard let last else {
            last = now
            return
        }
        guard now > last else { return }
        tokens = min(Double(burst), tokens + (now - last).seconds / interval.seconds)
        self.last = now
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
