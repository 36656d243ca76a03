import AduanRuntime

/// What waits to be written to the server, in two lanes:
/// - **protocol lines** (registration, `PONG`, `JOIN`, CTCP replies, `QUIT`) go first; they
///   belong to one connection and are dropped when it closes;
/// - **chat messages** the bot returned, in order; they are kept across reconnects and only
///   expanded into lines (the recipient's current nick looked up, the text split to fit) when
///   their turn comes, after registration.
///
/// Chat messages are numbered in the order queued (1, 2, …; ``lastChatNumber`` after
/// ``enqueueChat(_:)``), so that a sender can learn when its message has left the queue
/// (``chatTakenThrough``) while later ones still wait.
///
/// The flood control applies to both lanes; see ``IRCFloodControl``. Pure: no I/O, no clock.
struct IRCSendQueue: Sendable {
    private var protocolLines: [[UInt8]] = []
    private var protocolHead = 0
    /// The lines of the chat message being sent, and its number.
    private var chatLines: [[UInt8]] = []
    private var chatLinesHead = 0
    private var chatLinesNumber = 0
    private var chat: [(number: Int, message: OutboundMessage)] = []
    private var chatHead = 0
    /// The number of the chat message queued last (0 before the first).
    private(set) var lastChatNumber = 0
    /// The most chat messages kept; beyond it the oldest are dropped.
    let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// Whether nothing waits.
    var isEmpty: Bool { !hasProtocolLines && !hasChat }

    var hasProtocolLines: Bool { protocolHead < protocolLines.count }

    /// Whether chat text waits (a message, or lines of one being sent).
    var hasChat: Bool { chatLinesHead < chatLines.count || chatHead < chat.count }

    /// The number of chat messages waiting (a message being sent counts as one).
    var chatCount: Int { (chat.count - chatHead) + (chatLinesHead < chatLines.count ? 1 : 0) }

    /// Every chat message numbered up to this has left the queue: all its lines were taken with
    /// ``removeNext()``, or it had none to send, or it was dropped for capacity.
    var chatTakenThrough: Int {
        if chatLinesHead < chatLines.count { return chatLinesNumber - 1 }
        if chatHead < chat.count { return chat[chatHead].number - 1 }
        return lastChatNumber
    }

    /// Queues a protocol line (serialized, without CR LF).
    mutating func enqueueProtocol(_ line: [UInt8]) {
        protocolLines.append(line)
    }

    /// Queues a chat message, numbered ``lastChatNumber``; returns the message dropped to make
    /// room, if any.
    @discardableResult
    mutating func enqueueChat(_ message: OutboundMessage) -> OutboundMessage? {
        lastChatNumber += 1
        chat.append((lastChatNumber, message))
        guard chat.count - chatHead > capacity else { return nil }
        let dropped = chat[chatHead].message
        chatHead += 1
        compact()
        return dropped
    }

    /// The next line to write, or nil. Chat is only considered when `chatAllowed` (after
    /// registration); `expand` turns a chat message into its lines (none when it cannot be
    /// delivered). The line stays queued until ``removeNext()``.
    mutating func next(chatAllowed: Bool, expand: (OutboundMessage) -> [[UInt8]]) -> [UInt8]? {
        if hasProtocolLines { return protocolLines[protocolHead] }
        guard chatAllowed else { return nil }
        while chatLinesHead >= chatLines.count {
            guard chatHead < chat.count else { return nil }
            let (number, message) = chat[chatHead]
            chatHead += 1
            chatLines = expand(message)
            chatLinesHead = 0
            chatLinesNumber = number
            compact()
        }
        return chatLines[chatLinesHead]
    }

    /// Removes the line ``next(chatAllowed:expand:)`` returned.
    mutating func removeNext() {
        if hasProtocolLines {
            protocolHead += 1
            if protocolHead == protocolLines.count {
                protocolLines.removeAll(keepingCapacity: true)
                protocolHead = 0
            }
        } else if chatLinesHead < chatLines.count {
            chatLinesHead += 1
        }
    }

    /// The connection closed: its protocol lines are void; chat waits for the next one.
    mutating func connectionClosed() {
        protocolLines.removeAll()
        protocolHead = 0
    }

    private mutating func compact() {
        if chatHead > 1024 && chatHead * 2 > chat.count {
            chat.removeFirst(chatHead)
            chatHead = 0
        }
    }
}
