/// Which chat messages the connection has handed to the socket, by their number in the send
/// queue: each is settled once it left the queue with a write that succeeded (written) or failed
/// (lost, with the connection). Messages leave the queue in any order (recipients take turns),
/// so this keeps the numbers settled above the first one still waiting. Pure.
struct IRCChatLedger: Sendable, Equatable {
    /// Every number up to this is settled.
    private var settledThrough = 0
    /// Settled numbers above ``settledThrough``.
    private var settledAbove: Set<Int> = []
    /// The most recent lost numbers (the last ``lostKept``).
    private var lost: [Int] = []
    /// How many lost numbers are remembered.
    static let lostKept = 256

    /// Messages `numbers` left the queue with a write that succeeded, or failed when `lost`.
    mutating func settle(_ numbers: [Int], lost isLost: Bool) {
        for number in numbers where number > settledThrough {
            settledAbove.insert(number)
        }
        if isLost {
            lost.append(contentsOf: numbers)
            if lost.count > Self.lostKept { lost.removeFirst(lost.count - Self.lostKept) }
        }
        while settledAbove.remove(settledThrough + 1) != nil {
            settledThrough += 1
        }
    }

    /// Where message `number` stands.
    func status(_ number: Int) -> IRCConnection.ChatStatus {
        if lost.contains(number) { return .lost }
        return number <= settledThrough || settledAbove.contains(number) ? .written : .waiting
    }
}
