/// Why text cannot be split into messages for a target.
public enum IRCSplitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target is empty, starts with `:`, or contains a space, CR, LF or NUL.
    case invalidTarget(String)
    /// The command is not ASCII letters (normally `PRIVMSG` or `NOTICE`).
    case invalidVerb(String)
    /// The line length left fewer than 4 bytes of text per message (the target or source is
    /// too long): the number of bytes left.
    case noRoom(budget: Int)

    /// A short English explanation.
    public var description: String {
        switch self {
        case .invalidTarget(let target): return "invalid target \"\(target)\""
        case .invalidVerb(let verb): return "invalid command \"\(verb)\""
        case .noRoom(let budget): return "only \(budget) bytes of text fit in one line"
        }
    }
}
