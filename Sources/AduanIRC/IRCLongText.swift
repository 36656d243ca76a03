/// A citizen's IRC client cuts a text too long for one line (512 bytes as the server relays it)
/// into several messages, each filling a line, sent one after the other — irssi waits 2 s plus
/// 1 s per 100 bytes after each, so ~500-byte pieces come 6–7 s apart. The bot puts them back
/// together, so a long description arrives whole as one answer instead of its first piece being
/// the answer and every further piece getting "Maaf, saya belum mengerti" and the question again.
/// Pure.
enum IRCLongText {
    /// The least length of the relayed line (``IRCChatMessage/relayedBytes``) for a direct
    /// message to count as a cut piece that may go on: a client fills its lines up to about 510
    /// bytes less what it cannot know of the relayed prefix, and cuts at a word boundary when it
    /// can; someone typing rarely fills a line by chance.
    static let pieceBytes = 420
    /// How long to wait for the next piece after one: irssi's pace for a full line, with room
    /// for the network and a busy server.
    static let window: Duration = .seconds(9)

    /// Whether `message` may be a piece that the next one continues.
    static func mayContinue(_ message: IRCChatMessage) -> Bool {
        message.channel == nil && message.relayedBytes >= pieceBytes
    }

    /// `piece` continued by `next`: joined with one space, as a client's cut at a word boundary
    /// drops it (none added when either side already has whitespace there).
    static func joined(_ piece: IRCChatMessage, _ next: IRCChatMessage) -> IRCChatMessage {
        var joined = piece
        let needsSpace = !(piece.text.last?.isWhitespace ?? true) && !(next.text.first?.isWhitespace ?? true)
        joined.text = piece.text + (needsSpace ? " " : "") + next.text
        return joined
    }
}
