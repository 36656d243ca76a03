import AduanCore

/// Keeps each sender's messages in order while different senders run concurrently: a message
/// for a sender who already has a worker waits in that worker's line; the first message of a
/// sender asks the caller to start a worker, which takes messages until none are left.
///
/// ```swift
/// if inbox.add(message, key: message.identity) {
///     group.addTask { while let next = inbox.next(key: message.identity) { await handle(next) } }
/// }
/// ```
final class IRCOrderedInbox<Message: Sendable>: Sendable {
    /// Key → waiting messages; a key is present while its worker runs.
    private let lines = Locked<[String: [Message]]>([:])

    init() {}

    /// Adds a message to its key's line; true when no worker runs for the key and the caller
    /// must start one.
    func add(_ message: Message, key: String) -> Bool {
        lines.withLock { lines in
            if lines[key] != nil {
                lines[key]!.append(message)
                return false
            }
            lines[key] = [message]
            return true
        }
    }

    /// The next message for the key's worker, or nil when the line is empty (the worker must
    /// then stop: the next message starts a new one).
    func next(key: String) -> Message? {
        lines.withLock { lines in
            guard var line = lines[key], !line.isEmpty else {
                lines[key] = nil
                return nil
            }
            let message = line.removeFirst()
            lines[key] = line
            return message
        }
    }

    /// The key's next message if one waits, without ending the worker when none does (the
    /// worker goes on with ``next(key:)``).
    func nextIfWaiting(key: String) -> Message? {
        lines.withLock { lines in
            guard var line = lines[key], !line.isEmpty else { return nil }
            let message = line.removeFirst()
            lines[key] = line
            return message
        }
    }

    /// Puts a message taken with ``nextIfWaiting(key:)`` back at the front of its key's line.
    func putBack(_ message: Message, key: String) {
        lines.withLock { lines in
            lines[key, default: []].insert(message, at: 0)
        }
    }

    /// The number of senders with a worker.
    var activeKeys: Int { lines.withLock { $0.count } }
}
