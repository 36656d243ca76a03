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
    /// The clock that `@jam` lines move, when the chat runs on one (`--clock`).
    public var clock: TerminalClock?

    /// Makes a chat.
    public init(runtime: BotRuntime, defaultSender: String = "warga", interactive: Bool, clock: TerminalClock? = nil) {
        self.runtime = runtime
        self.defaultSender = defaultSender
        self.interactive = interactive
        self.clock = clock
    }

    /// Reads lines until the end of input, printing replies to `output`, the prompt (interactive
    /// only) to `prompt` and problems to `errors`.
    ///
    /// - Returns: the number of messages that could not be handled (0 when all went well).
    public func run(readLine: () -> String?, output: (String) -> Void, prompt: (String) -> Void = { _ in },
                    errors: (String) -> Void) async -> Int {
        var failures = 0
        // Whatever waited from an earlier run (the bot stopped before delivering it) goes first.
        failures += deliver(output: output, errors: errors)
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
            if let clock, let moved = clock.apply(line) {
                switch moved {
                case .success: failures += deliver(output: output, errors: errors)
                case .failure(let problem):
                    failures += 1
                    errors("aduan: \(problem)")
                }
                continue
            }
            let parsed = TerminalLine.parse(line, defaultSender: defaultSender)
            // The terminal stands in for a network that vouches for every name typed.
            let message = InboundMessage(transport: "terminal", sender: parsed.sender, channel: parsed.channel,
                                         text: parsed.text, account: "terminal:\(parsed.sender)")
            do {
                for reply in try await runtime.handle(message) {
                    output(TerminalFormat.line(reply))
                }
            } catch {
                failures += 1
                errors("aduan: could not handle the message from \(parsed.sender): \(error)")
            }
            failures += deliver(output: output, errors: errors)
        }
        return failures
    }

    /// Fires due alarms, then prints and marks every message waiting in the outbox for the
    /// terminal. Returns 1 when that failed, else 0.
    private func deliver(output: (String) -> Void, errors: (String) -> Void) -> Int {
        do {
            try runtime.runClock()
            while true {
                let pending = try runtime.pendingOutbox(transport: "terminal")
                if pending.isEmpty { return 0 }
                for item in pending {
                    output(TerminalFormat.line(item.message))
                }
                try runtime.markDelivered(pending.map(\.id))
            }
        } catch {
            errors("aduan: could not deliver waiting messages: \(error)")
            return 1
        }
    }
}
