import AduanCore
import AduanDialog
import AduanRuntime
import Foundation
import NIOCore

/// What a scripted IRC client expects back for one message it sends, and how it knows the
/// reply is complete (deterministically, from a dry run of the dialog: no quiet-period guess).
enum ReplyExpectation: Sendable {
    /// Exactly this text, compared with spaces and tabs removed, so however the sender splits
    /// it into lines (line breaks, length) the comparison holds. The reply is complete when all
    /// of it has arrived; a line that does not continue it is a failure.
    case exact([UInt8])
    /// The filing confirmation, whose tracking number and deadline differ from the dry run's:
    /// complete at the line equal to the dry run's last line (tracking numbers masked); the
    /// first line must match too, and one line must carry a tracking number.
    case filing(firstLine: String, lastLine: String, lines: Int, trackingPrefix: String, lastLineStart: String)
}

/// One message a client sends, and the reply it waits for.
struct BenchStep: Sendable {
    /// The whole line on the wire: `PRIVMSG target :text` CR LF.
    var wire: ByteBuffer
    /// The text, for failure messages.
    var text: String
    var expected: ReplyExpectation
    /// Whether this step's reply completes an intake (the case is filed).
    var endsIntake: Bool
    /// Lines the dry run says the reply has (before any length splitting).
    var expectedLines: Int
}

/// The intake the IRC benchmark's citizens go through: the message sequence of the IRC
/// integration tests (`halo`, `batur selatan kintamani`, `jalan`, a description, `1` for an
/// ordinary identity, `tidak` to no contact, `ya` to confirm), with the bot's replies taken
/// from a dry run of the bot's own dialog in the pure ``DialogEngine``.
struct IRCIntakeScript: Sendable {
    static let messages = ["halo", "batur selatan kintamani", "jalan", "Jalan berlubang di depan SD", "1", "tidak", "ya"]

    struct Step: Sendable {
        var text: String
        var expected: ReplyExpectation
        var lines: Int
        var filing: Bool
    }

    /// One intake's steps, for each intake a citizen makes in turn (the language carries over).
    var intakes: [[Step]]
    let trackingPrefix: String

    var messagesPerIntake: Int { Self.messages.count }
    var linesPerIntake: Int { intakes.first.map { $0.reduce(0) { $0 + $1.lines } } ?? 0 }

    struct PlanError: Error, CustomStringConvertible {
        var description: String
    }

    /// Dry-runs `count` intakes in a row of the fixed sequence.
    init(bot: BotFile, intakes count: Int) throws {
        let engine = DialogEngine(dialog: bot.dialog.dialog, catalog: bot.catalog)
        let prefix = bot.catalog.trackingPrefix
        trackingPrefix = prefix
        let context = StepContext(now: Date()) { TrackingNumber(prefix: prefix, sequence: 1) }
        var language: String?
        var all: [[Step]] = []
        for intake in 0..<count {
            var state = ConversationState.idle
            state.language = language
            var steps: [Step] = []
            var filed = false
            for text in Self.messages {
                let result = engine.handle(text, state: state, context: context)
                for effect in result.effects {
                    if case .scriptError(let problem) = effect {
                        throw PlanError(description: "the dialog \(bot.dialog.path) reported a script error after \"\(text)\": \(problem)")
                    }
                }
                let lines = result.replies.flatMap(Self.lines(of:))
                guard !lines.isEmpty else {
                    throw PlanError(description: "the dialog \(bot.dialog.path) gives no reply to \"\(text)\" (intake \(intake + 1)): "
                                    + "the benchmark cannot tell when a reply is complete")
                }
                if result.filing != nil {
                    guard !filed else { throw PlanError(description: "the dialog filed two cases in one intake") }
                    filed = true
                    let lastLine = Self.masked(lines[lines.count - 1], prefix: prefix)
                    // What the last line starts with before any tracking number: a cheap first test.
                    let lastLineStart = lastLine.range(of: prefix + "-#").map { String(lastLine[..<$0.lowerBound]) } ?? lastLine
                    steps.append(Step(text: text, expected: .filing(
                        firstLine: Self.masked(lines[0], prefix: prefix), lastLine: lastLine, lines: lines.count,
                        trackingPrefix: prefix, lastLineStart: lastLineStart),
                        lines: lines.count, filing: true))
                } else {
                    steps.append(Step(text: text, expected: .exact(Self.normalized(Array(lines.joined().utf8))),
                                      lines: lines.count, filing: false))
                }
                state = result.state
            }
            guard filed, !state.isActive else {
                throw PlanError(description: "the fixed intake (\(Self.messages.joined(separator: " / "))) does not file a case "
                                + "in the dialog \(bot.dialog.path) (intake \(intake + 1))")
            }
            language = state.language
            all.append(steps)
        }
        intakes = all
    }

    /// The steps of all intakes, addressed to `target`.
    func steps(to target: String) -> [BenchStep] {
        intakes.flatMap { intake in
            intake.map { step in
                BenchStep(wire: BenchWire.privmsg(to: target, text: step.text), text: step.text, expected: step.expected,
                          endsIntake: step.filing, expectedLines: step.lines)
            }
        }
    }

    /// The same number of messages to an echo client: each expects its own text back.
    func echoSteps(to target: String) -> [BenchStep] {
        intakes.flatMap { intake in
            intake.map { step in
                BenchStep(wire: BenchWire.privmsg(to: target, text: step.text), text: step.text,
                          expected: .exact(Self.normalized(Array(step.text.utf8))), endsIntake: step.filing, expectedLines: 1)
            }
        }
    }

    /// The non-blank lines of a reply, as IRC carries them (one message per line).
    static func lines(of text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map(String.init)
            .filter { $0.contains { $0 != " " && $0 != "\t" } }
    }

    /// The bytes without spaces and tabs.
    static func normalized(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        bytes.filter { $0 != 0x20 && $0 != 0x09 }
    }

    /// The text with every `PREFIX-XXX-XXX` tracking number replaced by `PREFIX-#`.
    static func masked(_ text: String, prefix: String) -> String {
        var out = text
        while let number = DialogLoad.trackingNumber(in: out, prefix: prefix) {
            out = out.replacingOccurrences(of: number, with: prefix + "-#")
        }
        return out
    }
}

/// Lines on the wire.
enum BenchWire {
    static func line(_ text: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(text.utf8.count + 2)
        buffer.writeString(text)
        buffer.writeBytes([13, 10])
        return buffer
    }

    static func privmsg(to target: String, text: String) -> ByteBuffer {
        line("PRIVMSG \(target) :\(text)")
    }
}
