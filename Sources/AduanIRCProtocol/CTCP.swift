/// A CTCP request or reply carried in a `PRIVMSG` or `NOTICE` text: `\x01VERB params\x01`.
///
/// The closing `\x01` may be missing (some clients omit it); anything after it is ignored.
public struct CTCP: Sendable, Hashable {
    /// The CTCP command as received (`VERSION`, `PING`, `ACTION`, …).
    public var command: String
    /// The text after the command and one space (`""` when there is none).
    public var parameters: String

    /// The delimiter that starts and ends a CTCP message.
    public static let delimiter: Character = "\u{01}"

    /// Makes a CTCP message.
    public init(command: String, parameters: String = "") {
        self.command = command
        self.parameters = parameters
    }

    /// Detects a CTCP message in a `PRIVMSG`/`NOTICE` text; `nil` when the text does not start
    /// with `\x01` or has no command.
    public init?(text: String) {
        let scalars = text.unicodeScalars
        guard scalars.first == "\u{01}" else { return nil }
        var body = scalars.dropFirst()
        if let end = body.firstIndex(of: "\u{01}") { body = body[..<end] }
        let command: Substring.UnicodeScalarView
        var parameters = Substring.UnicodeScalarView()
        if let space = body.firstIndex(of: " ") {
            command = body[..<space]
            parameters = body[body.index(after: space)...]
        } else {
            command = body
        }
        guard !command.isEmpty else { return nil }
        self.init(command: String(command), parameters: String(parameters))
    }

    /// Detects a CTCP message in a received `PRIVMSG` or `NOTICE` (case-insensitive verb with a
    /// target and a text); `nil` for any other message.
    public init?(message: IRCMessage) {
        let verb = message.verb.uppercased()
        guard verb == "PRIVMSG" || verb == "NOTICE", message.params.count >= 2 else { return nil }
        self.init(text: message.params[1])
    }

    /// The command in ASCII uppercase, for matching.
    public var normalizedCommand: String {
        command.uppercased()
    }

    /// The text to send: `\x01COMMAND params\x01` (no space when there are no parameters).
    public var text: String {
        parameters.isEmpty ? "\u{01}\(command)\u{01}" : "\u{01}\(command) \(parameters)\u{01}"
    }

    /// The reply `NOTICE`, sent to the requester's nick, to a CTCP `VERSION` or `PING` received
    /// in a `PRIVMSG`; `nil` for anything else (other commands, a CTCP in a `NOTICE` — which must
    /// never be answered — or a message without a source nick).
    ///
    /// `VERSION` is answered with `version`; `PING` echoes its parameters. `\x01`, CR, LF and NUL
    /// are removed from the reply text, so the reply always serializes.
    public static func reply(to message: IRCMessage, version: String) -> IRCMessage? {
        guard message.verb.uppercased() == "PRIVMSG", let request = CTCP(message: message),
              let nick = message.sourceParts?.nick, !nick.isEmpty else { return nil }
        let answer: CTCP
        switch request.normalizedCommand {
        case "VERSION": answer = CTCP(command: "VERSION", parameters: sanitized(version))
        case "PING": answer = CTCP(command: "PING", parameters: sanitized(request.parameters))
        default: return nil
        }
        return .notice(target: nick, text: answer.text)
    }

    /// A `VERSION` reply `NOTICE` to `nick`.
    public static func versionReply(to nick: String, version: String) -> IRCMessage {
        .notice(target: nick, text: CTCP(command: "VERSION", parameters: sanitized(version)).text)
    }

    /// A `PING` reply `NOTICE` to `nick`, echoing `parameters`.
    public static func pingReply(to nick: String, parameters: String) -> IRCMessage {
        .notice(target: nick, text: CTCP(command: "PING", parameters: sanitized(parameters)).text)
    }

    private static func sanitized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0 != "\u{01}" && $0 != "\r" && $0 != "\n" && $0 != "\u{00}"
        }))
    }
}
