/// A channel the bot keeps itself in, with its key (`+k` password) if it has one.
///
/// ```swift
/// IRCChannelJoin("#opd-pupr")
/// IRCChannelJoin("#rahasia", key: "sandi")
/// ```
public struct IRCChannelJoin: Sendable, Hashable {
    /// The channel's name, e.g. `#opd-pupr`.
    public var name: String
    /// The channel key, or nil.
    public var key: String?

    /// Makes a channel to join.
    public init(_ name: String, key: String? = nil) {
        self.name = name
        self.key = key
    }

    /// Parses `#name` or `#name key` (a channel name cannot contain a space); nil when the name is
    /// not a valid channel name (see ``isValidName(_:)``) or the key holds a comma or a control
    /// character.
    public init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 1 || parts.count == 2, let first = parts.first else { return nil }
        let name = String(first)
        guard Self.isValidName(name) else { return nil }
        let key = parts.count == 2 ? String(parts[1]) : nil
        if let key, key.contains(",") || key.unicodeScalars.contains(where: { $0.value < 0x21 }) { return nil }
        self.init(name, key: key)
    }

    /// Whether `name` can be sent as a channel name: it starts with `#`, `&`, `+` or `!`, and has
    /// no space, comma, BEL, CR, LF or NUL.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, "#&+!".contains(first), name.count > 1 else { return false }
        return !name.unicodeScalars.contains { $0 == " " || $0 == "," || $0 == "\u{07}" || $0.value < 0x20 }
    }
}
