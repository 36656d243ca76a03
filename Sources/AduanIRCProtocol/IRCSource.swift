/// A message source split into its parts: `nick!user@host`, `nick@host`, `nick!user`, `nick`, or a
/// server name (which lands in ``nick``).
public struct IRCSource: Sendable, Hashable, CustomStringConvertible {
    /// The nickname (or the server name when the source is a server).
    public var nick: String
    /// The user (ident) after `!`, or `nil` when absent.
    public var user: String?
    /// The host after `@`, or `nil` when absent.
    public var host: String?

    /// Makes a source from its parts.
    public init(nick: String, user: String? = nil, host: String? = nil) {
        self.nick = nick
        self.user = user
        self.host = host
    }

    /// Splits a source: the host is everything after the first `@`, the user everything between
    /// the first `!` before that and the `@`. Never fails; control characters are kept as they are.
    public init(parsing source: String) {
        var rest = Substring(source)
        var host: String?
        if let at = rest.firstIndex(of: "@") {
            host = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        var user: String?
        if let bang = rest.firstIndex(of: "!") {
            user = String(rest[rest.index(after: bang)...])
            rest = rest[..<bang]
        }
        self.init(nick: String(rest), user: user, host: host)
    }

    /// Whether this looks like a server name rather than a client: no user or host, and a `.` in
    /// the name (nicknames cannot contain `.` on common servers).
    public var looksLikeServer: Bool {
        user == nil && host == nil && nick.contains(".")
    }

    /// The source written back as `nick[!user][@host]`.
    public var description: String {
        var text = nick
        if let user { text += "!" + user }
        if let host { text += "@" + host }
        return text
    }
}
