import AduanRuntime

/// What waits to be written to the server, in two lanes:
/// - **protocol lines** (registration, `PONG`, `JOIN`, CTCP replies, `QUIT`) go first; they
///   belong to one connection and are dropped when it closes;
/// - **chat messages** the bot returned; they are kept across reconnects and only expanded into
///   lines (the recipient's current nick looked up, the text split to fit) when their turn comes,
///   after registration.
///
/// Chat is **fair between recipients**: each recipient (a citizen, a channel) has its own line
/// of messages, kept in order, and the recipients take turns line by line. Under flood control
/// (one line every 700 ms) a citizen who writes while another is being sent a long list gets
/// the first line of their answer within a turn, not after the whole list.
///
/// Chat messages are numbered in the order queued (1, 2, …; ``lastChatNumber`` after
/// ``enqueueChat(_:)``); ``takeFinished()`` tells which have left the queue since it was last
/// asked (their last line taken, no line to send, or dropped for capacity), so that a sender can
/// learn when its message is out while others still wait.
///
/// The flood control applies to both lanes; see ``IRCFloodControl``. Pure: no I/O, no clock.
struct IRCSendQueue: Sendable {
    private var protocolLines: [[UInt8]] = []
    private var protocolHead = 0

    /// A queued chat message: its number, and whether it may be handed back when the
    /// connection drops (``takeStranded()``).
    private struct Entry: Sendable {
        var number: Int
        var message: OutboundMessage
        var strandable: Bool
    }

    /// One recipient's messages: the one being sent (its lines) and those after it, in order.
    private struct Recipient: Sendable {
        var waiting: [Entry] = []
        var waitingHead = 0
        var lines: [[UInt8]] = []
        var linesHead = 0
        var current: Entry?

        var isSending: Bool { linesHead < lines.count }
        var waitingCount: Int { waiting.count - waitingHead }
        var isEmpty: Bool { !isSending && waitingCount == 0 }

        mutating func popWaiting() -> Entry {
            let next = waiting[waitingHead]
            waitingHead += 1
            if waitingHead > 64 && waitingHead * 2 > waiting.count {
                waiting.removeFirst(waitingHead)
                waitingHead = 0
            }
            return next
        }
    }

    private var recipients: [OutboundMessage.Destination: Recipient] = [:]
    /// The recipients with something to send, in turn order (the head's line goes next).
    private var turns: [OutboundMessage.Destination] = []
    private var turnsHead = 0
    /// Chat messages waiting or being sent.
    private(set) var chatCount = 0
    /// Numbers of chat messages that left the queue since ``takeFinished()`` was last called.
    private var finished: [Int] = []
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
    var hasChat: Bool { chatCount > 0 }

    /// Queues a protocol line (serialized, without CR LF).
    mutating func enqueueProtocol(_ line: [UInt8]) {
        protocolLines.append(line)
    }

    /// Queues a chat message, numbered ``lastChatNumber``, behind the recipient's earlier ones;
    /// returns the message dropped to make room (the oldest not yet begun), if any. A
    /// `strandable` message to a person is handed back by ``takeStranded()`` instead of being
    /// sent after a reconnect.
    @discardableResult
    mutating func enqueueChat(_ message: OutboundMessage, strandable: Bool = false) -> OutboundMessage? {
        lastChatNumber += 1
        // A recipient in `recipients` has exactly one entry in `turns` (removed together).
        if recipients[message.destination] == nil { turns.append(message.destination) }
        recipients[message.destination, default: Recipient()].waiting.append(
            Entry(number: lastChatNumber, message: message, strandable: strandable))
        chatCount += 1
        guard chatCount > capacity else { return nil }
        return dropOldestWaiting()
    }

    /// The next line to write, or nil. Chat is only considered when `chatAllowed` (after
    /// registration); `expand` turns a chat message into its lines (none when it cannot be
    /// delivered). The line stays queued until ``removeNext()``.
    mutating func next(chatAllowed: Bool, expand: (OutboundMessage) -> [[UInt8]]) -> [UInt8]? {
        if hasProtocolLines { return protocolLines[protocolHead] }
        guard chatAllowed else { return nil }
        while turnsHead < turns.count {
            let destination = turns[turnsHead]
            guard var recipient = recipients[destination] else {
                turnsHead += 1
                continue
            }
            if recipient.isSending { return recipient.lines[recipient.linesHead] }
            guard recipient.waitingCount > 0 else {
                recipients[destination] = nil
                endTurn(requeue: false)
                continue
            }
            let entry = recipient.popWaiting()
            recipient.lines = expand(entry.message)
            recipient.linesHead = 0
            recipient.current = entry
            recipients[destination] = recipient
            if recipient.lines.isEmpty { finish(entry.number) }
        }
        return nil
    }

    /// Removes the line ``next(chatAllowed:expand:)`` returned; the recipient's turn passes to the next.
    mutating func removeNext() {
        if hasProtocolLines {
            protocolHead += 1
            if protocolHead == protocolLines.count {
                protocolLines.removeAll(keepingCapacity: true)
                protocolHead = 0
            }
            return
        }
        guard turnsHead < turns.count, var recipient = recipients[turns[turnsHead]], recipient.isSending else { return }
        recipient.linesHead += 1
        if !recipient.isSending, let current = recipient.current { finish(current.number) }
        let destination = turns[turnsHead]
        if recipient.isEmpty {
            recipients[destination] = nil
            endTurn(requeue: false)
        } else {
            recipients[destination] = recipient
            endTurn(requeue: true)
        }
    }

    /// The numbers of the chat messages that left the queue since the last call, in the order they left.
    mutating func takeFinished() -> [Int] {
        defer { finished.removeAll(keepingCapacity: true) }
        return finished
    }

    /// The connection closed: its protocol lines are void; chat waits for the next one.
    mutating func connectionClosed() {
        protocolLines.removeAll()
        protocolHead = 0
    }

    /// Removes the strandable messages to people — each whole, also one partly sent — and
    /// returns them in the order queued. They leave the queue (``takeFinished()`` lists them).
    mutating func takeStranded() -> [OutboundMessage] {
        var taken: [Entry] = []
        for (destination, var recipient) in recipients {
            guard case .user = destination else { continue }
            if recipient.isSending, let current = recipient.current, current.strandable {
                taken.append(current)
                recipient.lines = []
                recipient.linesHead = 0
            }
            let waiting = recipient.waiting[recipient.waitingHead...]
            taken += waiting.filter(\.strandable)
            recipient.waiting = waiting.filter { !$0.strandable }
            recipient.waitingHead = 0
            // An emptied recipient keeps its entry in `turns` until its turn comes.
            recipients[destination] = recipient
        }
        taken.sort { $0.number < $1.number }
        for entry in taken { finish(entry.number) }
        return taken.map(\.message)
    }

    private mutating func finish(_ number: Int) {
        finished.append(number)
        chatCount -= 1
    }

    private mutating func endTurn(requeue: Bool) {
        let destination = turns[turnsHead]
        turnsHead += 1
        if requeue { turns.append(destination) }
        if turnsHead > 64 && turnsHead * 2 > turns.count {
            turns.removeFirst(turnsHead)
            turnsHead = 0
        }
    }

    /// Drops the oldest message not yet begun (lowest number at the head of a recipient's line).
    private mutating func dropOldestWaiting() -> OutboundMessage? {
        var oldest: (destination: OutboundMessage.Destination, number: Int)?
        for (destination, recipient) in recipients where recipient.waitingCount > 0 {
            let number = recipient.waiting[recipient.waitingHead].number
            if oldest == nil || number < oldest!.number { oldest = (destination, number) }
        }
        guard let oldest, var recipient = recipients[oldest.destination] else { return nil }
        let dropped = recipient.popWaiting()
        recipients[oldest.destination] = recipient
        finish(dropped.number)
        // A recipient left with nothing keeps its entry until its turn comes (then it is removed).
        return dropped.message
    }
}
