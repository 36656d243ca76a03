import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real ngircd on 127.0.0.1, for an integration test or the benchmark: its own config in a
/// temporary folder, a free port, started in the foreground (`ngircd -n`) and stopped by its PID.
///
/// Connections, connections per address and joins are unlimited; flood control (penalty time)
/// is on unless started with `floodControl: false`. Always stop it: `defer { server.stop() }`
/// right after ``start(floodControl:tls:)``. (It is also stopped, and its folder removed, when
/// the object goes away.)
public final class NgircdServer: @unchecked Sendable {
    /// Why the server could not run.
    public typealias Failure = ServerLaunchFailure

    /// The server's name (what a TLS certificate from ``TestCertificates`` names).
    public static let serverName = "irc.test.local"

    /// The port it listens on.
    public let port: Int
    /// The TLS port, when started with certificates.
    public let tlsPort: Int?
    /// Its folder (config and log).
    public let folder: URL
    /// The ngircd executable it runs.
    public let executable: String
    private let processes = ServerProcesses()

    /// The ngircd executable (`ADUAN_NGIRCD` when set), or nil when it is not installed.
    public static var executablePath: String? { InstalledProgram.path("ngircd", override: "ADUAN_NGIRCD") }

    /// Starts a server on a free port (up to five tries with fresh ports).
    ///
    /// - Parameters:
    ///   - floodControl: false sets `MaxPenaltyTime = 0`, lifting ngircd's throttle for every
    ///     client (load tests and the benchmark only); by default the server throttles every
    ///     client to about 3 lines a second.
    ///   - tls: certificates for a second, TLS port (``tlsPort``).
    /// - Throws: ``Failure`` when ngircd is not installed or does not start.
    public static func start(floodControl: Bool = true, tls: TestCertificates? = nil) throws -> NgircdServer {
        guard let executable = executablePath else {
            throw Failure(description: "ngircd is not installed: install ngircd: apt-get install ngircd "
                          + "(the IRC integration tests and aduan-bench irc run against a real server)")
        }
        var problems: [String] = []
        for _ in 0..<5 {
            let server = NgircdServer(executable: executable, port: try LoopbackPort.free(),
                                      tlsPort: tls == nil ? nil : try LoopbackPort.free(),
                                      folder: try Repository.temporaryFolder("aduan-ngircd"))
            do {
                try server.writeConfig(floodControl: floodControl, tls: tls)
                try server.launch()
                return server
            } catch {
                problems.append("\(error)")
                server.stop()
            }
        }
        throw Failure(description: "ngircd did not start: \(problems.joined(separator: "; "))")
    }

    private init(executable: String, port: Int, tlsPort: Int?, folder: URL) {
        self.executable = executable
        self.port = port
        self.tlsPort = tlsPort
        self.folder = folder
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The config file.
    public var configPath: String { folder.appendingPathComponent("ngircd.conf").path }
    /// The file the server's output goes to (appended to across restarts).
    public var logPath: String { folder.appendingPathComponent("ngircd.log").path }

    /// The server's log so far (for failure messages).
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The first line of `ngircd --version`, or "ngircd".
    public var version: String { InstalledProgram.versionLine(executable) ?? "ngircd" }

    /// The PID of the running server, or nil when it is stopped.
    public var pid: Int32? { processes.firstPID }

    private func writeConfig(floodControl: Bool, tls: TestCertificates?) throws {
        var ssl = ""
        if let tls, let tlsPort {
            ssl = "[SSL]\n\tCertFile = \(tls.serverCertificate)\n\tKeyFile = \(tls.serverKey)\n\tPorts = \(tlsPort)\n"
        }
        // Comments only on their own line in ngircd.conf.
        let config = """
            [Global]
            \tName = \(Self.serverName)
            \tInfo = loopback test server
            \tAdminInfo1 = test
            \tAdminInfo2 = test
            \tAdminEMail = test@localhost
            \tListen = 127.0.0.1
            \tPorts = \(port)
            \tMotdPhrase = test server
            [Limits]
            \tMaxConnections = 0
            \tMaxConnectionsIP = 0
            \tMaxJoins = 0
            \tMaxNickLength = 30
            \tPingTimeout = 120
            \tPongTimeout = 20
            \(floodControl ? "" : "# No flood control (penalty time) for any client: load tests only.\n\tMaxPenaltyTime = 0\n")[Options]
            \tDNS = no
            \tIdent = no
            \tPAM = no
            [Operator]
            \tName = testoper
            \tPassword = testpass
            \(ssl)
            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Starts ngircd (again, on the same port after ``stop()`` or ``crash()``) and waits up to
    /// 10 s until the port accepts connections.
    ///
    /// - Throws: ``Failure`` when it exits or does not open the port.
    public func launch() throws {
        let process = try processes.run(executable, ["-n", "-f", configPath], output: logPath)
        let deadline = Date().addingTimeInterval(10)
        while !LoopbackPort.accepts(port) {
            if !process.isRunning {
                throw Failure(description: "ngircd exited with status \(process.terminationStatus) on port \(port): \(log.suffix(400))")
            }
            guard Date() < deadline else { throw Failure(description: "ngircd did not open port \(port) within 10 s") }
            usleep(10_000)
        }
    }

    /// Stops the server: SIGTERM, then SIGKILL if it has not exited within 2 s.
    public func stop() {
        processes.stop()
    }

    /// Kills the server as a crash would (SIGKILL): every connection drops at once.
    public func crash() {
        processes.crash()
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port` (see ``LoopbackPort/accepts(_:)``).
    public static func accepts(port: Int) -> Bool {
        LoopbackPort.accepts(port)
    }
}
