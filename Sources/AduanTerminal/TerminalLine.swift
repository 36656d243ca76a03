/// One line typed into the terminal chat, as the chat network it stands in for would deliver it.
///
/// - `#channel NAME> text`: NAME says text in a channel;
/// - `NAME> text`: a direct message from NAME to the bot;
/// - anything else: a direct message from the default citizen.
public struct TerminalLine: Sendable, Hashable {
    /// Who speaks.
    public var sender: String
    /// The channel, or nil for a direct message.
    public var channel: String?
    /// What is said.
    public var text: String

    /// Makes a line.
    public init(sender: String, channel: String?, text: String) {
        self.sender = sender
        self.channel = channel
        self.text = text
    }

    /// Reads a line; `defaultSender` speaks bare lines.
    ///
    /// ```swift
    /// TerminalLine.parse("#opd-pupr budi> ambil BGL-K7M-4QX", defaultSender: "warga")
    /// // sender "budi", channel "#opd-pupr", text "ambil BGL-K7M-4QX"
    /// ```
    public static func parse(_ line: String, defaultSender: String) -> TerminalLine {
        var rest = Substring(line)
        var channel: String?
        if rest.hasPrefix("#"), let space = rest.firstIndex(of: " ") {
            let candidate = rest[..<space]
            let after = rest[space...].drop { $0 == " " }
            if candidate.count > 1, let sender = speaker(after) {
                channel = String(candidate)
                return TerminalLine(sender: sender.name, channel: channel, text: String(sender.text))
            }
        }
        if let sender = speaker(rest) {
            return TerminalLine(sender: sender.name, channel: nil, text: String(sender.text))
        }
        rest = Substring(line)
        return TerminalLine(sender: defaultSender, channel: nil, text: String(rest))
    }

    /// `NAME> text` → (NAME, text), where NAME is one word without `>`.
    private static func speaker(_ s: Substring) -> (name: String, text: Substring)? {
        guard let mark = s.firstIndex(of: ">") else { return nil }
        let name = s[..<mark]
        guard !name.isEmpty, !name.contains(" "), !name.contains("\t"), !name.hasPrefix("#") else { return nil }
        var text = s[s.index(after: mark)...]
        if text.first == " " { text = text.dropFirst() }
        return (String(name), text)
    }
}
