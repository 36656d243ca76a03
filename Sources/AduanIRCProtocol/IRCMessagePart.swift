/// A part of an IRC message, named in serialization errors.
public enum IRCMessagePart: Sendable, Hashable, CustomStringConvertible {
    /// The tag with this key (its key or its value).
    case tag(String)
    /// The source (`nick!user@host` or a server name).
    case source
    /// The command.
    case verb
    /// The parameter at this index (0-based).
    case parameter(Int)

    /// A short English name of the part, for messages.
    public var description: String {
        switch self {
        case .tag(let key): return "tag \"\(key)\""
        case .source: return "source"
        case .verb: return "command"
        case .parameter(let index): return "parameter \(index)"
        }
    }
}
