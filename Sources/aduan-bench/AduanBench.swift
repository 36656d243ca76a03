import AduanCore
import AduanDialog
import AduanRuntime
import AduanStore
import ArgumentParser
import Foundation
import GRDBSQLite
import Logging

/// Measures durable dialog steps per second and step latency through the runtime and the SQLite
/// store, against plain libsqlite3 committing one row per transaction on the same disk.
///
/// `aduan-bench steps`, the default subcommand of ``AduanBenchCommand``: `aduan-bench` with no
/// subcommand runs it, options and all.
struct AduanBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steps",
        abstract: "Durable dialog steps per second and step latency, against raw SQLite commits.",
        discussion: """
            Synthetic citizens (distinct senders) each complete the intake of the bot's dialog through \
            BotRuntime.handle and an AduanDatabase on a temporary file (WAL, synchronous=FULL); every reply \
            is checked against a dry run of the same dialog, and the database must hold exactly one case \
            per intake. Three phases:
              1. raw baseline: plain libsqlite3, one ~300-byte INSERT per transaction, one at a time;
              2. closed loop: every citizen sends its next message as soon as the reply is back;
              3. open loop: messages arrive at a fixed total rate (default 3× the raw rate), latency \
            measured from the scheduled arrival.
            Goals at 1,000 concurrent conversations: closed-loop steps/s ≥ 3× raw rows/s; open-loop p99 < 10 ms.
            """)

    @Option(help: "The bot configuration to run.")
    var bot = "Bots/bangli.json"

    @Option(help: "Concurrent citizens (conversations).")
    var citizens = 1_000

    @Option(help: "Intakes each citizen completes, one after another.")
    var intakes = 1

    @Option(help: "Open-loop arrival rate in messages per second (default: 3× the raw baseline measured in this run).")
    var rate: Double?

    @Option(help: "Rows for the raw baseline (default: the number of steps of the closed loop).")
    var baselineRows: Int?

    @Option(help: "Bytes per raw baseline row.")
    var rowBytes = 300

    @OptionGroup var output: BenchOutputOptions

    static let throughputGoal = 3.0
    static let p99GoalMs = 10.0

    func validate() throws {
        guard citizens >= 1 else { throw ValidationError("--citizens must be at least 1") }
        guard intakes >= 1 else { throw ValidationError("--intakes must be at least 1") }
        if let rate, !(rate > 0) { throw ValidationError("--rate must be positive") }
        if let baselineRows, baselineRows < 1 { throw ValidationError("--baseline-rows must be at least 1") }
        guard rowBytes >= 32 else { throw ValidationError("--row-bytes must be at least 32") }
    }

    func run() async throws {
        try await BenchRun.run("aduan-bench") { try await measure() }
    }

    private func progress(_ text: String) {
        BenchRun.progress(text)
    }

    private func measure() async throws {
        let loadAtStart = loadAverage()
        let botFile = try BotFile.load(path: bot)
        let engine = DialogEngine(dialog: botFile.dialog.dialog, catalog: botFile.catalog)

        // Scripts: a dry run of the dialog for each persona. A citizen's language carries over
        // from one intake to the next, so each citizen's intakes are planned in order.
        let planner = IntakePlanner(engine: engine)
        var scripts: [[IntakeScript]] = []
        scripts.reserveCapacity(citizens)
        for citizen in 0..<citizens {
            var language: String?
            var intakeScripts: [IntakeScript] = []
            for intake in 0..<intakes {
                let persona = Persona.make(citizen: citizen, intake: intake, catalog: botFile.catalog)
                do {
                    let script = try planner.plan(persona, language: language)
                    language = script.language
                    intakeScripts.append(script)
                } catch {
                    throw IntakePlanner.PlanError(
                        description: "the intake script does not fit the dialog \(botFile.dialog.path) (citizen \(citizen), "
                            + "intake \(intake + 1), location \"\(persona.locationText)\"): \(error)")
                }
            }
            scripts.append(intakeScripts)
        }
        let load = DialogLoad(scripts: scripts, trackingPrefix: botFile.configuration.trackingPrefix)
        let lengths = scripts.flatMap { $0.map(\.steps.count) }
        let stateBytes = scripts.flatMap { $0.flatMap(\.stateBytes) }

        let root = try output.workFolder(prefix: "aduan-bench")
        defer { output.removeWorkFolder(root) }
        let stamp = UUID().uuidString.prefix(8)
        let rawPath = root.appendingPathComponent("raw-\(stamp).sqlite").path
        let closedPath = root.appendingPathComponent("closed-\(stamp).sqlite").path
        let openPath = root.appendingPathComponent("open-\(stamp).sqlite").path

        var logger = Logger(label: "aduan.bench") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning

        // 1. Raw baseline.
        let rows = baselineRows ?? load.totalSteps
        progress("raw baseline: \(Format.grouped(rows)) single-row transactions…")
        let (raw, rawCPU) = try await CPUUse.measure { try RawBaseline.run(rows: rows, rowBytes: rowBytes, path: rawPath) }

        // 2. Closed loop.
        progress("closed loop: \(Format.grouped(citizens)) citizens, \(Format.grouped(load.totalSteps)) steps…")
        let closed: DialogLoad.Outcome, closedCPU: CPUUse
        do {
            let database = try AduanDatabase(path: closedPath)
            let runtime = try BotRuntime(bot: botFile, database: database, logger: logger)
            (closed, closedCPU) = try await CPUUse.measure { try await load.closedLoop(runtime: runtime) }
            try database.close()
        }

        // 3. Open loop.
        let offered = rate ?? Self.throughputGoal * raw.rate
        progress("open loop: \(Format.count(offered)) messages/s offered…")
        let open: DialogLoad.Outcome, openCPU: CPUUse
        do {
            let database = try AduanDatabase(path: openPath)
            let runtime = try BotRuntime(bot: botFile, database: database, logger: logger)
            (open, openCPU) = try await CPUUse.measure { try await load.openLoop(runtime: runtime, rate: offered) }
            try database.close()
        }

        let ratio = closed.rate / raw.rate
        let throughputOK = ratio >= Self.throughputGoal
        let keptUp = open.rate >= 0.95 * offered
        let latencyOK = open.latencies.p99 < Self.p99GoalMs && keptUp
        var line = "throughput \(Format.count(closed.rate)) steps/s = " + String(format: "%.1f", ratio)
            + "× raw \(Format.count(raw.rate)) rows/s (goal ≥ " + String(format: "%.0f", Self.throughputGoal) + "×): "
            + (throughputOK ? "ok" : "MISSED")
        line += "; p99 at \(Format.count(offered))/s offered = " + Format.ms(open.latencies.p99)
            + " (goal < " + String(format: "%.0f", Self.p99GoalMs) + " ms): " + (latencyOK ? "ok" : "MISSED")
        if !keptUp {
            line += " (achieved only \(Format.count(open.rate))/s)"
        }

        let report = Report(
            setup: .init(
                bot: botFile.id, dialog: botFile.dialog.dialog.id, dialog_revision: botFile.dialog.revision,
                citizens: citizens, intakes_per_citizen: intakes,
                messages_per_intake_mean: Double(lengths.reduce(0, +)) / Double(max(lengths.count, 1)),
                messages_per_intake_min: lengths.min() ?? 0, messages_per_intake_max: lengths.max() ?? 0,
                places_resolved_as_meant: scripts.flatMap { $0 }.filter(\.placeAsMeant).count,
                state_json_bytes_mean: Double(stateBytes.reduce(0, +)) / Double(max(stateBytes.count, 1)),
                sqlite_version: String(cString: sqlite3_libversion()),
                cpus: ProcessInfo.processInfo.activeProcessorCount, load_average_at_start: loadAtStart,
                directory: root.path),
            raw: .init(rows: raw.rows, row_bytes: rowBytes, seconds: raw.elapsed.seconds, rows_per_second: raw.rate,
                       cpu_us_per_row: raw.cpuSeconds / Double(raw.rows) * 1e6,
                       other_processes_cores: rawCPU.others.map { $0 / raw.elapsed.seconds }, commit_latency: raw.latencies.summary),
            closed_loop: .init(
                steps: closed.steps, seconds: closed.elapsed.seconds, steps_per_second: closed.rate,
                cases_filed: closed.casesFiled, transactions: closed.transactions,
                steps_per_transaction: Double(closed.steps) / Double(max(closed.transactions, 1)),
                cpu_us_per_step: closed.cpuSeconds / Double(closed.steps) * 1e6,
                cpu_busy_cores: closed.cpuSeconds / closed.elapsed.seconds,
                other_processes_cores: closedCPU.others.map { $0 / closed.elapsed.seconds },
                latency: closed.latencies.summary),
            open_loop: .init(
                offered_per_second: offered, steps: open.steps, seconds: open.elapsed.seconds,
                achieved_per_second: open.rate, cases_filed: open.casesFiled, transactions: open.transactions,
                steps_per_transaction: Double(open.steps) / Double(max(open.transactions, 1)),
                cpu_us_per_step: open.cpuSeconds / Double(open.steps) * 1e6,
                cpu_busy_cores: open.cpuSeconds / open.elapsed.seconds,
                other_processes_cores: openCPU.others.map { $0 / open.elapsed.seconds },
                latency_from_arrival: open.latencies.summary, service_time: open.service.summary,
                send_lag: open.sendLag.summary, latency_after_first_round: open.afterFirstRound.summary),
            verdict: .init(
                throughput_ratio: ratio, throughput_goal: Self.throughputGoal, throughput_ok: throughputOK,
                open_p99_ms: open.latencies.p99, open_p99_goal_ms: Self.p99GoalMs, open_kept_up: keptUp,
                latency_ok: latencyOK, line: line))

        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
        if output.check && !(throughputOK && latencyOK) {
            throw ExitCode(2)
        }
    }
}
