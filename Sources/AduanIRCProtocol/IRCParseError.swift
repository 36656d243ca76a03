/// Why a received line is not an IRC message.
public enum IRCParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line is empty or holds only spaces (the caller should usually skip such lines).
    case empty
    /// The line has tags and/or a source but no command.
    case missingVerb
    /// The line starts with `:` (or `@tags :`) but the source after it is empty.
    case emptySource
    /// The command is neither ASCII letters nor exactly three digits; the command as received.
    case invalidVerb(String)
    /// A NUL, CR or LF byte inside the line (a single trailing CR, or CR LF, is tolerated);
    /// the byte and its offset in the line.
    case forbiddenByte(UInt8, offset: Int)

    /// A short English explanation.
    public var description: String {
        switch self {
        case .empty: return "empty line"
        case .missingVerb: return "no command"
        case .emptySource: return "empty source after ':'"
        case .invalidVerb(let verb): return "invalid command \"\(verb)\" (expected letters or a 3-digit numeric)"
        case .forbiddenByte(let byte, let offset):
            let name = byte == IRCBytes.nul ? "NUL" : byte == IRCBytes.cr ? "CR" : "LF"
            return "\(name) byte inside the line at offset \(offset)"
        }
    }
}
