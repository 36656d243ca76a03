import AduanCore
import AduanIRCProtocol
import Foundation
import NIOCore
import NIOPosix

/// What one scripted client measured over a run of steps (times in nanoseconds).
struct ExchangeSamples: Sendable {
    /// From sending a message to the first line of the reply.
    var first: [Int64] = []
    /// From sending a message to the line that completes the reply.
    var last: [Int64] = []
    /// From the first message of an intake to the end of its last reply.
    var intakes: [Int64] = []
    /// Tracking numbers in the filing confirmations.
    var tracking: [String] = []
    /// Reply lines received.
    var lines = 0
    /// When the last reply completed (``BenchClock``).
    var finished: UInt64 = 0
}

/// A monotonic clock in nanoseconds, cheap to read on an event loop.
enum BenchClock {
    static func now() -> UInt64 { NIODeadline.now().uptimeNanoseconds }
}

/// A lean scripted IRC client on SwiftNIO, for load: registers with `NICK`/`USER` (no `PASS`),
/// answers `PING`, and either
/// - as a **citizen** sends a list of private messages to one target, each as soon as the reply
///   to the previous one is complete (``ReplyExpectation``), timing every reply; or
/// - as an **echo** answers every private message with one private message carrying the same
///   text back to its sender (the floor the bot is compared with); or
/// - as a **durable echo** does the same once the message is committed to a ``DurableEchoLog``
///   (the floor for any bot that commits every message before it replies).
///
/// Everything happens on the channel's event loop (no task hops between a reply's last line and
/// the next message), so the client adds as little as possible to the latency it measures. The
/// mutable state is only touched on that loop, hence `@unchecked Sendable`.
final class BenchIRCClient: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    enum Role: Sendable {
        case citizen
        case echo
        case durableEcho(DurableEchoLog)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let eventLoop: any EventLoop
    let role: Role
    /// The nick asked for; ``nick`` is the one the server confirmed.
    let requestedNick: String
    private(set) var nick: String
    private let registration: EventLoopPromise<Void>
    private var registered = false
    private var context: ChannelHandlerContext?
    private var partial = ByteBuffer()
    private var closed = false
    private var lastError: String?
    private var needsFlush = false

    /// Echo: messages answered.
    private(set) var echoed = 0
    /// Citizen: lines from the target while no reply was awaited (must stay 0).
    private(set) var strays: [String] = []

    private struct Run {
        var target: String
        var steps: [BenchStep]
        var index = 0
        var sentAt: UInt64 = 0
        var firstAt: UInt64?
        var intakeStart: UInt64 = 0
        var matched = 0
        var received: [String] = []
        var samples = ExchangeSamples()
        var promise: EventLoopPromise<ExchangeSamples>
        var timeout: Scheduled<Void>?
        /// Mean pause between a complete reply and the next message (0: none).
        var thinkNanos: Int64 = 0
        /// Between a complete reply and the next message (a pause): a line now is a stray.
        var awaitingSend = true
        var random = SplitMix64(seed: 0)
    }
    private var run: Run?

    /// ACK every read at once (`TCP_QUICKACK`, re-armed after each read as Linux requires).
    let quickAck: Bool

    init(nick: String, role: Role, eventLoop: any EventLoop, quickAck: Bool = false) {
        self.quickAck = quickAck
        self.requestedNick = nick
        self.nick = nick
        self.role = role
        self.eventLoop = eventLoop
        self.registration = eventLoop.makePromise()
    }

    /// Connects to `host`:`port` on `eventLoop` and registers; returns once the server has
    /// welcomed the client (`001`).
    static func connect(host: String, port: Int, nick: String, role: Role, eventLoop: any EventLoop,
                        quickAck: Bool = false, timeout: TimeAmount = .seconds(15)) async throws -> (BenchIRCClient, any Channel) {
        let client = BenchIRCClient(nick: nick, role: role, eventLoop: eventLoop, quickAck: quickAck)
        let channel = try await ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(client)
                }
            }
            .connect(host: host, port: port).get()
        let timer = eventLoop.scheduleTask(in: timeout) {
            client.registration.fail(Failure(description: "\(nick): not registered within \(timeout.nanoseconds / 1_000_000_000) s"))
        }
        do {
            try await client.registration.futureResult.get()
            timer.cancel()
        } catch {
            timer.cancel()
            try? await channel.close()
            throw error
        }
        return (client, channel)
    }

    // MARK: - Runs

    /// Sends `steps` to `target` one after another, each when the previous reply is complete;
    /// fails on a reply that differs from the expectation, a closed connection, or when the
    /// whole run takes longer than `timeout`.
    ///
    /// With `think` above zero the client pauses before each message, a random 0.5–1.5 × `think`
    /// (seeded by `seed`, so runs are comparable), the first message within one `think` of the
    /// start: a paced load instead of a closed loop at full speed.
    func start(steps: [BenchStep], target: String, timeout: TimeAmount, think: TimeAmount = .zero,
               seed: UInt64 = 0) -> EventLoopFuture<ExchangeSamples> {
        eventLoop.flatSubmit {
            let promise = self.eventLoop.makePromise(of: ExchangeSamples.self)
            guard !self.closed, self.context != nil else {
                promise.fail(Failure(description: "\(self.nick): the connection is closed\(self.lastError.map { " (\($0))" } ?? "")"))
                return promise.futureResult
            }
            guard self.run == nil else {
                promise.fail(Failure(description: "\(self.nick): already running"))
                return promise.futureResult
            }
            guard !steps.isEmpty else {
                promise.succeed(ExchangeSamples(finished: BenchClock.now()))
                return promise.futureResult
            }
            var run = Run(target: target.lowercased(), steps: steps, promise: promise)
            run.timeout = self.eventLoop.scheduleTask(in: timeout) {
                self.fail("no complete reply within \(timeout.nanoseconds / 1_000_000_000) s of the start of the run")
            }
            run.thinkNanos = think.nanoseconds
            run.random = SplitMix64(seed: seed)
            let first = run.thinkNanos > 0 ? Int64(run.random.next() % UInt64(run.thinkNanos)) : 0
            self.run = run
            if first > 0 {
                self.eventLoop.scheduleTask(in: .nanoseconds(first)) {
                    self.sendCurrent(now: BenchClock.now(), newIntake: true)
                }
            } else {
                self.sendCurrent(now: BenchClock.now(), newIntake: true)
            }
            return promise.futureResult
        }
    }

    /// Sends `QUIT` and closes.
    func quit(_ message: String) -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            guard let context = self.context, !self.closed else { return self.eventLoop.makeSucceededVoidFuture() }
            context.writeAndFlush(self.wrapOutboundOut(BenchWire.line("QUIT :\(message)")), promise: nil)
            return context.close()
        }
    }

    /// Counters read on the loop.
    func counters() -> EventLoopFuture<(echoed: Int, strays: [String])> {
        eventLoop.submit { (self.echoed, self.strays) }
    }

    private func sendCurrent(now: UInt64, newIntake: Bool) {
        guard var run, let context else { return }
        run.awaitingSend = false
        run.sentAt = now
        if newIntake { run.intakeStart = now }
        run.firstAt = nil
        run.matched = 0
        run.received.removeAll(keepingCapacity: true)
        let wire = run.steps[run.index].wire
        self.run = run
        context.writeAndFlush(wrapOutboundOut(wire), promise: nil)
    }

    private func fail(_ what: String) {
        guard let run else { return }
        self.run = nil
        run.timeout?.cancel()
        let step = run.steps[run.index]
        var text = "\(nick), message \(run.index + 1) of \(run.steps.count) \"\(step.text)\" to \(run.target): \(what)"
        switch step.expected {
        case .exact(let bytes):
            text += "\nexpected (spaces removed): \(String(decoding: bytes, as: UTF8.self))"
        case .filing(let first, let last, _, _, _):
            text += "\nexpected a filing confirmation from \"\(first)\" to \"\(last)\""
        }
        text += "\nreceived \(run.received.count) line(s):" + run.received.map { "\n  < " + $0 }.joined()
        if let lastError { text += "\nserver: \(lastError)" }
        run.promise.fail(Failure(description: text))
    }

    // MARK: - Replies

    private func reply(_ text: String, now: UInt64) {
        guard var run, !run.awaitingSend else {
            if strays.count < 20 { strays.append(text) }
            return
        }
        if run.firstAt == nil { run.firstAt = now }
        run.received.append(text)
        run.samples.lines += 1
        let step = run.steps[run.index]
        var complete = false
        switch step.expected {
        case .exact(let expected):
            // The line must continue the expected text (spaces and tabs aside).
            var position = run.matched
            var matches = true
            for byte in text.utf8 where byte != 0x20 && byte != 0x09 {
                guard position < expected.count, expected[position] == byte else {
                    matches = false
                    break
                }
                position += 1
            }
            guard matches else {
                self.run = run
                fail("the reply differs from the dialog's dry run")
                return
            }
            run.matched = position
            complete = position == expected.count
        case .filing(let firstLine, let lastLine, let lines, let prefix, let lastLineStart):
            guard text.hasPrefix(lastLineStart), IRCIntakeScript.masked(text, prefix: prefix) == lastLine else { break }
            self.run = run
            guard run.received.count >= lines,
                  IRCIntakeScript.masked(run.received[0], prefix: prefix) == firstLine else {
                fail("the filing confirmation differs from the dialog's dry run (\(lines) lines from \"\(firstLine)\")")
                return
            }
            guard let number = run.received.lazy.compactMap({ DialogLoad.trackingNumber(in: $0, prefix: prefix) }).first else {
                fail("no tracking number \(prefix)-XXX-XXX in the filing confirmation")
                return
            }
            run.samples.tracking.append(number)
            complete = true
        }
        guard complete else {
            self.run = run
            return
        }
        run.samples.first.append(Int64(run.firstAt! &- run.sentAt))
        run.samples.last.append(Int64(now &- run.sentAt))
        if step.endsIntake { run.samples.intakes.append(Int64(now &- run.intakeStart)) }
        run.index += 1
        if run.index == run.steps.count {
            run.samples.finished = now
            run.timeout?.cancel()
            self.run = nil
            run.promise.succeed(run.samples)
        } else if run.thinkNanos > 0 {
            let pause = run.thinkNanos / 2 + Int64(run.random.next() % UInt64(run.thinkNanos))
            run.awaitingSend = true
            self.run = run
            eventLoop.scheduleTask(in: .nanoseconds(pause)) {
                self.sendCurrent(now: BenchClock.now(), newIntake: step.endsIntake)
            }
        } else {
            self.run = run
            sendCurrent(now: BenchClock.now(), newIntake: step.endsIntake)
        }
    }

    // MARK: - ChannelInboundHandler

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { register(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        register(context)
        context.fireChannelActive()
    }

    private var sentRegistration = false

    private func register(_ context: ChannelHandlerContext) {
        guard !sentRegistration else { return }
        sentRegistration = true
        context.write(wrapOutboundOut(BenchWire.line("NICK \(requestedNick)")), promise: nil)
        context.writeAndFlush(wrapOutboundOut(BenchWire.line("USER \(requestedNick) 0 * :aduan-bench scripted client")), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        registration.fail(Failure(description: "\(requestedNick): the server closed the connection\(lastError.map { ": \($0)" } ?? "")"))
        fail("the server closed the connection")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        lastError = lastError ?? "\(error)"
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        let now = BenchClock.now()
        if quickAck {
            #if os(Linux)
            try? context.channel.syncOptions?.setOption(
                ChannelOptions.Types.SocketOption(level: .tcp, name: NIOBSDSocket.Option(rawValue: Int32(TCP_QUICKACK))), value: 1)
            #endif
        }
        if partial.readableBytes > 0 {
            partial.writeBuffer(&bytes)
            bytes = partial
            partial = ByteBuffer()
        }
        while let newline = bytes.readableBytesView.firstIndex(of: 10) {
            let length = newline - bytes.readerIndex
            var line = bytes.readSlice(length: length)!
            bytes.moveReaderIndex(forwardBy: 1)
            if line.readableBytesView.last == 13 { line.moveWriterIndex(to: line.writerIndex - 1) }
            handle(line, context: context, now: now)
        }
        if bytes.readableBytes > 0 {
            partial = bytes
            if partial.readableBytes > 64 * 1024 {
                lastError = "a line longer than 64 KiB"
                context.close(promise: nil)
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    private func handle(_ line: ByteBuffer, context: ChannelHandlerContext, now: UInt64) {
        guard line.readableBytes > 0, let message = try? IRCMessage.parse(line.readableBytesView) else { return }
        switch message.verb {
        case "PING":
            context.write(wrapOutboundOut(BenchWire.line("PONG :\(message.params.last ?? "")")), promise: nil)
            needsFlush = true
        case "PRIVMSG":
            guard message.params.count == 2, let source = message.sourceParts?.nick else { return }
            switch role {
            case .echo:
                echoed += 1
                context.write(wrapOutboundOut(BenchWire.privmsg(to: source, text: message.params[1])), promise: nil)
                needsFlush = true
            case .durableEcho(let log):
                echoed += 1
                let wire = BenchWire.privmsg(to: source, text: message.params[1])
                log.append(sender: source, text: message.params[1]) { [eventLoop] in
                    eventLoop.execute {
                        guard !self.closed, let context = self.context else { return }
                        context.writeAndFlush(self.wrapOutboundOut(wire), promise: nil)
                    }
                }
            case .citizen:
                guard let run, source.lowercased() == run.target else {
                    if strays.count < 20 { strays.append("<\(source)> \(message.params[1])") }
                    return
                }
                reply(message.params[1], now: now)
            }
        case "001":
            if let confirmed = message.params.first { nick = confirmed }
            registered = true
            registration.succeed()
        case "432", "433", "436", "437":
            if !registered {
                registration.fail(Failure(description: "\(requestedNick): the server refused the nick: \(message.params.last ?? message.verb)"))
                context.close(promise: nil)
            }
        case "ERROR":
            lastError = message.params.last ?? "ERROR"
        default:
            break
        }
    }
}
