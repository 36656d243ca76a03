import AduanTesting
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real ngircd on 127.0.0.1 for one test: its own config in a temporary folder, a free port,
/// started in the foreground (`ngircd -n`) and stopped by its PID.
///
/// Always stop it: `defer { server.stop() }` right after ``start(floodControl:)``. (It is also
/// stopped, and its folder removed, when the object goes away.)
final class NgircdServer: @unchecked Sendable {
    /// Why the server could not run.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The port it listens on.
    let port: Int
    /// Its folder (config and log).
    let folder: URL
    private let executable: String
    private let lock = NSLock()
    private var process: Process?

    /// The ngircd executable (`ADUAN_NGIRCD` when set), or nil when it is not installed.
    static var executablePath: String? {
        if let chosen = ProcessInfo.processInfo.environment["ADUAN_NGIRCD"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"] + path.split(separator: ":").map(String.init)
        return candidates.map { $0 + "/ngircd" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts a server on a free port. `floodControl: false` sets `MaxPenaltyTime = 0` (for load
    /// tests only); by default the server throttles every client to about 3 lines a second.
    ///
    /// - Throws: ``Failure`` when ngircd is not installed or does not start.
    static func start(floodControl: Bool = true, tls: TestCertificates? = nil) throws -> NgircdServer {
        guard let executable = executablePath else {
            throw Failure(description: "ngircd is not installed: install ngircd: apt-get install ngircd "
                          + "(the IRC integration tests run against a real server)")
        }
        var problems: [String] = []
        for _ in 0..<5 {
            let port = try freePort()
            let folder = try Repository.temporaryFolder("aduan-ngircd")
            let server = NgircdServer(executable: executable, port: port, folder: folder)
            if tls != nil { server.tlsPort = try freePort() }
            try server.writeConfig(floodControl: floodControl, tls: tls)
            do {
                try server.launch()
                return server
            } catch {
                problems.append("\(error)")
                server.stop()
            }
        }
        throw Failure(description: "ngircd did not start: \(problems.joined(separator: "; "))")
    }

    private init(executable: String, port: Int, folder: URL) {
        self.executable = executable
        self.port = port
        self.folder = folder
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    var configPath: String { folder.appendingPathComponent("ngircd.conf").path }
    var logPath: String { folder.appendingPathComponent("ngircd.log").path }

    /// The server's log so far (for failure messages).
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The TLS port, when started with certificates.
    private(set) var tlsPort: Int?

    private func writeConfig(floodControl: Bool, tls: TestCertificates?) throws {
        var ssl = ""
        if let tls, let tlsPort {
            ssl = "[SSL]\n\tCertFile = \(tls.serverCertificate)\n\tKeyFile = \(tls.serverKey)\n\tPorts = \(tlsPort)\n"
        }
        let config = """
            [Global]
            \tName = irc.test.local
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
            \(floodControl ? "" : "\tMaxPenaltyTime = 0\n")[Options]
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

    /// Starts ngircd (again, on the same port) and waits until the port accepts connections.
    func launch() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-n", "-f", configPath]
        if !FileManager.default.fileExists(atPath: logPath) {
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        lock.withLock { self.process = process }
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if Self.accepts(port: port) { return }
            if !process.isRunning {
                throw Failure(description: "ngircd exited with status \(process.terminationStatus) on port \(port): \(self.log.suffix(400))")
            }
            usleep(10_000)
        }
        throw Failure(description: "ngircd did not open port \(port) within 5 s")
    }

    /// Stops the server: SIGTERM, then SIGKILL if it has not exited within 2 s.
    func stop() {
        guard let process = lock.withLock({ () -> Process? in
            defer { self.process = nil }
            return self.process
        }) else { return }
        guard process.isRunning else { return }
        let pid = process.processIdentifier
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }

    /// Kills the server as a crash would (SIGKILL): every connection drops at once.
    func crash() {
        guard let process = lock.withLock({ () -> Process? in
            defer { self.process = nil }
            return self.process
        }) else { return }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }

    /// A port nobody listens on now: bind to port 0 and see what the kernel picked.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Failure(description: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
