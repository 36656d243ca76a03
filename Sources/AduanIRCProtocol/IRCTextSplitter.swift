/// Splits outgoing text into `PRIVMSG`/`NOTICE` texts that each fit one IRC line as the server
/// relays it.
///
/// The server prepends the sender's `:nick!user@host ` when it relays a message, so a text fits
/// when `:` + source + ` ` + verb + ` ` + target + ` :` + text + CR LF is at most ``lineLength``
/// bytes. The source length is either given from the bot's own nick, user and host, or the
/// conservative maximum ``conservativeSourceLength``.
///
/// How text is split, deterministically:
/// 1. Line breaks first: CR LF, CR and LF each end a line, and every line becomes its own
///    message(s). NUL is removed. So CR, LF and NUL never appear in the output.
/// 2. Lines that are empty or only spaces and tabs are dropped (``EmptyLinePolicy/drop``, the
///    default) or sent as a single space (``EmptyLinePolicy/space``).
/// 3. A line that fits is sent unchanged. A longer one is cut greedily: each piece is as long as
///    fits and ends at a word boundary (a space or tab) when the piece has one; the spaces and
///    tabs at a cut are dropped. A word too long for a line is cut between extended grapheme
///    clusters (an emoji with skin tone or a ZWJ family is never cut), and a single grapheme
///    cluster longer than a whole line (pathological stacks of combining marks) between Unicode
///    scalars — never inside a UTF-8 sequence.
///
/// Joining the pieces of one line, with the dropped whitespace put back, gives the line.
public struct IRCTextSplitter: Sendable, Hashable {
    /// What to do with an empty (or whitespace-only) line of the text.
    public enum EmptyLinePolicy: Sendable, Hashable {
        /// Send nothing for it (the default: IRC clients show no blank line anyway, and it spares
        /// the flood budget).
        case drop
        /// Send a single space, so the reader sees a blank line.
        case space
    }

    /// The longest source a server relays: nick 63 + `!` + user 10 + `@` + host 63 bytes.
    public static let conservativeSourceLength = 63 + 1 + 10 + 1 + 63

    /// The longest line in bytes, CR LF included (`LINELEN`, normally 512).
    public var lineLength: Int
    /// The length in bytes of the `nick!user@host` the server will put in front.
    public var sourceLength: Int
    /// What to do with empty lines.
    public var emptyLines: EmptyLinePolicy

    /// Makes a splitter for a line length (512 unless the server advertises `LINELEN`) and a
    /// source length (the conservative maximum unless the bot knows its own).
    public init(lineLength: Int = 512, sourceLength: Int = IRCTextSplitter.conservativeSourceLength,
                emptyLines: EmptyLinePolicy = .drop) {
        self.lineLength = lineLength
        self.sourceLength = sourceLength
        self.emptyLines = emptyLines
    }

    /// Makes a splitter from the bot's own nick, user and host as the server shows them (the
    /// user may carry a `~` the server added; the host may be a cloak).
    public init(lineLength: Int = 512, nick: String, user: String, host: String,
                emptyLines: EmptyLinePolicy = .drop) {
        self.init(lineLength: lineLength,
                  sourceLength: nick.utf8.count + 1 + user.utf8.count + 1 + host.utf8.count,
                  emptyLines: emptyLines)
    }

    /// The number of text bytes that fit in one message with this verb and target.
    public func textBudget(verb: String = "PRIVMSG", target: String) -> Int {
        lineLength - 2 - (1 + sourceLength + 1) - verb.utf8.count - 1 - target.utf8.count - 2
    }

    /// Splits `text` into pieces to send as `verb target :piece`, each fitting one line.
    /// Returns no pieces for text with nothing to send (with the ``EmptyLinePolicy/drop`` policy).
    public func split(_ text: String, verb: String = "PRIVMSG", target: String) throws(IRCSplitError) -> [String] {
        let targetBytes = target.utf8
        if targetBytes.isEmpty || targetBytes.first == IRCBytes.colon
            || targetBytes.contains(where: { $0 == IRCBytes.space || IRCBytes.isForbidden($0) }) {
            throw .invalidTarget(target)
        }
        guard !verb.isEmpty, verb.utf8.allSatisfy(IRCBytes.isASCIILetter) else { throw .invalidVerb(verb) }
        let budget = textBudget(verb: verb, target: target)
        guard budget >= 4 else { throw .noRoom(budget: budget) }

        var pieces: [String] = []
        for line in Self.lines(of: text) {
            if line.allSatisfy(Self.isBreakable) {
                if emptyLines == .space { pieces.append(" ") }
                continue
            }
            Self.split(line: line, budget: budget, into: &pieces)
        }
        return pieces
    }

    /// The messages to send for `text` (see ``split(_:verb:target:)``); each one serializes.
    public func messages(verb: String = "PRIVMSG", target: String, text: String) throws(IRCSplitError) -> [IRCMessage] {
        try split(text, verb: verb, target: target).map { IRCMessage(verb: verb, params: [target, $0]) }
    }

    /// Whether a character is whitespace at which a line may be cut (and which is then dropped).
    static func isBreakable(_ character: Character) -> Bool {
        character == " " || character == "\t"
    }

    /// The lines of `text`: split at CR LF, CR and LF; NUL removed.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                lines.append(String(current))
                current = String.UnicodeScalarView()
                afterCR = true
                continue
            case "\n":
                if !afterCR {
                    lines.append(String(current))
                    current = String.UnicodeScalarView()
                }
            case "\u{00}":
                break
            default:
                current.append(scalar)
            }
            afterCR = false
        }
        if !current.isEmpty || lines.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// Cuts one line (without line breaks, not only whitespace) into pieces of at most `budget`
    /// UTF-8 bytes.
    private static func split(line: String, budget: Int, into pieces: inout [String]) {
        if line.utf8.count <= budget {
            pieces.append(line)
            return
        }
        let characters = Array(line)
        let sizes = characters.map { $0.utf8.count }
        var start = 0
        while start < characters.count {
            // The longest run of whole grapheme clusters from `start` that fits.
            var end = start
            var used = 0
            while end < characters.count && used + sizes[end] <= budget {
                used += sizes[end]
                end += 1
            }
            if end == characters.count {
                pieces.append(String(characters[start..<end]))
                break
            }
            if end == start {
                // One grapheme cluster longer than a whole line: cut it between scalars.
                splitScalars(of: characters[start], budget: budget, into: &pieces)
                start += 1
                while start < characters.count && isBreakable(characters[start]) { start += 1 }
                continue
            }
            // Prefer the last word boundary: a break character at `cut`, with text before it.
            var cut = end
            var pieceEnd = -1
            while cut > start {
                if isBreakable(characters[cut]) {
                    var trimmed = cut
                    while trimmed > start && isBreakable(characters[trimmed - 1]) { trimmed -= 1 }
                    if trimmed > start {
                        pieceEnd = trimmed
                        break
                    }
                }
                cut -= 1
            }
            if pieceEnd < 0 {
                // No word boundary: cut between grapheme clusters (unless it is all whitespace).
                cut = end
                pieceEnd = end
            }
            if !characters[start..<pieceEnd].allSatisfy(isBreakable) {
                pieces.append(String(characters[start..<pieceEnd]))
            }
            start = cut
            while start < characters.count && isBreakable(characters[start]) { start += 1 }
        }
    }

    /// Cuts one oversized grapheme cluster between its Unicode scalars.
    private static func splitScalars(of character: Character, budget: Int, into pieces: inout [String]) {
        var current = String.UnicodeScalarView()
        var used = 0
        for scalar in character.unicodeScalars {
            let size = UTF8.width(scalar)
            if used + size > budget && !current.isEmpty {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
                used = 0
            }
            current.append(scalar)
            used += size
        }
        if !current.isEmpty { pieces.append(String(current)) }
    }
}
