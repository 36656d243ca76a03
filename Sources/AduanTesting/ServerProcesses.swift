import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a local server (or a helper program such as `openssl`) could not run.
public struct ServerLaunchFailure: Error, CustomStringConvertible {
    /// What went wrong, with the end of the server's log when there is one.
    public var description: String

    /// A failure described by `description`.
    public init(description: String) {
        self.description = description
    }
}

/// Ports on 127.0.0.1, for servers started by tests and by the benchmark.
public enum LoopbackPort {
    /// A port nobody listens on now: bind to port 0 and see what the kernel picked.
    ///
    /// - Throws: ``ServerLaunchFailure`` when the socket calls fail.
    public static func free() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerLaunchFailure(description: "socket() failed") }
        defer { close(fd) }
        var address = address(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw ServerLaunchFailure(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw ServerLaunchFailure(description: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    public static func accepts(_ port: Int) -> Bool {
        guard let fd = connected(port) else { return false }
        close(fd)
        return true
    }

    /// A socket connected to 127.0.0.1:`port` (the caller closes it), or nil.
    static func connected(_ port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = address(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    private static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

/// Installed server programs.
enum InstalledProgram {
    /// `name` from the environment variable `override` when set (nil if that is not executable),
    /// else from the usual system folders or `PATH`.
    static func path(_ name: String, override: String? = nil) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let override, let chosen = environment[override] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let path = environment["PATH"] ?? ""
        let candidates = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"] + path.split(separator: ":").map(String.init)
        return candidates.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The first line `executable --version` prints, or nil.
    static func versionLine(_ executable: String) -> String? {
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
}

/// The foreground processes of one local server, started in order and stopped by PID in reverse.
///
/// Each process gets a watchdog (a small `sh` loop) that stops it when the process that started
/// it is gone, so a test run or benchmark that is killed (SIGKILL, a crash) leaves no server
/// behind; the watchdog ends by itself within a second of its server.
public final class ServerProcesses: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [Process] = []
    /// The process whose end stops the servers: this one, unless a test says otherwise.
    private let owner: pid_t

    /// Processes that live as long as `owner` (by default this process) at most.
    public init(owner: pid_t = getpid()) {
        self.owner = owner
    }

    /// Starts `executable` with its output appended to the file `output`.
    public func run(_ executable: String, _ arguments: [String], output: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !FileManager.default.fileExists(atPath: output) {
            _ = FileManager.default.createFile(atPath: output, contents: nil)
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        lock.withLock { running.append(process) }
        try? Self.watch(process.processIdentifier, while: owner)
        return process
    }

    /// Starts the watchdog: while both `owner` and `pid` live it sleeps; once `owner` is gone it
    /// sends `pid` SIGTERM, then SIGKILL after 2 s. Not being able to start one is not an error.
    private static func watch(_ pid: pid_t, while owner: pid_t) throws {
        let script = """
            while kill -0 \(owner) 2>/dev/null; do kill -0 \(pid) 2>/dev/null || exit 0; sleep 1; done
            kill -TERM \(pid) 2>/dev/null; sleep 2; kill -KILL \(pid) 2>/dev/null; exit 0
            """
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", script]
        watchdog.standardInput = FileHandle.nullDevice
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
    }

    /// The PID of the first process started, while it runs.
    var firstPID: Int32? {
        lock.withLock { running.first.flatMap { $0.isRunning ? $0.processIdentifier : nil } }
    }

    /// Stops every process, last started first: SIGTERM, then SIGKILL if it has not exited within 2 s.
    public func stop() {
        for process in takeAll().reversed() where process.isRunning {
            let pid = process.processIdentifier
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(pid, SIGKILL) }
            process.waitUntilExit()
        }
    }

    /// Kills every process as a crash would (SIGKILL).
    func crash() {
        for process in takeAll().reversed() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
    }

    private func takeAll() -> [Process] {
        lock.withLock {
            defer { running = [] }
            return running
        }
    }
}
