import AduanIRCProtocol
import ArgumentParser
import Foundation

/// `aduan irc`: tools for the IRC protocol.
struct IRCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "irc",
        abstract: "IRC protocol tools / alat protokol IRC.",
        subcommands: [ParseCommand.self])

    /// `aduan irc parse`: raw IRC lines in, one JSON object per line out.
    struct ParseCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            abstract: "Parse raw IRC lines from standard input into JSON / urai baris IRC mentah ke JSON.",
            discussion: """
                Reads raw IRC lines (bytes; CR LF or LF endings) from standard input and
                prints each as one compact JSON object, keys in this order:
                  {"tags":{"time":"..."},"source":"n!u@h","verb":"PRIVMSG","params":[...]}
                Tag values are unescaped (a tag without a value is ""), "source" is null
                when absent, and the command is printed as received. A line that does not
                parse prints {"error":"...","line":"..."}, and the exit status is then 1.
                Empty lines are skipped.
                """)

        func run() throws {
            var failures = 0
            var buffer = IRCLineBuffer()
            func handle(_ line: [UInt8]) {
                guard !line.isEmpty else { return }
                let (json, ok) = Self.render(line)
                if !ok { failures += 1 }
                Console.out(json)
            }
            while true {
                let chunk = FileHandle.standardInput.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let line = buffer.nextLine() { handle(line) }
            }
            if let last = buffer.finish() { handle(last) }
            if failures > 0 { throw ExitCode(1) }
        }

        /// The JSON for one line, and whether it parsed.
        static func render(_ line: [UInt8]) -> (json: String, ok: Bool) {
            do {
                return (IRCJSON.message(try IRCMessage.parse(line)), true)
            } catch {
                return (IRCJSON.error(error, line: line), false)
            }
        }
    }
}
