import Foundation

/// A set of latency samples in nanoseconds, with its percentiles.
struct Latencies: Sendable {
    private(set) var sorted: [Int64]

    init(_ samples: [Int64]) {
        sorted = samples.sorted()
    }

    var count: Int { sorted.count }

    /// The nearest-rank percentile `p` (0...100), in milliseconds.
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return Double(sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]) / 1e6
    }

    var p50: Double { percentile(50) }
    var p90: Double { percentile(90) }
    var p99: Double { percentile(99) }
    var max: Double { sorted.last.map { Double($0) / 1e6 } ?? 0 }

    var summary: LatencySummary {
        LatencySummary(p50_ms: p50, p90_ms: p90, p99_ms: p99, max_ms: max)
    }
}

/// Percentiles for the JSON output.
struct LatencySummary: Sendable, Codable {
    var p50_ms: Double
    var p90_ms: Double
    var p99_ms: Double
    var max_ms: Double
}

extension Duration {
    /// The duration in nanoseconds.
    var nanoseconds: Int64 {
        let c = components
        return c.seconds * 1_000_000_000 + c.attoseconds / 1_000_000_000
    }

    /// The duration in seconds.
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}

/// The CPU time this process has used so far (user + system), in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// The 1-minute load average, or nil when unknown.
func loadAverage() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
    return text.split(separator: " ").first.flatMap { Double($0) }
}

/// Busy CPU time of the whole machine so far (all processes: user, nice, system, irq, softirq,
/// steal), in seconds, from /proc/stat; nil when unknown. Compared with this process's own CPU
/// time it shows how much other processes took from the benchmark.
func machineBusyCPUSeconds() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
          let line = text.split(separator: "\n").first, line.hasPrefix("cpu ") else { return nil }
    let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
    guard fields.count >= 8 else { return nil }
    // user nice system idle iowait irq softirq steal …
    let busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    return busy / (ticks > 0 ? ticks : 100)
}

/// CPU time taken by this process and by everything else during a piece of work.
struct CPUUse: Sendable {
    var own = 0.0
    var others: Double?

    static func measure<T>(_ body: () async throws -> T) async rethrows -> (T, CPUUse) {
        let own0 = processCPUSeconds(), machine0 = machineBusyCPUSeconds()
        let result = try await body()
        let own = processCPUSeconds() - own0
        let others = machineBusyCPUSeconds().flatMap { m1 in machine0.map { m1 - $0 - own } }
        return (result, CPUUse(own: own, others: others.map { Swift.max($0, 0) }))
    }
}
