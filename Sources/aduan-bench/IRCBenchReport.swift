import Foundation

/// The figures of one `aduan-bench irc` run, as printed and as `--json`.
struct IRCBenchReport: Sendable, Codable {
    struct Setup: Sendable, Codable {
        var bot: String
        var dialog: String
        var server: String
        var server_version: String
        var server_started_by_bench: Bool
        var address: String
        /// The config lines that lift the server's flood limits (when the bench started it).
        var server_limits_lifted: [String]
        var bot_flood_control: String
        var citizens: Int
        var intakes_per_citizen: Int
        /// Mean pause before each message (0: closed loop at full speed).
        var think_ms: Int
        /// Whether the citizens ACK every read at once (TCP_QUICKACK).
        var citizens_quick_ack: Bool
        var messages_per_intake: Int
        var reply_lines_per_intake: Int
        var cpus: Int
        var load_average_at_start: Double?
    }

    struct CPU: Sendable, Codable {
        /// This process (the bot, the citizens and the echo client together), in cores.
        var bench_process_cores: Double
        /// The IRC server, in cores (nil when not started by the benchmark).
        var server_cores: Double?
        /// Everything else on the machine, in cores.
        var other_processes_cores: Double?
    }

    struct Phase: Sendable, Codable {
        var target: String
        var messages: Int
        /// Intakes completed (the echo: the same sequences of messages).
        var intakes: Int
        var reply_lines: Int
        var seconds: Double
        var messages_per_second: Double
        var intakes_per_second: Double
        /// Send → first line of the reply.
        var first_line: LatencySummary
        /// Send → the line that completes the reply (the same as first_line for the echo).
        var last_line: LatencySummary
        /// First message of an intake → end of the filing confirmation.
        var intake_duration: LatencySummary
        var cpu: CPU
    }

    struct Checks: Sendable, Codable {
        var cases_in_database: Int
        var tracking_numbers_told: Int
        var tracking_numbers_distinct: Int
        var tracking_numbers_found_in_database: Int
        var echo_messages_answered: Int
        var durable_echo_messages_answered: Int
        /// Rows in the durable echo's database (one per message; must equal the answers).
        var durable_echo_rows_committed: Int
        /// Transactions that held them (fewer than the rows when messages shared a commit).
        var durable_echo_transactions: Int
        var stray_lines: Int
        var ok: Bool
    }

    struct Verdict: Sendable, Codable {
        /// p99 of the bot's first reply line / p99 of the echo.
        var p99_ratio_first_line: Double
        /// p99 of the bot's last reply line / p99 of the echo.
        var p99_ratio_last_line: Double
        var goal_ratio: Double
        var goal_met: Bool
        /// p99 of the durable echo / p99 of the echo: what one durable commit per message costs.
        var p99_durable_echo_to_echo: Double
        /// p99 of the bot's first reply line / p99 of the durable echo.
        var p99_ratio_first_line_to_durable_echo: Double
        var line: String
    }

    var setup: Setup
    var echo: Phase
    /// The echo that commits each message durably before it answers.
    var durable_echo: Phase
    var bot: Phase
    var checks: Checks
    var verdict: Verdict
}

extension IRCBenchReport {
    var text: String {
        var lines: [String] = []
        let s = setup
        lines.append("aduan-bench irc: bot \(s.bot), dialog \(s.dialog), \(s.server_version) on \(s.address)"
                     + (s.server_started_by_bench ? " (started by the bench)" : " (external)")
                     + ", \(s.cpus) CPUs"
                     + (s.load_average_at_start.map { String(format: " (load average %.2f at start)", $0) } ?? ""))
        if !s.server_limits_lifted.isEmpty {
            lines.append("server limits lifted: " + s.server_limits_lifted.joined(separator: "; "))
        }
        lines.append("bot flood control: \(s.bot_flood_control)")
        lines.append("workload: \(Format.grouped(s.citizens)) citizens, each its own connection, × \(s.intakes_per_citizen) intake(s) "
                     + "of \(s.messages_per_intake) messages (\(s.reply_lines_per_intake) reply lines from the bot per intake); "
                     + (s.think_ms == 0 ? "each message sent as soon as the reply to the previous one is complete (closed loop); "
                        : "each message sent a pause of 0.5–1.5 × \(s.think_ms) ms after the reply to the previous one is complete; ")
                     + (s.citizens_quick_ack ? "citizens ACK every read at once (TCP_QUICKACK); " : "")
                     + "the echo floor: the same clients send the same messages to a client that answers each with one line; "
                     + "the durable echo: to one that answers once the message is committed with synchronous=FULL")
        lines.append("")
        var rows: [[String]] = [["", "messages", "time", "msgs/s", "intakes/s*", "latency", "p50", "p90", "p99", "max",
                                 "bench cores", "server cores", "others"]]
        func add(_ name: String, _ p: Phase, _ what: String, _ l: LatencySummary, figures: Bool) {
            rows.append([figures ? name : "", figures ? Format.grouped(p.messages) : "", figures ? Format.seconds(p.seconds) : "",
                         figures ? Format.count(p.messages_per_second) : "",
                         figures ? String(format: "%.1f", p.intakes_per_second) : "", what,
                         Format.ms(l.p50_ms), Format.ms(l.p90_ms), Format.ms(l.p99_ms), Format.ms(l.max_ms),
                         figures ? String(format: "%.2f", p.cpu.bench_process_cores) : "",
                         figures ? Format.cores(p.cpu.server_cores) : "",
                         figures ? Format.cores(p.cpu.other_processes_cores) : ""])
        }
        add("echo floor", echo, "reply", echo.first_line, figures: true)
        add("durable echo", durable_echo, "reply", durable_echo.first_line, figures: true)
        add("bot", bot, "first line", bot.first_line, figures: true)
        add("", bot, "last line", bot.last_line, figures: false)
        add("", bot, "whole intake", bot.intake_duration, figures: false)
        lines.append(Format.table(rows))
        lines.append("")
        lines.append("latency: from writing a message to reading the first line of the reply (first line), or the line that "
                     + "completes it (last line, known from a dry run of the dialog); whole intake: from the first message to "
                     + "the end of the filing confirmation" + (s.think_ms > 0 ? " (pauses included)" : "")
                     + ". *echo: the same 7-message sequences. bench cores: this process (bot, citizens and echo clients together); "
                     + "others: the rest of the machine (the figures are only trustworthy when near 0).")
        let c = checks
        lines.append("checks: \(c.cases_in_database) cases in the database, \(c.tracking_numbers_distinct) distinct tracking "
                     + "numbers told to the citizens, \(c.tracking_numbers_found_in_database) found in the database; "
                     + "\(c.echo_messages_answered) echo messages answered; \(c.durable_echo_messages_answered) durable echoes, "
                     + "\(c.durable_echo_rows_committed) rows committed in \(c.durable_echo_transactions) transactions; "
                     + "\(c.stray_lines) stray lines: "
                     + (c.ok ? "ok" : "FAILED"))
        lines.append("")
        lines.append(verdict.line)
        return lines.joined(separator: "\n")
    }
}
