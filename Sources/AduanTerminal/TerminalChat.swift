import AduanCore
import AduanRuntime
import Foundation

/// The terminal chat: stands in for a chat network, so the bot can be tried (and tested)
/// without one. A person at a terminal just types and is the citizen; piped input is read a
/// message per line (see ``TerminalLine``) and every bot message printed per ``TerminalFormat``.
public struct TerminalChat {
    /// The bot.
    public let runtime: BotRuntime
    /// Who speaks bare lines.
    public var defaultSender: String
    /// Whether a person is typing (prompt and friendlier output).
    public var interactive: Bool

    /// Makes a chat.
    public init(runtime: BotRuntime, defaultSender: String = "warga", interactive: Bool) {
        self.runtime = runtime
        self.defaultSender = defaultSender
        self.interactive = interactive
    }

    /// Reads lines until the end of input, printing replies to `output`, the prompt (interactive
    /// only) to `prompt` and problems to `errors`.
    ///
    /// - Returns: the number of messages that could not be handled (0 when all went well).
    public func run(readLine: () -> String?, output: (String) -> Void, prompt: (String) -> Void = { _ in },
                    errors: (String) -> Void) async -> Int {
        var failures = 0
        if interactive {
            let name = runtime.bot.configuration.name.text(in: "id")
            output("\(name) — \(runtime.bot.configuration.regency)\n"
                   + "Ketik pesan Anda lalu Enter (Ctrl-D untuk keluar). / Type your message and press Enter (Ctrl-D to quit).")
            output("")
        }
        while true {
            if interactive { prompt("\(defaultSender)> ") }
            guard let raw = readLine() else { break }
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty && !interactive { continue }
            if case .failed(let list)? = runtime.reloadIfChanged() {
                errors("aduan: the edited files have errors; the bot keeps the previous version:\n\(list)")
            }
            let parsed = TerminalLine.parse(line, defaultSender: defaultSender)
            let message = InboundMessage(transport: "terminal", sender: parsed.sender, channel: parsed.channel, text: parsed.text)
            do {
                for reply in try await runtime.handle(message) {
                    output(TerminalFormat.line(reply))
                }
            } catch {
                failures += 1
                errors("aduan: could not handle the message from \(parsed.sender): \(error)")
            }
        }
        return failures
    }
}
