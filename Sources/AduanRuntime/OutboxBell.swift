import AduanCore

/// Wakes the transports' outbox deliverers when something may have been added to the outbox.
/// A ring while nobody waits is kept, so a deliverer that comes back to wait after a ring goes
/// straight on.
final class OutboxBell: Sendable {
    private struct State {
        var rung = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Locked(State())

    /// Wakes every waiter (or the next one to wait).
    func ring() {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            if s.waiters.isEmpty {
                s.rung = true
                return []
            }
            defer { s.waiters = [] }
            return s.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns after a ring, or after `timeout`.
    func wait(timeout: Duration) async {
        let already = state.withLock { s -> Bool in
            defer { s.rung = false }
            return s.rung
        }
        if already { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(for: timeout)
            }
            group.addTask {
                await withCheckedContinuation { continuation in
                    self.state.withLock { $0.waiters.append(continuation) }
                }
            }
            await group.next()
            // Release the waiter (if the timeout won) so the group can finish.
            self.ring()
            group.cancelAll()
        }
        state.withLock { $0.rung = false }
    }
}
