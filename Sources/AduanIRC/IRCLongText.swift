/// A citizen's IRC client cuts a text too long for one line (512 bytes as the server relays it)
/// into several messages, each as full as a line allows, sent one after the other (irssi: five
/// at once, then one every 2.2 seconds). The bot puts them back together, so a long description
/// arrives whole as one answer instead of its first piece being the answer and every further
/// piece getting "Maaf, saya belum mengerti" and the question again. Pure.
enum IRCLongText {
    /// The least bytes of text for a direct message to count as a cut piece that may go on: a
    /// client cuts at the line limit less the relayed prefix (about 330 bytes when it reckons
    /// with the longest prefix, as Aduan's own splitter does; 400–460 with its real one), at a
    /// word boundary when it can; someone typing rarely sends this much in one message.
    static let pieceBytes = 300
    /// How long to wait for the next piece after one (irssi's default pace is 2.2 seconds, and
    /// the network and a busy server add to it).
    static let window: Duration = .milliseconds(3500)

    /// Whether `message` may be a piece that the next one continues.
    static func mayContinue(_ message: IRCChatMessage) -> Bool {
        message.channel == nil && message.text.utf8.count >= pieceBytes
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
