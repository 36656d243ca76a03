import AduanCore

/// Runs work for one key at a time, in arrival order, while work for different keys runs
/// concurrently: one citizen's messages are handled strictly one after another, and many
/// citizens' messages share the database's group commits.
///
/// A lock, not an actor: the usual case (nobody else is working on the key) then costs no
/// hop to another executor; only a caller that must wait suspends.
final class KeyedSerializer: Sendable {
    private struct State {
        var busy: Set<String> = []
        var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    }

    private let state = Locked(State())

    /// Runs `body` once no other work for `key` is running.
    func run<T: Sendable>(_ key: String, _ body: () async throws -> T) async throws -> T {
        await acquire(key)
        defer { release(key) }
        return try await body()
    }

    private func acquire(_ key: String) async {
        if state.withLock({ $0.busy.insert(key).inserted }) { return }
        await withCheckedContinuation { continuation in
            let mine = state.withLock { s -> Bool in
                // The holder may have left between the first look and now.
                if s.busy.insert(key).inserted { return true }
                s.waiting[key, default: []].append(continuation)
                return false
            }
            if mine { continuation.resume() }
        }
    }

    private func release(_ key: String) {
        let next = state.withLock { s -> CheckedContinuation<Void, Never>? in
            if var queue = s.waiting[key], !queue.isEmpty {
                let next = queue.removeFirst()
                s.waiting[key] = queue.isEmpty ? nil : queue
                return next  // the key stays busy: ownership passes to the next in line
            }
            s.busy.remove(key)
            return nil
        }
        next?.resume()
    }
}
