import AduanRuntime
import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix

/// `aduan-bench irc`: the bot over a real IRC server, against an echo client on the same server.
struct IRCBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "irc",
        abstract: "Intakes per second and reply latency over a real IRC server, against an echo client as the floor.",
        discussion: """
            Starts an IRC server on 127.0.0.1 (a free port, a temporary folder, flood limits lifted for every client: \
            ngircd `MaxPenaltyTime = 0`, `MaxConnectionsIP = 0`, `MaxJoins = 0`), or uses --host/--port. Runs the real \
            bot in this process (BotRuntime on a temporary SQLite file, IRCBotService with the bot's flood control off, \
            as `aduan run --flood-interval-ms 0`), an echo client, and N scripted citizens, each on its own connection.
            Three phases, one after the other, with the same clients:
              1. echo floor: every citizen sends the intake's messages to the echo client, each when the echo of the \
            previous one is back;
              2. durable echo: the same, to an echo client that first commits each message to SQLite (plain libsqlite3, \
            WAL, synchronous=FULL, messages arriving together share a commit) and answers once it is durable: what \
            any bot pays at the least when, as Aduan does, it commits every step before its reply;
              3. bot: every citizen completes its intakes (halo, batur selatan kintamani, jalan, a description, 1, \
            tidak, ya) in private messages, each message sent when the bot's reply to the previous one is complete \
            (known from a dry run of the dialog). Every reply is checked; the database must hold one case per intake.
            By default a closed loop at full speed; --think-ms paces the citizens instead.
            Goal at 200 citizens: p99 reply latency (first line) within 2× the echo floor's p99.
            """)

    @Option(help: "The bot configuration to run.")
    var bot = "Bots/bangli.json"

    @Option(help: "Concurrent citizens, each on its own IRC connection.")
    var citizens = 200

    @Option(help: "Intakes each citizen completes, one after another.")
    var intakes = 5

    @Option(name: .customLong("think-ms"), help: ArgumentHelp(
        "Mean pause in milliseconds between a complete reply and the citizen's next message (random 0.5–1.5×; 0: a closed loop at full speed).",
        valueName: "ms"))
    var thinkMs = 0

    @Flag(name: .customLong("quick-ack"), help: """
        The citizens ACK every read at once (TCP_QUICKACK). ngircd does not set TCP_NODELAY and relays a \
        multi-line reply in several writes, so the later lines wait for the citizen's delayed ACK (~40 ms) \
        when the citizen answers at once; real clients at human pace do not hit this.
        """)
    var quickAck = false

    @Option(help: "The IRC server to start: ngircd or inspircd.")
    var server: BenchIRCServer.Kind = .ngircd

    @Option(help: "Use a running IRC server at this address instead of starting one (its flood limits must be lifted).")
    var host: String?

    @Option(help: "The port of the running server (with --host; default 6667).")
    var port: Int?

    @Option(help: "The bot's nick.")
    var nick = "aduan"

    @Option(help: "Seconds a phase may take before the run fails.")
    var timeout = 120

    @OptionGroup var output: BenchOutputOptions

    static let goalRatio = 2.0
    static let echoNick = "gema"
    static let durableEchoNick = "gemafsync"

    func validate() throws {
        guard citizens >= 1 else { throw ValidationError("--citizens must be at least 1") }
        guard intakes >= 1 else { throw ValidationError("--intakes must be at least 1") }
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1") }
        guard thinkMs >= 0 else { throw ValidationError("--think-ms must be 0 or more") }
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535") }
        if port != nil && host == nil { throw ValidationError("--port needs --host (without them the bench starts its own server)") }
    }

    func run() async throws {
        try await BenchRun.run("aduan-bench irc") { try await measure() }
    }

    private func progress(_ text: String) {
        BenchRun.progress(text)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private func measure() async throws {
        let loadAtStart = loadAverage()
        let botFile = try BotFile.load(path: bot)
        let script = try IRCIntakeScript(bot: botFile, intakes: intakes)

        var logger = Logger(label: "aduan.bench") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning

        let root = try output.workFolder(prefix: "aduan-bench-irc")
        defer { output.removeWorkFolder(root) }
        let databasePath = root.appendingPathComponent("irc-\(UUID().uuidString.prefix(8)).sqlite").path
        let durableEchoLog = try DurableEchoLog(path: root.appendingPathComponent("durable-echo-\(UUID().uuidString.prefix(8)).sqlite").path)

        // The server.
        let ircServer: BenchIRCServer?
        let address: (host: String, port: Int)
        if let host {
            ircServer = nil
            address = (host, port ?? 6667)
        } else {
            progress("starting \(server.rawValue) on 127.0.0.1…")
            let started = try BenchIRCServer.start(server)
            ircServer = started
            address = ("127.0.0.1", started.port)
        }
        let interruption = ircServer.map { server in BenchInterruption.onInterrupt { server.stop() } }
        defer {
            interruption.map(BenchInterruption.remove)
            ircServer?.stop()
        }

        // The bot.
        progress("starting the bot \(nick) on \(address.host):\(address.port)…")
        let runningBot = try await IRCBenchBot.start(bot: botFile, databasePath: databasePath, host: address.host,
                                                     port: address.port, nick: nick, logger: logger)
        var clients: [(client: BenchIRCClient, channel: any Channel)] = []
        do {
            let outcome = try await drive(script: script, bot: runningBot, server: ircServer, address: address,
                                          durableEchoLog: durableEchoLog, clients: &clients, loadAtStart: loadAtStart,
                                          botFile: botFile)
            for (client, _) in clients { _ = try? await client.quit("done").get() }
            await runningBot.stop()
            try report(outcome)
        } catch {
            for (client, _) in clients { _ = try? await client.quit("failed").get() }
            await runningBot.stop()
            throw error
        }
    }

    private func report(_ report: IRCBenchReport) throws {
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
        if !report.checks.ok { throw ExitCode.failure }
        if output.check && !report.verdict.goal_met { throw ExitCode(2) }
    }

    // MARK: - The run

    private func drive(script: IRCIntakeScript, bot runningBot: IRCBenchBot, server ircServer: BenchIRCServer?,
                       address: (host: String, port: Int), durableEchoLog: DurableEchoLog,
                       clients: inout [(client: BenchIRCClient, channel: any Channel)],
                       loadAtStart: Double?, botFile: BotFile) async throws -> IRCBenchReport {
        let group = MultiThreadedEventLoopGroup.singleton
        let batch = ircServer?.connectBatch ?? 10

        progress("connecting the echo clients and \(Format.grouped(citizens)) citizens…")
        let (echoClient, echoChannel) = try await BenchIRCClient.connect(
            host: address.host, port: address.port, nick: Self.echoNick, role: .echo, eventLoop: group.next())
        clients.append((echoClient, echoChannel))
        let (durableClient, durableChannel) = try await BenchIRCClient.connect(
            host: address.host, port: address.port, nick: Self.durableEchoNick, role: .durableEcho(durableEchoLog),
            eventLoop: group.next())
        clients.append((durableClient, durableChannel))
        var citizenClients: [BenchIRCClient] = []
        citizenClients.reserveCapacity(citizens)
        var next = 0
        while next < citizens {
            let range = next..<min(next + batch, citizens)
            let connected = try await withThrowingTaskGroup(of: (Int, BenchIRCClient, any Channel).self) { tasks in
                for index in range {
                    let loop = group.next()
                    tasks.addTask {
                        let (client, channel) = try await BenchIRCClient.connect(
                            host: address.host, port: address.port, nick: "warga\(index + 1)", role: .citizen, eventLoop: loop,
                            quickAck: quickAck)
                        return (index, client, channel)
                    }
                }
                var all: [(Int, BenchIRCClient, any Channel)] = []
                for try await item in tasks { all.append(item) }
                return all.sorted { $0.0 < $1.0 }
            }
            for (_, client, channel) in connected {
                clients.append((client, channel))
                citizenClients.append(client)
            }
            next = range.upperBound
        }
        let echoNick = echoClient.nick
        let durableNick = durableClient.nick
        let botNick = await runningBot.nick
        let phaseTimeout = TimeAmount.seconds(Int64(timeout))

        // Warm-up: one unmeasured exchange with the echo per citizen.
        progress("warm-up…")
        for target in [echoNick, durableNick] {
            let warmUp = [BenchStep(wire: BenchWire.privmsg(to: target, text: "pemanasan"), text: "pemanasan",
                                    expected: .exact(IRCIntakeScript.normalized(Array("pemanasan".utf8))), endsIntake: false,
                                    expectedLines: 1)]
            _ = try await phase(citizenClients, steps: warmUp, target: target, timeout: phaseTimeout, server: ircServer)
        }

        progress("echo floor: \(Format.grouped(citizens)) citizens × \(script.messagesPerIntake * intakes) messages to \(echoNick)…")
        let echoSteps = script.echoSteps(to: echoNick)
        let think = TimeAmount.milliseconds(Int64(thinkMs))
        let echoRun = try await phase(citizenClients, steps: echoSteps, target: echoNick, timeout: phaseTimeout, think: think,
                                      server: ircServer)

        try await Task.sleep(for: .milliseconds(200))
        progress("durable echo: \(Format.grouped(citizens)) citizens × \(script.messagesPerIntake * intakes) messages to \(durableNick)…")
        let durableRun = try await phase(citizenClients, steps: script.echoSteps(to: durableNick), target: durableNick,
                                         timeout: phaseTimeout, think: think, server: ircServer)

        try await Task.sleep(for: .milliseconds(200))
        progress("bot: \(Format.grouped(citizens)) citizens × \(intakes) intake(s) with \(botNick)…")
        let botSteps = script.steps(to: botNick)
        let botRun = try await phase(citizenClients, steps: botSteps, target: botNick, timeout: phaseTimeout, think: think,
                                     server: ircServer)

        // Checks.
        let database = runningBot.database
        let stored = try database.caseCount()
        let told = botRun.samples.tracking
        let distinct = Set(told)
        var found = 0
        for number in distinct where try database.case(tracking: number) != nil { found += 1 }
        var strays = 0
        var strayExamples: [String] = []
        for client in citizenClients {
            let counters = try await client.counters().get()
            strays += counters.strays.count
            if strayExamples.count < 5 { strayExamples += counters.strays.prefix(5 - strayExamples.count) }
        }
        let echoed = try await echoClient.counters().get().echoed
        let durableEchoed = try await durableClient.counters().get().echoed
        let durable = durableEchoLog.totals()
        let expectedCases = citizens * intakes
        let expectedEchoes = citizens * (1 + echoSteps.count)
        let checksOK = stored == expectedCases && told.count == expectedCases && distinct.count == expectedCases
            && found == expectedCases && strays == 0 && echoed == expectedEchoes && durableEchoed == expectedEchoes
            && durable.rows == expectedEchoes && durable.failure == nil
        if !checksOK {
            progress("checks failed: \(stored) cases stored, \(told.count) tracking numbers told (\(distinct.count) distinct, "
                     + "\(found) found), expected \(expectedCases); \(echoed) echoes and \(durableEchoed) durable echoes "
                     + "(\(durable.rows) committed\(durable.failure.map { ", error: \($0)" } ?? "")), expected \(expectedEchoes) each; "
                     + "\(strays) stray lines"
                     + (strayExamples.isEmpty ? "" : ":\n  " + strayExamples.joined(separator: "\n  ")))
        }

        let echoPhase = echoRun.phase(target: echoNick, intakes: expectedCases)
        let durablePhase = durableRun.phase(target: durableNick, intakes: expectedCases)
        let botPhase = botRun.phase(target: botNick, intakes: expectedCases)
        let ratioFirst = botPhase.first_line.p99_ms / echoPhase.first_line.p99_ms
        let ratioDurable = botPhase.first_line.p99_ms / durablePhase.first_line.p99_ms
        let durableOverEcho = durablePhase.first_line.p99_ms / echoPhase.first_line.p99_ms
        let ratioLast = botPhase.last_line.p99_ms / echoPhase.first_line.p99_ms
        let met = ratioFirst <= Self.goalRatio
        var line = "p99 reply latency at \(Format.grouped(citizens)) citizens: bot first line "
        line += Format.ms(botPhase.first_line.p99_ms) + " = " + String(format: "%.2f", ratioFirst)
        line += "× the echo floor " + Format.ms(echoPhase.first_line.p99_ms)
        line += " (goal ≤ " + String(format: "%.0f", Self.goalRatio) + "×): " + (met ? "ok" : "MISSED")
        line += "; last line " + Format.ms(botPhase.last_line.p99_ms) + " = " + String(format: "%.2f", ratioLast) + "×; "
        line += String(format: "%.1f", botPhase.intakes_per_second) + " intakes/s"
        line += "\nthe durable echo (echo + a synchronous=FULL commit per message) p99 " + Format.ms(durablePhase.first_line.p99_ms)
        line += " = " + String(format: "%.2f", durableOverEcho) + "× the echo floor; the bot's first line = "
        line += String(format: "%.2f", ratioDurable) + "× the durable echo"

        return IRCBenchReport(
            setup: .init(
                bot: botFile.id, dialog: botFile.dialog.dialog.id,
                server: ircServer?.kind.rawValue ?? "external", server_version: ircServer?.version ?? "IRC server",
                server_started_by_bench: ircServer != nil, address: "\(address.host):\(address.port)",
                server_limits_lifted: ircServer?.liftedLimits ?? [],
                bot_flood_control: "burst \(IRCBenchBot.flood.burst), interval 0 (unlimited; aduan run --flood-interval-ms 0)",
                citizens: citizens, intakes_per_citizen: intakes, think_ms: thinkMs, citizens_quick_ack: quickAck, messages_per_intake: script.messagesPerIntake,
                reply_lines_per_intake: script.linesPerIntake,
                cpus: ProcessInfo.processInfo.activeProcessorCount, load_average_at_start: loadAtStart),
            echo: echoPhase, durable_echo: durablePhase, bot: botPhase,
            checks: .init(cases_in_database: stored, tracking_numbers_told: told.count, tracking_numbers_distinct: distinct.count,
                          tracking_numbers_found_in_database: found, echo_messages_answered: echoed,
                          durable_echo_messages_answered: durableEchoed, durable_echo_rows_committed: durable.rows,
                          durable_echo_transactions: durable.transactions, stray_lines: strays, ok: checksOK),
            verdict: .init(p99_ratio_first_line: ratioFirst, p99_ratio_last_line: ratioLast, goal_ratio: Self.goalRatio,
                           goal_met: met, p99_durable_echo_to_echo: durableOverEcho,
                           p99_ratio_first_line_to_durable_echo: ratioDurable, line: line))
    }

    /// What one phase measured, all citizens together.
    struct PhaseRun {
        var samples = ExchangeSamples()
        var seconds = 0.0
        var cpu = IRCBenchReport.CPU(bench_process_cores: 0)

        func phase(target: String, intakes: Int) -> IRCBenchReport.Phase {
            let messages = samples.first.count
            return IRCBenchReport.Phase(
                target: target, messages: messages, intakes: intakes, reply_lines: samples.lines, seconds: seconds,
                messages_per_second: Double(messages) / seconds, intakes_per_second: Double(intakes) / seconds,
                first_line: Latencies(samples.first).summary, last_line: Latencies(samples.last).summary,
                intake_duration: Latencies(samples.intakes).summary, cpu: cpu)
        }
    }

    /// Every citizen runs `steps` against `target` at once; returns when all are done.
    private func phase(_ clients: [BenchIRCClient], steps: [BenchStep], target: String, timeout: TimeAmount,
                       think: TimeAmount = .zero, server: BenchIRCServer?) async throws -> PhaseRun {
        let own0 = processCPUSeconds(), server0 = server?.cpuSeconds, machine0 = machineBusyCPUSeconds()
        let start = BenchClock.now()
        // The same seeds in both phases: the same pauses for the echo and the bot.
        let futures = clients.enumerated().map { index, client in
            client.start(steps: steps, target: target, timeout: timeout, think: think, seed: UInt64(index) &* 0x9E37_79B9 &+ 7)
        }
        var run = PhaseRun()
        var failures: [String] = []
        for future in futures {
            do {
                let samples = try await future.get()
                run.samples.first += samples.first
                run.samples.last += samples.last
                run.samples.intakes += samples.intakes
                run.samples.tracking += samples.tracking
                run.samples.lines += samples.lines
                run.samples.finished = max(run.samples.finished, samples.finished)
            } catch {
                failures.append("\(error)")
            }
        }
        let end = max(run.samples.finished, start + 1)
        let own = processCPUSeconds() - own0
        let serverCPU = server?.cpuSeconds.flatMap { s1 in server0.map { s1 - $0 } }
        let others = machineBusyCPUSeconds().flatMap { m1 in machine0.map { m1 - $0 - own - (serverCPU ?? 0) } }
        guard failures.isEmpty else {
            throw Failure(description: "\(failures.count) of \(clients.count) citizens failed talking to \(target); the first:\n"
                          + failures.prefix(3).joined(separator: "\n\n"))
        }
        run.seconds = Double(end - start) / 1e9
        let wall = Double(BenchClock.now() - start) / 1e9
        run.cpu = IRCBenchReport.CPU(bench_process_cores: own / wall, server_cores: serverCPU.map { $0 / wall },
                                     other_processes_cores: others.map { max($0, 0) / wall })
        return run
    }
}
