/// The server's feature advertisement (`RPL_ISUPPORT`, numeric `005`), accumulated over the
/// several `005` lines a server sends.
///
/// Tokens are `KEY=VALUE`, `KEY` (no value: stored as `""`), `KEY=` (the same), or `-KEY`
/// (the key is withdrawn). Values are unescaped (`\x20` → space, any `\xHH` → that byte).
public struct IRCISupport: Sendable, Hashable {
    /// Every advertised parameter with its unescaped value (`""` for a parameter without one).
    public private(set) var parameters: [String: String]

    /// Makes an empty advertisement (every accessor returns its default).
    public init() {
        parameters = [:]
    }

    /// Makes an advertisement from already-parsed parameters.
    public init(parameters: [String: String]) {
        self.parameters = parameters
    }

    /// Makes an advertisement from the parameters of one `005` message (see ``apply(_:)``).
    public init(message: IRCMessage) {
        self.init()
        apply(message)
    }

    /// Adds the tokens of a `005` message: its parameters except the first (the client's own
    /// nick) and the last (human-readable text). Any other message is ignored.
    public mutating func apply(_ message: IRCMessage) {
        guard message.verb == "005", message.params.count >= 2 else { return }
        apply(tokens: message.params.dropFirst().dropLast())
    }

    /// Adds tokens such as `CASEMAPPING=ascii`, `SAFELIST`, `-EXCEPTS`.
    public mutating func apply(tokens: some Sequence<String>) {
        for token in tokens where !token.isEmpty {
            if token.hasPrefix("-") {
                parameters[String(token.dropFirst())] = nil
            } else if let equals = token.firstIndex(of: "=") {
                parameters[String(token[..<equals])] = Self.unescape(token[token.index(after: equals)...])
            } else {
                parameters[token] = ""
            }
        }
    }

    /// The value of a parameter, `""` when advertised without a value, `nil` when not advertised.
    public subscript(key: String) -> String? {
        parameters[key]
    }

    /// `CASEMAPPING`: ``IRCCaseMapping/default`` (`rfc1459`) when not advertised; `ascii` for a
    /// mapping this library does not know (such as `rfc7613`), because ASCII folding is the part
    /// every mapping shares and so never merges two names the server keeps apart.
    public var caseMapping: IRCCaseMapping {
        guard let value = parameters["CASEMAPPING"] else { return .default }
        return IRCCaseMapping(isupportValue: value) ?? .ascii
    }

    /// `CHANTYPES`: the characters that start a channel name; `#&` (RFC 1459) when not
    /// advertised, empty when advertised without a value.
    public var channelTypes: String {
        parameters["CHANTYPES"] ?? "#&"
    }

    /// `NICKLEN`: the longest nickname the server accepts, or `nil` when not advertised or invalid.
    public var nickLength: Int? {
        parameters["NICKLEN"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// `LINELEN`: the longest line in bytes, CR LF included and tags excluded; 512 when not
    /// advertised or when the value is not a number of at least 512.
    public var lineLength: Int {
        guard let value = parameters["LINELEN"].flatMap({ Int($0) }), value >= 512 else { return 512 }
        return value
    }

    /// Whether `target` names a channel (starts with one of ``channelTypes``).
    public func isChannel(_ target: String) -> Bool {
        guard let first = target.first else { return false }
        return channelTypes.contains(first)
    }

    /// Unescapes an ISUPPORT value: `\xHH` (two hex digits) becomes that byte; anything else,
    /// including a malformed escape, is kept as it is. Invalid UTF-8 becomes U+FFFD.
    public static func unescape(_ value: some StringProtocol) -> String {
        let bytes = Array(value.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == IRCBytes.backslash, index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
               let high = hexValue(bytes[index + 2]), let low = hexValue(bytes[index + 3]) {
                out.append(high << 4 | low)
                index += 4
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return IRCBytes.string(out)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
