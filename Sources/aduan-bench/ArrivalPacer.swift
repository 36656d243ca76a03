import Foundation

/// Releases the open loop's messages at their scheduled arrival times from one dedicated thread
/// that sleeps until the next arrival is due (at least 0.5 ms) and then releases every arrival
/// that is due. A
/// citizen task waits for the release of its next message; if the message was released while
/// the citizen was still busy with the previous one, it goes on at once.
final class ArrivalPacer: @unchecked Sendable {
    private let lock = NSLock()
    /// Per citizen: how many of its messages have arrived.
    private var released: [Int]
    /// Per citizen: the task waiting for its next message, if any.
    private var waiting: [CheckedContinuation<Void, Never>?]
    private var stopped = false

    init(citizens: Int) {
        released = [Int](repeating: 0, count: citizens)
        waiting = [CheckedContinuation<Void, Never>?](repeating: nil, count: citizens)
    }

    /// Waits until message `message` (0-based, counted over all its intakes) of `citizen` has arrived.
    func wait(citizen: Int, message: Int) async {
        if lock.withLock({ released[citizen] > message || stopped }) { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = lock.withLock { () -> Bool in
                if released[citizen] > message || stopped { return true }
                waiting[citizen] = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Starts the thread: arrival k (the next message of citizen `order[k]`) is due at
    /// `start + k × interval` nanoseconds.
    func start(order: [Int], start: ContinuousClock.Instant, interval: Double) {
        let thread = Thread { [self] in
            let clock = ContinuousClock()
            var k = 0
            while k < order.count, !lock.withLock({ stopped }) {
                let now = clock.now
                while k < order.count, start.advanced(by: .nanoseconds(Int64(Double(k) * interval))) <= now {
                    release(order[k])
                    k += 1
                }
                guard k < order.count else { break }
                // Wake at most every 0.5 ms: at 20,000 arrivals/s a wake-up per arrival costs the
                // pacer a good part of a core. Latency is measured from the scheduled arrival, so
                // releasing up to 0.5 ms late counts against the bot, not for it.
                let due = start.advanced(by: .nanoseconds(Int64(Double(k) * interval))) - clock.now
                let wait = max(due, .microseconds(500))
                if wait > .zero {
                    var request = timespec(tv_sec: Int(wait.components.seconds),
                                           tv_nsec: Int(wait.components.attoseconds / 1_000_000_000))
                    nanosleep(&request, nil)
                }
            }
        }
        thread.name = "aduan-bench arrivals"
        thread.start()
    }

    /// Releases every waiting citizen and stops the thread (after a failure).
    func stop() {
        let all = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            stopped = true
            defer { waiting = waiting.map { _ in nil } }
            return waiting.compactMap { $0 }
        }
        for continuation in all { continuation.resume() }
    }

    private func release(_ citizen: Int) {
        let continuation = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            released[citizen] += 1
            defer { waiting[citizen] = nil }
            return waiting[citizen]
        }
        continuation?.resume()
    }
}
