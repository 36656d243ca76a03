import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain blocking IRC client on 127.0.0.1 for setting up a local server (registering services
/// accounts), not for tests of the bot: those use NIO clients. Answers `PING` while it waits.
final class LoopbackIRCClient {
    private let fd: Int32
    private var received: [UInt8] = []
    /// Every line read so far, for failure messages.
    private(set) var transcript: [String] = []

    /// The nick it registers as.
    let nick: String

    /// Connects to 127.0.0.1:`port` and sends the registration as `nick`; ``waitForWelcome(timeout:)``
    /// waits for the server to accept it (InspIRCd takes about a second, so open several first).
    init(port: Int, nick: String) throws {
        guard let fd = LoopbackPort.connected(port) else {
            throw ServerLaunchFailure(description: "could not connect to 127.0.0.1:\(port)")
        }
        self.fd = fd
        self.nick = nick
        var wait = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        try sendLine("NICK \(nick)")
        try sendLine("USER \(nick) 0 * :\(nick)")
    }

    /// Waits for the welcome (`001`).
    func waitForWelcome(timeout: TimeInterval = 10) throws {
        _ = try waitFor("the welcome for \(nick)", timeout: timeout) { $0.verb == "001" }
    }

    deinit { close(fd) }

    /// Sends one line (CR LF added).
    func sendLine(_ line: String) throws {
        let bytes = Array((line + "\r\n").utf8)
        let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        guard sent == bytes.count else { throw ServerLaunchFailure(description: "could not send \(line)") }
    }

    /// Reads lines until one satisfies `accept` (returned) or `timeout` passes (thrown).
    func waitFor(_ what: String, timeout: TimeInterval,
                 _ accept: (_ line: (verb: String, text: String)) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let line = try nextLine() else { continue }
            transcript.append(line)
            let words = line.split(separator: " ")
            let verbIndex = line.hasPrefix(":") || line.hasPrefix("@") ? (line.hasPrefix("@") ? 2 : 1) : 0
            let verb = words.count > verbIndex ? String(words[verbIndex]) : ""
            if verb == "PING" {
                try sendLine("PONG " + words[(verbIndex + 1)...].joined(separator: " "))
                continue
            }
            if verb == "ERROR" { break }
            if accept((verb, line)) { return line }
        }
        throw ServerLaunchFailure(description: "no \(what) within \(Int(timeout)) s; the server said: "
                                  + transcript.suffix(5).joined(separator: " | "))
    }

    /// `QUIT`, then waits briefly for the server to close the connection.
    func quit() {
        try? sendLine("QUIT :done")
        _ = try? waitFor("the server closing the connection", timeout: 2) { _ in false }
    }

    /// The next complete line, or nil when none arrived within the socket's read timeout.
    private func nextLine() throws -> String? {
        while true {
            if let end = received.firstIndex(of: 0x0A) {
                var line = Array(received[..<end])
                received.removeSubrange(...end)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { throw ServerLaunchFailure(description: "the server closed the connection") }
            if count < 0 { return nil }
            received += buffer[0..<count]
        }
    }
}
