import AduanCore
import AduanRuntime
import Foundation

/// Synthetic citizens talking to a ``BotRuntime`` on a real database file: each step is a
/// message in, the bot's replies out and the conversation committed (`handle` returns only after
/// the commit). Every reply is checked against the script, so a broken dialog or runtime cannot
/// pass for a fast one.
struct DialogLoad: Sendable {
    /// Each citizen's intakes, in order.
    let scripts: [[IntakeScript]]
    let trackingPrefix: String
    let transport = "bench"

    var citizens: Int { scripts.count }
    var totalSteps: Int { scripts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.steps.count } } }
    var totalIntakes: Int { scripts.reduce(0) { $0 + $1.count } }

    static func sender(_ citizen: Int) -> String { "warga\(citizen)" }

    /// What one phase measured.
    struct Outcome: Sendable {
        var steps = 0
        var elapsed = Duration.zero
        /// From the message's send (closed loop) or scheduled arrival (open loop) to the reply.
        var latencies = Latencies([])
        /// Open loop: from the actual send to the reply.
        var service = Latencies([])
        /// Open loop: how late each message was sent after its scheduled arrival.
        var sendLag = Latencies([])
        /// Open loop: latency from arrival of the messages after the first round (the first
        /// message of every conversation), when all conversations are under way.
        var afterFirstRound = Latencies([])
        var casesFiled = 0
        var trackingNumbers = 0
        var announcements = 0
        var transactions = 0
        /// CPU time of the whole process (user + system) during the phase.
        var cpuSeconds = 0.0
        var rate: Double { Double(steps) / elapsed.seconds }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What one citizen task brings back.
    private struct CitizenResult: Sendable {
        var latencies: [Int64] = []
        var service: [Int64] = []
        var lags: [Int64] = []
        var afterFirstRound: [Int64] = []
        var filed = 0
        var announcements = 0
        var tracking: [String] = []
        var finished: ContinuousClock.Instant?
    }

    // MARK: - Closed loop

    /// Every citizen sends its next message as soon as the previous reply is back.
    func closedLoop(runtime: BotRuntime) async throws -> Outcome {
        let clock = ContinuousClock()
        let transactionsBefore = runtime.database.committedTransactionCount
        let cpuBefore = processCPUSeconds()
        let start = clock.now
        let results = try await withThrowingTaskGroup(of: CitizenResult.self) { group in
            for citizen in 0..<citizens {
                group.addTask {
                    var result = CitizenResult()
                    result.latencies.reserveCapacity(scripts[citizen].reduce(0) { $0 + $1.steps.count })
                    for (intake, script) in scripts[citizen].enumerated() {
                        for (index, step) in script.steps.enumerated() {
                            let t0 = clock.now
                            let outbound = try await runtime.handle(
                                InboundMessage(transport: transport, sender: Self.sender(citizen), text: step.text))
                            result.latencies.append((clock.now - t0).nanoseconds)
                            try check(outbound, step, citizen: citizen, intake: intake, index: index, into: &result)
                        }
                    }
                    result.finished = clock.now
                    return result
                }
            }
            var all: [CitizenResult] = []
            all.reserveCapacity(citizens)
            for try await result in group { all.append(result) }
            return all
        }
        let end = results.compactMap(\.finished).max() ?? clock.now
        var outcome = try outcome(results, elapsed: end - start, runtime: runtime, transactionsBefore: transactionsBefore)
        outcome.cpuSeconds = processCPUSeconds() - cpuBefore
        return outcome
    }

    // MARK: - Open loop

    /// Messages arrive at `rate` per second in all, on a global arrival clock: arrival k is due
    /// at start + k/rate, and the arrivals are dealt out to the citizens in turn (each citizen's
    /// next message comes N arrivals after its previous one). A citizen sends a message at its
    /// scheduled time, or, if the reply to its previous message is still outstanding, as soon as
    /// that reply is back; latency is measured from the scheduled arrival, so a backlog shows up
    /// in it (no coordinated omission).
    ///
    /// The arrivals are released by one ``ArrivalPacer`` thread rather than by each citizen task
    /// sleeping: on Linux a `Task.sleep` costs about 55 µs of CPU (a dispatch timer per sleep),
    /// which at 20,000 messages/s would take a whole core from the bot being measured.
    func openLoop(runtime: BotRuntime, rate: Double) async throws -> Outcome {
        // The arrival index of each citizen's messages, round-robin over the citizens still talking.
        let flat = scripts.map { $0.flatMap(\.steps) }
        var arrivals = flat.map { [Int](repeating: 0, count: $0.count) }
        var order: [Int] = []
        let longest = flat.map(\.count).max() ?? 0
        for position in 0..<longest {
            for citizen in 0..<citizens where position < flat[citizen].count {
                arrivals[citizen][position] = order.count
                order.append(citizen)
            }
        }
        let schedule = arrivals
        let interval = 1e9 / rate
        let clock = ContinuousClock()
        let transactionsBefore = runtime.database.committedTransactionCount
        let cpuBefore = processCPUSeconds()
        let start = clock.now.advanced(by: .milliseconds(50))
        let pacer = ArrivalPacer(citizens: citizens)
        pacer.start(order: order, start: start, interval: interval)
        let results = try await withThrowingTaskGroup(of: CitizenResult.self) { group in
            for citizen in 0..<citizens {
                group.addTask {
                    var result = CitizenResult()
                    var position = 0
                    for (intake, script) in scripts[citizen].enumerated() {
                        for (index, step) in script.steps.enumerated() {
                            let arrival = schedule[citizen][position]
                            let due = start.advanced(by: .nanoseconds(Int64(Double(arrival) * interval)))
                            await pacer.wait(citizen: citizen, message: position)
                            position += 1
                            let sent = clock.now
                            let outbound = try await runtime.handle(
                                InboundMessage(transport: transport, sender: Self.sender(citizen), text: step.text))
                            let done = clock.now
                            result.latencies.append((done - due).nanoseconds)
                            if arrival >= citizens { result.afterFirstRound.append((done - due).nanoseconds) }
                            result.service.append((done - sent).nanoseconds)
                            result.lags.append((sent - due).nanoseconds)
                            try check(outbound, step, citizen: citizen, intake: intake, index: index, into: &result)
                        }
                    }
                    result.finished = clock.now
                    return result
                }
            }
            var all: [CitizenResult] = []
            all.reserveCapacity(citizens)
            do {
                for try await result in group { all.append(result) }
            } catch {
                pacer.stop()
                throw error
            }
            return all
        }
        let end = results.compactMap(\.finished).max() ?? clock.now
        var outcome = try outcome(results, elapsed: end - start, runtime: runtime, transactionsBefore: transactionsBefore)
        outcome.service = Latencies(results.flatMap(\.service))
        outcome.sendLag = Latencies(results.flatMap(\.lags))
        outcome.afterFirstRound = Latencies(results.flatMap(\.afterFirstRound))
        outcome.cpuSeconds = processCPUSeconds() - cpuBefore
        return outcome
    }

    // MARK: - Checks

    /// Checks the replies of one step against the script.
    private func check(_ outbound: [OutboundMessage], _ step: ScriptStep, citizen: Int, intake: Int, index: Int,
                       into result: inout CitizenResult) throws {
        let sender = Self.sender(citizen)
        var replies: [String] = []
        for message in outbound {
            switch message.destination {
            case .user(let to) where to == sender: replies.append(message.text)
            case .user(let to):
                throw failure("a reply went to \(to)", outbound, step, citizen: citizen, intake: intake, index: index)
            case .channel: result.announcements += 1
            }
        }
        switch step.expected {
        case .replies(let expected):
            guard replies == expected else {
                throw failure("the replies differ from the dialog's", outbound, step, citizen: citizen, intake: intake,
                              index: index, expected: expected)
            }
        case .filing(let count, let firstLine):
            let tracking = replies.lazy.compactMap { Self.trackingNumber(in: $0, prefix: trackingPrefix) }.first
            guard replies.count == count, replies.first.map({ $0.hasPrefix(firstLine) }) ?? firstLine.isEmpty,
                  let tracking else {
                throw failure("no case confirmation with a tracking number", outbound, step, citizen: citizen,
                              intake: intake, index: index, expected: [firstLine + " … \(trackingPrefix)-XXX-XXX …"])
            }
            result.filed += 1
            result.tracking.append(tracking)
        }
    }

    private func failure(_ what: String, _ outbound: [OutboundMessage], _ step: ScriptStep, citizen: Int, intake: Int,
                         index: Int, expected: [String] = []) -> Failure {
        var text = "citizen \(Self.sender(citizen)), intake \(intake + 1), message \(index + 1) \"\(step.text)\": \(what)\n"
        if !expected.isEmpty {
            text += "expected:\n" + expected.map { "  < " + $0.replacingOccurrences(of: "\n", with: "\n    ") }.joined(separator: "\n") + "\n"
        }
        text += "got:\n" + outbound.map { "  \($0.destination) < " + $0.text.replacingOccurrences(of: "\n", with: "\n    ") }
            .joined(separator: "\n")
        return Failure(description: text)
    }

    /// The first `PREFIX-XXX-XXX` in `text`, or nil.
    static func trackingNumber(in text: String, prefix: String) -> String? {
        let alphabet = Set(TrackingNumber.alphabet)
        var rest = text[...]
        while let range = rest.range(of: prefix + "-") {
            let tail = Array(rest[range.upperBound...].prefix(7))
            if tail.count == 7, tail[3] == "-", tail.enumerated().allSatisfy({ $0.offset == 3 || alphabet.contains($0.element) }) {
                return prefix + "-" + String(tail)
            }
            rest = rest[range.upperBound...]
        }
        return nil
    }

    /// Adds up the citizens' results and checks the database holds exactly the cases filed.
    private func outcome(_ results: [CitizenResult], elapsed: Duration, runtime: BotRuntime,
                         transactionsBefore: Int) throws -> Outcome {
        var outcome = Outcome()
        outcome.elapsed = elapsed
        let latencies = results.flatMap(\.latencies)
        outcome.steps = latencies.count
        outcome.latencies = Latencies(latencies)
        outcome.casesFiled = results.reduce(0) { $0 + $1.filed }
        outcome.announcements = results.reduce(0) { $0 + $1.announcements }
        outcome.trackingNumbers = Set(results.flatMap(\.tracking)).count
        outcome.transactions = runtime.database.committedTransactionCount - transactionsBefore
        let stored = try runtime.database.caseCount()
        guard outcome.steps == totalSteps else {
            throw Failure(description: "\(outcome.steps) steps ran, expected \(totalSteps)")
        }
        guard outcome.casesFiled == totalIntakes, stored == totalIntakes, outcome.trackingNumbers == totalIntakes else {
            throw Failure(description: "expected \(totalIntakes) cases; the citizens were told of \(outcome.casesFiled) "
                          + "(\(outcome.trackingNumbers) distinct tracking numbers) and the database holds \(stored)")
        }
        return outcome
    }
}
