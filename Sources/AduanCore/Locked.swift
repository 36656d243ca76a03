import Foundation

/// A value guarded by a lock, for the little state shared between tasks outside the database
/// (caches, counters, queues), each touched only briefly.
///
/// `Synchronization.Mutex` would do, but it needs macOS 15 and the package supports macOS 14.
///
/// ```swift
/// let counter = Locked(0)
/// let next = counter.withLock { value -> Int in value += 1; return value }
/// ```
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Guards `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
