import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real IRC server for the benchmark: its own config in a temporary folder, 127.0.0.1 on a
/// free port, flood control lifted for every client, started in the foreground and stopped by
/// its PID.
final class BenchIRCServer: @unchecked Sendable {
    enum Kind: String, ExpressibleByArgument, CaseIterable, Sendable {
        case ngircd
        case inspircd
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let kind: Kind
    let port: Int
    let folder: URL
    private let executable: String
    private let lock = NSLock()
    private var process: Process?

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

    /// The server's version line (`ngircd --version`, `inspircd --version`), or the kind.
    private(set) var version: String

    static func executablePath(_ kind: Kind) -> String? {
        let name = kind.rawValue
        if let chosen = ProcessInfo.processInfo.environment["ADUAN_" + name.uppercased()] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"] + path.split(separator: ":").map(String.init)
        return candidates.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func start(_ kind: Kind) throws -> BenchIRCServer {
        guard let executable = executablePath(kind) else {
            throw Failure(description: "\(kind.rawValue) is not installed: apt-get install -y \(kind.rawValue)")
        }
        var problems: [String] = []
        for _ in 0..<5 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aduan-bench-\(kind.rawValue)-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let server = BenchIRCServer(kind: kind, executable: executable, port: try freePort(), folder: folder)
            do {
                try server.writeConfig()
                try server.launch()
                return server
            } catch {
                problems.append("\(error)")
                server.stop()
            }
        }
        throw Failure(description: "\(kind.rawValue) did not start: \(problems.joined(separator: "; "))")
    }

    private init(kind: Kind, executable: String, port: Int, folder: URL) {
        self.kind = kind
        self.executable = executable
        self.port = port
        self.folder = folder
        self.version = kind.rawValue
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    private var configPath: String { path(kind.rawValue + ".conf") }
    private var logPath: String { path(kind.rawValue + ".out") }

    /// The end of the server's output (for failure messages).
    var log: String {
        let read = { (file: String) in (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" }
        return String((read(logPath) + read(path("inspircd.log"))).suffix(800))
    }

    private func writeConfig() throws {
        let config: String
        switch kind {
        case .ngircd:
            // Comments only on their own line in ngircd.conf.
            config = """
                [Global]
                \tName = irc.bench.local
                \tInfo = aduan-bench loopback server
                \tAdminInfo1 = bench
                \tAdminInfo2 = bench
                \tAdminEMail = bench@localhost
                \tListen = 127.0.0.1
                \tPorts = \(port)
                \tMotdPhrase = aduan-bench
                [Limits]
                \tMaxConnections = 0
                \tMaxConnectionsIP = 0
                \tMaxJoins = 0
                \tMaxNickLength = 30
                \tPingTimeout = 120
                \tPongTimeout = 20
                # No flood control (penalty time) for any client: load tests only.
                \tMaxPenaltyTime = 0
                [Options]
                \tDNS = no
                \tIdent = no
                \tPAM = no

                """
        case .inspircd:
            config = """
                <server name="irc.bench.local" description="aduan-bench loopback server" network="BenchNet">
                <admin name="bench" nick="bench" email="bench@localhost">
                <bind address="127.0.0.1" port="\(port)" type="clients">
                <connect name="main" allow="127.0.0.1" timeout="60" pingfreq="120" localmax="5000" globalmax="5000"
                  maxconnwarn="off" limit="5000" resolvehostnames="no" useident="no" usednsbl="no"
                  recvq="16M" softsendq="1M" hardsendq="16M" threshold="1000000" commandrate="100000000"
                  fakelag="no" maxchans="1000">
                <performance netbuffersize="65534" somaxconn="1024" softlimit="10000" clonesonconnect="no" quietbursts="yes">
                <pid file="\(path("inspircd.pid"))">
                <log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="\(path("inspircd.log"))">
                <files motd="/etc/inspircd/inspircd.motd">
                <module name="cap">

                """
        }
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    private func launch() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        switch kind {
        case .ngircd: process.arguments = ["-n", "-f", configPath]
        case .inspircd: process.arguments = ["--config", configPath, "--nofork", "--runasroot"]
        }
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        lock.withLock { self.process = process }
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port: port) {
            if !process.isRunning {
                throw Failure(description: "\(kind.rawValue) exited with status \(process.terminationStatus) on port \(port): \(self.log)")
            }
            guard Date() < deadline else { throw Failure(description: "\(kind.rawValue) did not open port \(port) within 10 s") }
            usleep(10_000)
        }
        version = Self.versionLine(executable) ?? kind.rawValue
    }

    /// The PID of the running server.
    var pid: Int32? { lock.withLock { process?.isRunning == true ? process?.processIdentifier : nil } }

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

    /// The first line `--version` prints.
    private static func versionLine(_ executable: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
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
