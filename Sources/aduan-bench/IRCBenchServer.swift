import AduanTesting
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The IRC server the benchmark starts: the shared launchers from `AduanTesting` with flood
/// control lifted for every client (ngircd with `floodControl: false`; a bare InspIRCd, whose
/// `connect` class always lifts it), plus what the report needs: the kind, the version line, the
/// lifted limits, and the server's CPU time.
final class BenchIRCServer: Sendable {
    enum Kind: String, ExpressibleByArgument, CaseIterable, Sendable {
        case ngircd
        case inspircd
    }

    private enum Running: Sendable {
        case ngircd(NgircdServer)
        case inspircd(InspircdServer)
    }

    let kind: Kind
    let port: Int
    /// The server's version line (`ngircd --version`, `inspircd --version`), or the kind.
    let version: String
    private let running: Running

    static func start(_ kind: Kind) throws -> BenchIRCServer {
        switch kind {
        case .ngircd:
            let server = try NgircdServer.start(floodControl: false)
            return BenchIRCServer(kind: kind, port: server.port, version: server.version, running: .ngircd(server))
        case .inspircd:
            let server = try InspircdServer.start(services: false)
            return BenchIRCServer(kind: kind, port: server.port, version: server.version, running: .inspircd(server))
        }
    }

    private init(kind: Kind, port: Int, version: String, running: Running) {
        self.kind = kind
        self.port = port
        self.version = version
        self.running = running
    }

    /// The config lines that lift the server's limits (for the report and the README).
    var liftedLimits: [String] {
        switch kind {
        case .ngircd:
            return ["[Limits] MaxPenaltyTime = 0", "MaxConnections = 0", "MaxConnectionsIP = 0", "MaxJoins = 0"]
        case .inspircd:
            return [#"<connect … threshold="1000000" commandrate="100000000" fakelag="no" recvq="16M" softsendq="1M" hardsendq="16M" localmax="5000" globalmax="5000">"#,
                    #"<performance somaxconn="1024" netbuffersize="65534">"#]
        }
    }

    /// How many connections to open at once while registering clients (ngircd listens with a
    /// backlog of 10).
    var connectBatch: Int { kind == .ngircd ? 10 : 100 }

    /// The PID of the running server.
    var pid: Int32? {
        switch running {
        case .ngircd(let server): server.pid
        case .inspircd(let server): server.pid
        }
    }

    /// CPU time the server has used so far (user + system, seconds), from /proc.
    var cpuSeconds: Double? {
        guard let pid, let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // After "pid (comm) ": state is field 3; utime and stime are fields 14 and 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) / (ticks > 0 ? ticks : 100)
    }

    /// Stops the server: SIGTERM, then SIGKILL if it has not exited within 2 s.
    func stop() {
        switch running {
        case .ngircd(let server): server.stop()
        case .inspircd(let server): server.stop()
        }
    }
}
