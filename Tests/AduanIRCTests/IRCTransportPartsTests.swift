@testable import AduanIRC
import AduanCore
import AduanRuntime
import NIOCore
import Testing

@Suite("IRC flood control")
struct IRCFloodControlTests {
    let start = ContinuousClock.now

    @Test("a burst of 4, then one line per 700 ms")
    func burstThenRate() {
        var flood = IRCFloodControl(burst: 4, interval: .milliseconds(700))
        for _ in 0..<4 { #expect(flood.take(at: start) == nil) }
        let wait = flood.take(at: start)
        #expect(wait.map { $0 >= .milliseconds(699) && $0 <= .milliseconds(701) } == true)
        #expect(flood.take(at: start + .milliseconds(350)) != nil)
        #expect(flood.take(at: start + .milliseconds(700)) == nil)
        #expect(flood.take(at: start + .milliseconds(800)) != nil)
        // A long quiet spell refills the burst, never beyond it.
        let later = start + .seconds(60)
        for _ in 0..<4 { #expect(flood.take(at: later) == nil) }
        #expect(flood.take(at: later) != nil)
    }

    @Test("over any window, no more than burst + window / interval lines")
    func neverFaster() {
        var flood = IRCFloodControl(burst: 4, interval: .milliseconds(700))
        var sent = 0
        var now = start
        while now < start + .seconds(10) {
            if let wait = flood.take(at: now) { now += wait } else { sent += 1 }
        }
        #expect(sent <= 4 + 10_000 / 700 + 1)
        #expect(sent >= 10_000 / 700)
    }

    @Test("an interval of 0 is unlimited")
    func unlimited() {
        var flood = IRCFloodControl(burst: 4, interval: .zero)
        #expect(flood.isUnlimited)
        for _ in 0..<10_000 { #expect(flood.take(at: start) == nil) }
    }
}

@Suite("IRC reconnect backoff")
struct IRCReconnectBackoffTests {
    @Test("doubles from 1 s up to 60 s, with at most 20 % taken off by jitter")
    func exponentialWithJitter() {
        var backoff = IRCReconnectBackoff()
        var random = SplitMix64(seed: 1)
        let delays = (0..<10).map { _ in backoff.nextDelay(registeredFor: nil, using: &random).seconds }
        let bases: [Double] = [1, 2, 4, 8, 16, 32, 60, 60, 60, 60]
        for (delay, base) in zip(delays, bases) {
            #expect(delay <= base + 1e-9)
            #expect(delay >= base * 0.8 - 1e-9)
        }
        #expect(Set(delays.map { ($0 * 1000).rounded() }).count > 5)
    }

    @Test("a connection that stayed up resets the delay; a short one does not")
    func resetAfterStable() {
        var backoff = IRCReconnectBackoff(initial: .seconds(1), maximum: .seconds(60), stableAfter: .seconds(60), jitter: 0)
        var random = SplitMix64(seed: 2)
        for _ in 0..<5 { _ = backoff.nextDelay(registeredFor: nil, using: &random) }
        #expect(backoff.nextDelay(registeredFor: .seconds(5), using: &random) == .seconds(32))
        #expect(backoff.nextDelay(registeredFor: .seconds(61), using: &random) == .seconds(1))
        #expect(backoff.nextDelay(registeredFor: nil, using: &random) == .seconds(2))
    }
}

@Suite("IRC line framing")
struct IRCLineDecoderTests {
    static let stream = Array(("PING :a\r\n:srv 001 aduan :Selamat datang 🙏\r\n\r\nPRIVMSG aduan :tanpa CR\n"
                                + ":x PRIVMSG aduan :akhir\r\n").utf8)
    static let expected = ["PING :a", ":srv 001 aduan :Selamat datang 🙏", "", "PRIVMSG aduan :tanpa CR", ":x PRIVMSG aduan :akhir"]

    /// Feeds `bytes` in the given chunk sizes; returns the lines.
    func lines(_ bytes: [UInt8], chunks: [Int], maximum: Int = 8191 + 512) -> (lines: [String], decoder: IRCLineDecoder) {
        var decoder = IRCLineDecoder(maximumLineLength: maximum)
        var buffer = ByteBuffer()
        var out: [String] = []
        var offset = 0
        var chunkIndex = 0
        while offset < bytes.count {
            let size = min(chunks[chunkIndex % chunks.count], bytes.count - offset)
            chunkIndex += 1
            buffer.writeBytes(bytes[offset..<offset + size])
            offset += size
            while let line = decoder.nextLine(from: &buffer) {
                out.append(String(buffer: line))
            }
            buffer.discardReadBytes()
        }
        return (out, decoder)
    }

    @Test("all at once, byte by byte and in random chunks give the same lines; CR LF and LF both end a line")
    func chunking() {
        #expect(lines(Self.stream, chunks: [Self.stream.count]).lines == Self.expected)
        #expect(lines(Self.stream, chunks: [1]).lines == Self.expected)
        var random = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let chunks = (0..<8).map { _ in Int.random(in: 1...17, using: &random) }
            #expect(lines(Self.stream, chunks: chunks).lines == Self.expected)
        }
    }

    @Test("a line longer than the maximum is thrown away up to its LF; the next line is intact")
    func overlongLine() {
        let long = Array(repeating: UInt8(ascii: "a"), count: 5000)
        let bytes = Array("PING :1\r\n".utf8) + long + Array("\r\nPING :2\r\n".utf8)
        for chunks in [[bytes.count], [1], [100, 7, 999]] {
            let (out, decoder) = lines(bytes, chunks: chunks, maximum: 1024)
            #expect(out == ["PING :1", "PING :2"])
            #expect(decoder.discardedLines == 1)
        }
    }
}

@Suite("IRC send queue")
struct IRCSendQueueTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("protocol lines go first; chat waits for registration and is expanded when its turn comes")
    func lanes() {
        var queue = IRCSendQueue()
        queue.enqueueChat(OutboundMessage(.user("irc:budi"), "satu\ndua"))
        queue.enqueueChat(OutboundMessage(.channel("#opd-pupr"), "tiga"))
        queue.enqueueProtocol(bytes("NICK aduan"))
        let expand: (OutboundMessage) -> [[UInt8]] = { message in
            message.text.split(separator: "\n").map { Array("PRIVMSG x :\($0)".utf8) }
        }
        var sent: [String] = []
        while let line = queue.next(chatAllowed: false, expand: expand) {
            sent.append(String(decoding: line, as: UTF8.self))
            queue.removeNext()
        }
        #expect(sent == ["NICK aduan"])
        #expect(queue.chatCount == 2)
        while let line = queue.next(chatAllowed: true, expand: expand) {
            sent.append(String(decoding: line, as: UTF8.self))
            queue.removeNext()
        }
        #expect(sent == ["NICK aduan", "PRIVMSG x :satu", "PRIVMSG x :tiga", "PRIVMSG x :dua"])
        #expect(queue.isEmpty)
    }

    @Test("a closed connection drops its protocol lines and keeps the chat for the next one")
    func reconnectKeepsChat() {
        var queue = IRCSendQueue()
        queue.enqueueProtocol(bytes("PONG x"))
        queue.enqueueChat(OutboundMessage(.user("irc:budi"), "balasan"))
        queue.connectionClosed()
        #expect(!queue.hasProtocolLines)
        #expect(queue.chatCount == 1)
        #expect(queue.next(chatAllowed: true) { _ in [Array("PRIVMSG budi :balasan".utf8)] } != nil)
    }

    @Test("beyond capacity the oldest chat message is dropped")
    func capacity() {
        var queue = IRCSendQueue(capacity: 2)
        #expect(queue.enqueueChat(OutboundMessage(.user("a"), "1")) == nil)
        #expect(queue.enqueueChat(OutboundMessage(.user("b"), "2")) == nil)
        #expect(queue.enqueueChat(OutboundMessage(.user("a"), "3"))?.text == "1")
        #expect(queue.chatCount == 2)
        // The dropped message has left the queue; the two after it wait.
        #expect(queue.takeFinished() == [1])
        let lines = drain(&queue)
        #expect(lines == ["3", "2"], "a kept its turn, now with its next message")
    }

    /// Every line, taking turns as the connection does, and the finished numbers after each.
    func drain(_ queue: inout IRCSendQueue, finished: UnsafeMutablePointer<[[Int]]>? = nil) -> [String] {
        let expand: (OutboundMessage) -> [[UInt8]] = { message in
            message.text == "tanpa nick" ? [] : message.text.split(separator: "\n").map { Array($0.utf8) }
        }
        var sent: [String] = []
        while let line = queue.next(chatAllowed: true, expand: expand) {
            sent.append(String(decoding: line, as: UTF8.self))
            queue.removeNext()
            finished?.pointee.append(queue.takeFinished())
        }
        return sent
    }

    @Test("recipients take turns line by line; each one's messages stay in order")
    func fairTurns() {
        var queue = IRCSendQueue()
        // Citizen A is being sent a long list when B writes; the channel gets an announcement.
        queue.enqueueChat(OutboundMessage(.user("irc:a"), "a1\na2\na3\na4"))
        queue.enqueueChat(OutboundMessage(.user("irc:a"), "a5"))
        queue.enqueueChat(OutboundMessage(.user("irc:b"), "b1\nb2"))
        queue.enqueueChat(OutboundMessage(.channel("#opd-pupr"), "c1"))
        queue.enqueueChat(OutboundMessage(.user("irc:b"), "b3"))
        #expect(drain(&queue) == ["a1", "b1", "c1", "a2", "b2", "a3", "b3", "a4", "a5"])
        #expect(queue.isEmpty)
        #expect(queue.chatCount == 0)
        // A recipient who writes later joins the end of the round.
        queue.enqueueChat(OutboundMessage(.user("irc:a"), "a6\na7"))
        _ = queue.next(chatAllowed: true) { $0.text.split(separator: "\n").map { Array($0.utf8) } }
        queue.removeNext()
        queue.enqueueChat(OutboundMessage(.user("irc:b"), "b4"))
        #expect(drain(&queue) == ["a7", "b4"])
    }

    @Test("chat messages are numbered; one has left the queue once its own last line is taken, whatever waits")
    func numbering() {
        var queue = IRCSendQueue()
        #expect(queue.takeFinished().isEmpty)
        queue.enqueueChat(OutboundMessage(.user("irc:budi"), "satu\ndua"))
        #expect(queue.lastChatNumber == 1)
        queue.enqueueChat(OutboundMessage(.user("irc:hilang"), "tanpa nick"))
        queue.enqueueChat(OutboundMessage(.channel("#opd-pupr"), "tiga"))
        queue.enqueueChat(OutboundMessage(.channel("#opd-pupr"), "empat"))
        #expect(queue.lastChatNumber == 4)
        // Protocol lines do not finish anything.
        queue.enqueueProtocol(bytes("PONG x"))
        var finished: [[Int]] = []
        let lines = drain(&queue, finished: &finished)
        #expect(lines == ["PONG x", "satu", "tiga", "dua", "empat"])
        // After PONG nothing; after "satu" nothing (message 1 has a line to go); message 2 has no
        // line to send (no nick known) and leaves as the channel's turn starts, with "tiga"
        // (message 3); then 1 with "dua", 4 with "empat".
        #expect(finished == [[], [], [2, 3], [1], [4]])
        #expect(queue.isEmpty)
    }

    @Test("when the connection drops, strandable messages to people come back whole, in order; the rest stay")
    func stranded() {
        var queue = IRCSendQueue()
        let expand: (OutboundMessage) -> [[UInt8]] = { $0.text.split(separator: "\n").map { Array($0.utf8) } }
        queue.enqueueChat(OutboundMessage(.user("irc:a"), "a1\na2\na3"), strandable: true)
        queue.enqueueChat(OutboundMessage(.channel("#opd-pupr"), "c1\nc2"), strandable: true)
        queue.enqueueChat(OutboundMessage(.user("irc:b"), "dari outbox"))
        queue.enqueueChat(OutboundMessage(.user("irc:a"), "a4"), strandable: true)
        // a1 goes out, then the connection drops.
        #expect(queue.next(chatAllowed: true, expand: expand) == Array("a1".utf8))
        queue.removeNext()
        _ = queue.takeFinished()
        let back = queue.takeStranded()
        #expect(back.map(\.text) == ["a1\na2\na3", "a4"], "a's answer whole, then a's next")
        #expect(queue.takeFinished() == [1, 4])
        #expect(queue.chatCount == 2)
        #expect(drain(&queue) == ["c1", "dari outbox", "c2"])
        #expect(queue.isEmpty)
    }

    @Test("the ledger: a message is written once its write succeeded, lost if it failed, in any order")
    func ledger() {
        var ledger = IRCChatLedger()
        ledger.settle([2, 3], lost: false)
        #expect(ledger.status(1) == .waiting)
        #expect(ledger.status(2) == .written)
        #expect(ledger.status(3) == .written)
        ledger.settle([1], lost: true)
        #expect(ledger.status(1) == .lost)
        ledger.settle([5], lost: false)
        #expect(ledger.status(4) == .waiting)
        #expect(ledger.status(5) == .written)
        ledger.settle([4], lost: false)
        #expect([1, 2, 3, 4, 5, 6].map(ledger.status) == [.lost, .written, .written, .written, .written, .waiting])
    }
}

@Suite("IRC ordered inbox")
struct IRCOrderedInboxTests {
    @Test("one worker per sender; a sender's messages come out in order")
    func ordering() {
        let inbox = IRCOrderedInbox<Int>()
        #expect(inbox.add(1, key: "budi"))
        #expect(!inbox.add(2, key: "budi"))
        #expect(inbox.add(10, key: "ani"))
        #expect(inbox.next(key: "budi") == 1)
        #expect(!inbox.add(3, key: "budi"))
        #expect(inbox.next(key: "budi") == 2)
        #expect(inbox.next(key: "budi") == 3)
        #expect(inbox.next(key: "budi") == nil)
        #expect(inbox.activeKeys == 1)
        #expect(inbox.add(4, key: "budi"))
    }

    @Test("under concurrency every message is handled once, each sender's in order")
    func concurrent() async {
        let inbox = IRCOrderedInbox<(String, Int)>()
        let handled = Locked<[String: [Int]]>([:])
        await withDiscardingTaskGroup { group in
            for index in 0..<2_000 {
                let key = "warga\(index % 13)"
                guard inbox.add((key, index), key: key) else { continue }
                group.addTask {
                    while let (key, value) = inbox.next(key: key) {
                        await Task.yield()
                        handled.withLock { $0[key, default: []].append(value) }
                    }
                }
            }
        }
        let result = handled.withLock { $0 }
        #expect(result.values.map(\.count).reduce(0, +) == 2_000)
        for values in result.values { #expect(values == values.sorted()) }
    }
}

@Suite("IRC server window")
struct IRCServerWindowTests {
    @Test("a PING every 1,024 bytes; chat waits while more than the limit is unanswered; the PONG opens it")
    func window() {
        var window = IRCServerWindow(limit: 2560, pingEvery: 1024)
        var tokens: [String] = []
        for _ in 0..<25 {  // 25 lines of 100 bytes
            #expect(window.allows(100))
            if let token = window.sent(100) { tokens.append(token) }
        }
        #expect(tokens == ["aduan-w1100", "aduan-w2200"])
        #expect(!window.allows(100), "2,500 bytes unanswered: another 100 would pass 2,560")
        var opened = window.answer("aduan-7")
        #expect(!opened, "another PING's answer")
        opened = window.answer("aduan-w9999")
        #expect(!opened, "more than was sent")
        opened = window.answer("aduan-w1100")
        #expect(opened)
        #expect(window.unanswered == 1400)
        #expect(window.allows(100))
        opened = window.answer("aduan-w1100")
        #expect(!opened, "an old answer again")
        // A new connection starts empty.
        window.reset()
        #expect(window.unanswered == 0)
        #expect(window.allows(600))
    }

    @Test("without a limit nothing waits and no PING is sent")
    func off() {
        var window = IRCServerWindow(limit: nil)
        for _ in 0..<100 {
            let token = window.sent(512)
            #expect(token == nil)
        }
        #expect(window.allows(512))
    }
}

@Suite("IRC long text put back together")
struct IRCLongTextTests {
    let long = String(repeating: "kata ", count: 70).trimmingCharacters(in: .whitespaces)

    @Test("a direct message filling its line may go on; a shorter one or a channel message does not")
    func mayContinue() {
        #expect(IRCLongText.mayContinue(IRCChatMessage(identity: "irc:a", nick: "a", text: long, relayedBytes: 505)))
        #expect(!IRCLongText.mayContinue(IRCChatMessage(identity: "irc:a", nick: "a", text: "1", relayedBytes: 40)))
        #expect(!IRCLongText.mayContinue(IRCChatMessage(identity: "irc:a", nick: "a", text: long, relayedBytes: 380)))
        #expect(!IRCLongText.mayContinue(IRCChatMessage(identity: "irc:a", nick: "a", channel: "#opd-pupr", text: long,
                                                        relayedBytes: 505)))
    }

    @Test("the relayed length is the line as the server sent it, without tags")
    func relayedLength() {
        var machine = IRCClientStateMachine.registered()
        let line = ":warga!~warga@127.0.0.1 PRIVMSG aduan :" + long
        let message = machine.feed("@time=2026-11-24T00:00:00Z " + line).delivered.first
        #expect(message?.relayedBytes == line.utf8.count)
    }

    @Test("pieces are joined with the space the cut dropped, and no second one")
    func joined() {
        let first = IRCChatMessage(identity: "irc:a", nick: "a", text: "jalan")
        #expect(IRCLongText.joined(first, IRCChatMessage(identity: "irc:a", nick: "a", text: "rusak")).text == "jalan rusak")
        #expect(IRCLongText.joined(first, IRCChatMessage(identity: "irc:a", nick: "a", text: " rusak")).text == "jalan rusak")
        let spaced = IRCChatMessage(identity: "irc:a", nick: "a", text: "jalan ")
        #expect(IRCLongText.joined(spaced, IRCChatMessage(identity: "irc:a", nick: "a", text: "rusak")).text == "jalan rusak")
    }
}
