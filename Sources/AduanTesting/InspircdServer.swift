import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real InspIRCd 3 on 127.0.0.1, for an integration test or the benchmark, by default with
/// Atheme services: accounts (NickServ), SASL PLAIN and the IRCv3 capabilities (`account-tag`,
/// `message-tags`, `server-time`, `echo-message`). Its own temporary folder, free ports for
/// clients and for the services link, both programs in the foreground, stopped by their PIDs.
///
/// Always stop it: `defer { server.stop() }` right after ``start(services:)``. (It is also
/// stopped, and its folder removed, when the object goes away.) The recipe is the one in the
/// team's SERVERS.md: flood control and the connect-class limits lifted in the `connect` block
/// for every client, Atheme linked over spanningtree.
public final class InspircdServer: @unchecked Sendable {
    /// Why the servers could not run.
    public typealias Failure = ServerLaunchFailure

    /// The port clients connect to.
    public let port: Int
    /// The port Atheme links to (nil when started without services).
    public let linkPort: Int?
    /// The folder (configs, logs, Atheme's `var/`).
    public let folder: URL
    /// The InspIRCd executable it runs.
    public let inspircd: String
    private let atheme: String?
    private let floodLimits: FloodLimits?

    /// InspIRCd's flood control for every client, as a network keeps it (the tests otherwise
    /// lift it): commands processed per second once `threshold` seconds of penalty are used
    /// ("fake lag" delays the rest), and the receive queue beyond which a client is dropped
    /// ("RecvQ exceeded"). InspIRCd's shipped defaults: 1 per second, 10, 8,192 bytes.
    public struct FloodLimits: Sendable {
        /// Commands per second.
        public var commandsPerSecond: Int
        /// Seconds of penalty before commands are delayed.
        public var threshold: Int
        /// The receive queue's size in bytes.
        public var receiveQueue: Int

        /// The limits; InspIRCd's shipped defaults unless given.
        public init(commandsPerSecond: Int = 1, threshold: Int = 10, receiveQueue: Int = 8192) {
            self.commandsPerSecond = commandsPerSecond
            self.threshold = threshold
            self.receiveQueue = receiveQueue
        }
    }
    private let processes = ServerProcesses()

    /// The IRC server's name.
    public static let serverName = "irc.test.local"
    /// The name Atheme links under.
    public static let servicesName = "services.test.local"
    static let linkPassword = "linkpass"
    static let athemeExample = "/usr/share/doc/atheme-services/examples/atheme.conf.example"

    /// Starts InspIRCd on free ports (up to three tries). With `services` (the default) it also
    /// starts Atheme and waits until `sasl` is in `CAP LS` (services linked); with
    /// `services: false` it is a bare InspIRCd: only the clients port and the `cap` module (no
    /// IRCv3 extras, no Atheme), as the benchmark uses it. With `port`, clients connect there
    /// (one try; the services link still takes a free port).
    ///
    /// - Throws: ``Failure`` when the programs are not installed, `port` is taken, or they do
    ///   not come up.
    public static func start(services: Bool = true, port fixedPort: Int? = nil,
                             floodLimits: FloodLimits? = nil) throws -> InspircdServer {
        let atheme = InstalledProgram.path("atheme-services")
        guard let inspircd = InstalledProgram.path("inspircd"), atheme != nil || !services else {
            throw Failure(description: "InspIRCd or Atheme is not installed: install inspircd atheme-services: "
                          + "apt-get install inspircd atheme-services (the account tests run against real servers)")
        }
        if let fixedPort, LoopbackPort.accepts(fixedPort) {
            throw Failure(description: "port \(fixedPort) on 127.0.0.1 is already in use; choose another one")
        }
        var problems: [String] = []
        for _ in 0..<(fixedPort == nil ? 3 : 1) {
            let server = InspircdServer(inspircd: inspircd, atheme: services ? atheme : nil, floodLimits: floodLimits,
                                        port: try fixedPort ?? LoopbackPort.free(),
                                        linkPort: services ? try LoopbackPort.free() : nil,
                                        folder: try Repository.temporaryFolder("aduan-inspircd"))
            do {
                try server.writeConfigs()
                try server.launch()
                return server
            } catch {
                problems.append("\(error)")
                server.stop()
            }
        }
        throw Failure(description: "InspIRCd\(services ? " + Atheme" : "") did not start: \(problems.joined(separator: "; "))")
    }

    private init(inspircd: String, atheme: String?, floodLimits: FloodLimits?, port: Int, linkPort: Int?, folder: URL) {
        self.inspircd = inspircd
        self.atheme = atheme
        self.floodLimits = floodLimits
        self.port = port
        self.linkPort = linkPort
        self.folder = folder
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The first line of `inspircd --version`, or "inspircd".
    public var version: String { InstalledProgram.versionLine(inspircd) ?? "inspircd" }

    /// The PID of the running InspIRCd, or nil when it is stopped.
    public var pid: Int32? { processes.firstPID }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    private var varPath: String { path("var") }

    /// Both logs so far (for failure messages).
    public var log: String {
        let read = { (file: String) in (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" }
        return "inspircd:\n" + read(path("inspircd.out")).suffix(600) + read(path("inspircd.log")).suffix(600)
            + "\natheme:\n" + read(path("atheme.out")).suffix(600) + read(varPath + "/atheme.log").suffix(600)
    }

    /// The flood settings of the `connect` block: lifted (SERVERS.md), or ``floodLimits``.
    private var connectClassLimits: String {
        guard let floodLimits else {
            return #"recvq="16M" softsendq="1M" hardsendq="16M" threshold="1000000" commandrate="100000000" fakelag="no" maxchans="1000""#
        }
        return #"recvq="\#(floodLimits.receiveQueue)" softsendq="1M" hardsendq="16M" threshold="\#(floodLimits.threshold)" "#
            + #"commandrate="\#(floodLimits.commandsPerSecond * 1000)" fakelag="yes" maxchans="1000""#
    }

    private func writeConfigs() throws {
        // Flood control lifted in the `connect` block for every client (SERVERS.md).
        var inspircdConfig = """
            <server name="\(Self.serverName)" description="loopback test server" network="TestNet">
            <admin name="test" nick="test" email="test@localhost">
            <bind address="127.0.0.1" port="\(port)" type="clients">
            <connect name="main" allow="127.0.0.1" timeout="60" pingfreq="120" localmax="5000" globalmax="5000"
              maxconnwarn="off" limit="5000" resolvehostnames="no" useident="no" usednsbl="no"
              \(connectClassLimits)>
            <performance netbuffersize="65534" somaxconn="1024" softlimit="10000" clonesonconnect="no" quietbursts="yes">
            <pid file="\(path("inspircd.pid"))">
            <log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="\(path("inspircd.log"))">
            <files motd="/etc/inspircd/inspircd.motd">
            <module name="cap">

            """
        if let linkPort {
            inspircdConfig += """
                <bind address="127.0.0.1" port="\(linkPort)" type="servers">
                <module name="ircv3"> <module name="ircv3_accounttag"> <module name="ircv3_batch">
                <module name="ircv3_capnotify"> <module name="ircv3_chghost"> <module name="ircv3_ctctags">
                <module name="ircv3_echomessage"> <module name="ircv3_invitenotify"> <module name="ircv3_labeledresponse">
                <module name="ircv3_msgid"> <module name="ircv3_servertime"> <module name="namesx"> <module name="uhnames">
                <module name="monitor"> <module name="setname"> <module name="botmode">
                <module name="services_account"> <module name="sasl"> <sasl target="\(Self.servicesName)">
                <module name="spanningtree">
                <link name="\(Self.servicesName)" ipaddr="127.0.0.1" port="\(linkPort)" allowmask="127.0.0.1/32"
                      sendpass="\(Self.linkPassword)" recvpass="\(Self.linkPassword)" hidden="no">
                <uline server="\(Self.servicesName)" silent="yes">

                """
        }
        try inspircdConfig.write(toFile: path("inspircd.conf"), atomically: true, encoding: .utf8)
        guard let linkPort else { return }

        guard let example = Self.athemeExampleText() else {
            throw Failure(description: "no Atheme example config at \(Self.athemeExample)(.gz): install atheme-services")
        }
        try FileManager.default.createDirectory(atPath: varPath, withIntermediateDirectories: true)
        try Self.athemeConfig(from: example, varPath: varPath, linkPort: linkPort)
            .write(toFile: path("atheme.conf"), atomically: true, encoding: .utf8)
    }

    /// The shipped example, plain or gzipped.
    private static func athemeExampleText() -> String? {
        if let text = try? String(contentsOfFile: athemeExample, encoding: .utf8) { return text }
        guard FileManager.default.fileExists(atPath: athemeExample + ".gz") else { return nil }
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/gunzip")
        gunzip.arguments = ["-c", athemeExample + ".gz"]
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        guard (try? gunzip.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        gunzip.waitUntilExit()
        return gunzip.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    /// The example config with the changes SERVERS.md lists: the InspIRCd protocol module, our
    /// server name, no `mta`, one uplink to our InspIRCd, absolute log paths; and no rate limit
    /// on `REGISTER` (the example allows 5 a minute, and every client here comes from 127.0.0.1).
    static func athemeConfig(from example: String, varPath: String, linkPort: Int) -> String {
        var lines = ["loadmodule \"modules/protocol/inspircd\";"]
        var skipping = false
        for line in example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if skipping {
                if line.hasPrefix("};") { skipping = false }
                continue
            }
            if line.hasPrefix("uplink \"") {
                skipping = true
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "name = \"services.int\";" {
                lines.append("\tname = \"\(servicesName)\";")
            } else if trimmed.hasPrefix("mta = ") || trimmed.hasPrefix("ratelimit_uses = ") {
                lines.append("#" + line)
            } else {
                lines.append(line.replacingOccurrences(of: "logfile \"var/", with: "logfile \"\(varPath)/"))
            }
        }
        lines.append("uplink \"\(serverName)\" { host = \"127.0.0.1\"; password = \"\(linkPassword)\"; port = \(linkPort); };")
        return lines.joined(separator: "\n") + "\n"
    }

    private func launch() throws {
        let ircd = try processes.run(inspircd, ["--config", path("inspircd.conf"), "--nofork", "--runasroot"],
                                     output: path("inspircd.out"))
        let deadline = Date().addingTimeInterval(10)
        while !(LoopbackPort.accepts(port) && (linkPort.map(LoopbackPort.accepts) ?? true)) {
            if !ircd.isRunning { throw Failure(description: "inspircd exited with status \(ircd.terminationStatus): \(log)") }
            guard Date() < deadline else { throw Failure(description: "inspircd did not open its ports within 10 s: \(log)") }
            usleep(20_000)
        }
        guard let atheme else { return }
        let services = try processes.run(atheme, ["-n", "-c", path("atheme.conf"), "-D", varPath,
                                                  "-l", varPath + "/atheme.log", "-p", varPath + "/atheme.pid"],
                                         output: path("atheme.out"))
        while !(Self.capabilities(port: port)?.contains("sasl") ?? false) {
            if !services.isRunning { throw Failure(description: "atheme-services exited with status \(services.terminationStatus): \(log)") }
            if !ircd.isRunning { throw Failure(description: "inspircd exited with status \(ircd.terminationStatus): \(log)") }
            guard Date() < deadline else { throw Failure(description: "sasl did not appear in CAP LS within 10 s: \(log)") }
            usleep(50_000)
        }
    }

    /// The `CAP LS` line of a fresh connection (nil when there is none within a second).
    public static func capabilities(port: Int) -> String? {
        guard let fd = LoopbackPort.connected(port) else { return nil }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array("CAP LS 302\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else { return nil }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < 65536 {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            received += buffer[0..<count]
            let text = String(decoding: received, as: UTF8.self)
            if let line = text.split(separator: "\r\n").first(where: { $0.contains(" CAP * LS ") }) {
                return String(line)
            }
        }
        return nil
    }

    /// Registers services accounts with NickServ (`REGISTER`), each from a connection under its
    /// name that quits afterwards, leaving the nick free. The connections are opened together:
    /// InspIRCd takes about a second to welcome each.
    ///
    /// - Throws: ``Failure`` with what the server answered when an account was not registered.
    public func registerAccounts(_ names: [String], password: String) throws {
        for batch in stride(from: 0, to: names.count, by: 50).map({ names[$0..<min($0 + 50, names.count)] }) {
            let clients = try batch.map { try LoopbackIRCClient(port: port, nick: $0) }
            defer { clients.forEach { $0.quit() } }
            for client in clients {
                try client.waitForWelcome()
                try client.sendLine("PRIVMSG NickServ :REGISTER \(password) \(client.nick)@example.com")
            }
            for client in clients {
                _ = try client.waitFor("NickServ's login after registering \(client.nick)", timeout: 10) { $0.verb == "900" }
            }
        }
    }

    /// Stops Atheme, then InspIRCd: SIGTERM, then SIGKILL after 2 s.
    public func stop() {
        processes.stop()
    }
}
