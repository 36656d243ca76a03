import Foundation

/// The figures of one run, as printed and as `--json`.
struct Report: Sendable, Codable {
    struct Setup: Sendable, Codable {
        var bot: String
        var dialog: String
        var dialog_revision: String
        var citizens: Int
        var intakes_per_citizen: Int
        var messages_per_intake_mean: Double
        var messages_per_intake_min: Int
        var messages_per_intake_max: Int
        var places_resolved_as_meant: Int
        var state_json_bytes_mean: Double
        var sqlite_version: String
        var cpus: Int
        var load_average_at_start: Double?
        var directory: String
    }

    struct Raw: Sendable, Codable {
        var rows: Int
        var row_bytes: Int
        var seconds: Double
        var rows_per_second: Double
        var cpu_us_per_row: Double
        var other_processes_cores: Double?
        var commit_latency: LatencySummary
    }

    struct Closed: Sendable, Codable {
        var steps: Int
        var seconds: Double
        var steps_per_second: Double
        var cases_filed: Int
        var transactions: Int
        var steps_per_transaction: Double
        var cpu_us_per_step: Double
        var cpu_busy_cores: Double
        var other_processes_cores: Double?
        var latency: LatencySummary
    }

    struct Open: Sendable, Codable {
        var offered_per_second: Double
        var steps: Int
        var seconds: Double
        var achieved_per_second: Double
        var cases_filed: Int
        var transactions: Int
        var steps_per_transaction: Double
        var cpu_us_per_step: Double
        var cpu_busy_cores: Double
        var other_processes_cores: Double?
        var latency_from_arrival: LatencySummary
        var service_time: LatencySummary
        var send_lag: LatencySummary
        var latency_after_first_round: LatencySummary
    }

    struct Verdict: Sendable, Codable {
        var throughput_ratio: Double
        var throughput_goal: Double
        var throughput_ok: Bool
        var open_p99_ms: Double
        var open_p99_goal_ms: Double
        var open_kept_up: Bool
        var latency_ok: Bool
        var line: String
    }

    var setup: Setup
    var raw: Raw
    var closed_loop: Closed
    var open_loop: Open
    var verdict: Verdict
}

enum Format {
    /// 24000.4 → "24,000".
    static func count(_ value: Double) -> String {
        grouped(Int(value.rounded()))
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// Milliseconds with a sensible number of decimals.
    static func ms(_ value: Double) -> String {
        if value >= 100 { return String(format: "%.0f ms", value) }
        if value >= 10 { return String(format: "%.1f ms", value) }
        return String(format: "%.2f ms", value)
    }

    /// Microseconds, e.g. "92 µs".
    static func us(_ value: Double) -> String {
        String(format: "%.0f µs", value)
    }

    /// Cores, e.g. "0.35", or "?" when unknown.
    static func cores(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "?"
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value)
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let n = text.count
        guard n < width else { return text }
        let fill = String(repeating: " ", count: width - n)
        return right ? fill + text : text + fill
    }

    /// A table with a header, left-aligned first column, right-aligned others.
    static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in pad(cell, widths[i], right: i > 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension Report {
    /// The human-readable form.
    var text: String {
        var lines: [String] = []
        let s = setup
        lines.append("aduan-bench: bot \(s.bot), dialog \(s.dialog) (\(s.dialog_revision.prefix(19))…), "
                     + "SQLite \(s.sqlite_version), \(s.cpus) CPUs"
                     + (s.load_average_at_start.map { String(format: " (load average %.2f at start)", $0) } ?? "")
                     + ", files in \(s.directory)")
        lines.append("workload: \(Format.grouped(s.citizens)) citizens × \(s.intakes_per_citizen) intake(s); "
                     + String(format: "%.2f", s.messages_per_intake_mean)
                     + " messages per intake (\(s.messages_per_intake_min)–\(s.messages_per_intake_max)); "
                     + "conversation state \(Format.count(s.state_json_bytes_mean)) bytes of JSON on average; "
                     + "\(s.places_resolved_as_meant)/\(s.citizens * s.intakes_per_citizen) typed places resolved as meant")
        lines.append("")
        let c = closed_loop, o = open_loop
        var rows: [[String]] = [["phase", "steps", "time", "rate/s", "p50", "p90", "p99", "max", "commits", "steps/commit", "CPU/step", "cores busy", "others"]]
        rows.append(["raw sqlite3, 1 row per transaction", Format.grouped(raw.rows), Format.seconds(raw.seconds),
                     Format.count(raw.rows_per_second), Format.ms(raw.commit_latency.p50_ms),
                     Format.ms(raw.commit_latency.p90_ms), Format.ms(raw.commit_latency.p99_ms),
                     Format.ms(raw.commit_latency.max_ms), Format.grouped(raw.rows), "1",
                     Format.us(raw.cpu_us_per_row), "", Format.cores(raw.other_processes_cores)])
        rows.append(["closed loop, \(Format.grouped(s.citizens)) in flight", Format.grouped(c.steps),
                     Format.seconds(c.seconds), Format.count(c.steps_per_second), Format.ms(c.latency.p50_ms),
                     Format.ms(c.latency.p90_ms), Format.ms(c.latency.p99_ms), Format.ms(c.latency.max_ms),
                     Format.grouped(c.transactions), String(format: "%.1f", c.steps_per_transaction),
                     Format.us(c.cpu_us_per_step), String(format: "%.2f", c.cpu_busy_cores),
                     Format.cores(c.other_processes_cores)])
        rows.append(["open loop at \(Format.count(o.offered_per_second))/s offered", Format.grouped(o.steps),
                     Format.seconds(o.seconds), Format.count(o.achieved_per_second),
                     Format.ms(o.latency_from_arrival.p50_ms), Format.ms(o.latency_from_arrival.p90_ms),
                     Format.ms(o.latency_from_arrival.p99_ms), Format.ms(o.latency_from_arrival.max_ms),
                     Format.grouped(o.transactions), String(format: "%.1f", o.steps_per_transaction),
                     Format.us(o.cpu_us_per_step), String(format: "%.2f", o.cpu_busy_cores),
                     Format.cores(o.other_processes_cores)])
        rows.append(["  after the first round (\(Format.grouped(s.citizens)) openings)", "", "", "",
                     Format.ms(o.latency_after_first_round.p50_ms), Format.ms(o.latency_after_first_round.p90_ms),
                     Format.ms(o.latency_after_first_round.p99_ms), Format.ms(o.latency_after_first_round.max_ms),
                     "", "", "", "", ""])
        rows.append(["  of which service (send → reply)", "", "", "", Format.ms(o.service_time.p50_ms),
                     Format.ms(o.service_time.p90_ms), Format.ms(o.service_time.p99_ms), Format.ms(o.service_time.max_ms),
                     "", "", "", "", ""])
        rows.append(["  of which send lag (arrival → send)", "", "", "", Format.ms(o.send_lag.p50_ms),
                     Format.ms(o.send_lag.p90_ms), Format.ms(o.send_lag.p99_ms), Format.ms(o.send_lag.max_ms), "", "", "", "", ""])
        lines.append(Format.table(rows))
        lines.append("")
        lines.append("CPU/step: CPU time of this process (user + system) per step; cores busy: that CPU time / wall time; "
                     + "others: cores used by other processes meanwhile (from /proc/stat; the figures are only "
                     + "trustworthy when this is near 0).")
        lines.append("raw: plain libsqlite3 C API, journal_mode=WAL, synchronous=FULL, autocommit INSERT of a "
                     + "\(raw.row_bytes)-byte row; latency = one commit.")
        lines.append("closed loop: each citizen sends its next message when the reply is back; latency = handle() call; "
                     + "\(Format.grouped(c.cases_filed)) cases filed and found in the database.")
        lines.append("open loop: arrivals dealt to the citizens in turn, so the first round opens every conversation at once; "
                     + "latency from the scheduled arrival (includes waiting for the citizen's previous reply); "
                     + "\(Format.grouped(o.cases_filed)) cases filed and found in the database.")
        lines.append("")
        lines.append(verdict.line)
        return lines.joined(separator: "\n")
    }
}
