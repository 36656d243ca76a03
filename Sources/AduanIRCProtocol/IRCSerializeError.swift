/// Why a message cannot be written to the wire safely.
///
/// The serializer refuses rather than repairs: text that would let a user end the line and start
/// another command (CR, LF), or shift the parameters (a space or leading `:` in a middle
/// parameter), never reaches the connection.
public enum IRCSerializeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A CR, LF or NUL in this part (in a tag value only NUL: CR and LF there are escaped).
    case forbiddenCharacter(IRCMessagePart, byte: UInt8)
    /// The command is neither ASCII letters nor exactly three digits.
    case invalidVerb(String)
    /// A tag key that is empty or has characters outside `[+][vendor/]name`.
    case invalidTagKey(String)
    /// A source that is empty or contains a space.
    case invalidSource(String)
    /// A parameter before the last one that is empty, contains a space or starts with `:`
    /// (only the last parameter may be sent as a trailing parameter).
    case invalidMiddleParameter(index: Int, String)

    /// A short English explanation.
    public var description: String {
        switch self {
        case .forbiddenCharacter(let part, let byte):
            let name = byte == IRCBytes.nul ? "NUL" : byte == IRCBytes.cr ? "CR" : "LF"
            return "\(name) in \(part)"
        case .invalidVerb(let verb): return "invalid command \"\(verb)\""
        case .invalidTagKey(let key): return "invalid tag key \"\(key)\""
        case .invalidSource(let source): return "invalid source \"\(source)\""
        case .invalidMiddleParameter(let index, let value):
            return "parameter \(index) \"\(value)\" is not the last one and is empty, has a space or starts with ':'"
        }
    }
}
