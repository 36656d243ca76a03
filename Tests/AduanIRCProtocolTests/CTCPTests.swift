import AduanIRCProtocol
import Testing

@Suite("CTCP")
struct CTCPTests {
    @Test("detects CTCP in a text, with or without the closing \\x01")
    func detect() {
        #expect(CTCP(text: "\u{01}VERSION\u{01}") == CTCP(command: "VERSION"))
        #expect(CTCP(text: "\u{01}PING 123 456\u{01}") == CTCP(command: "PING", parameters: "123 456"))
        #expect(CTCP(text: "\u{01}ACTION melambai") == CTCP(command: "ACTION", parameters: "melambai"))
        #expect(CTCP(text: "\u{01}ACTION \u{01}ignored") == CTCP(command: "ACTION", parameters: ""))
        #expect(CTCP(text: "halo \u{01}VERSION\u{01}") == nil)
        #expect(CTCP(text: "\u{01}\u{01}") == nil)
        #expect(CTCP(text: "\u{01} x\u{01}") == nil)
        #expect(CTCP(text: "") == nil)
        #expect(CTCP(text: "\u{01}version\u{01}")?.normalizedCommand == "VERSION")
    }

    @Test("builds the wire text")
    func text() {
        #expect(CTCP(command: "VERSION").text == "\u{01}VERSION\u{01}")
        #expect(CTCP(command: "PING", parameters: "42").text == "\u{01}PING 42\u{01}")
    }

    @Test("answers VERSION and PING in a PRIVMSG with a NOTICE to the nick")
    func replies() throws {
        let version = try IRCMessage.parse(":warga!w@h PRIVMSG aduan :\u{01}VERSION\u{01}")
        let reply = try #require(CTCP.reply(to: version, version: "Aduan 1.0"))
        #expect(try reply.serializedString() == "NOTICE warga :\u{01}VERSION Aduan 1.0\u{01}")

        let ping = try IRCMessage.parse(":warga!w@h PRIVMSG #opd-pupr :\u{01}PING 1700000000 123\u{01}")
        #expect(CTCP.reply(to: ping, version: "x") == .notice(target: "warga", text: "\u{01}PING 1700000000 123\u{01}"))
        #expect(CTCP.pingReply(to: "w", parameters: "1") == .notice(target: "w", text: "\u{01}PING 1\u{01}"))
        #expect(try CTCP.versionReply(to: "w", version: "a\r\nQUIT").serializedString() == "NOTICE w :\u{01}VERSION aQUIT\u{01}")
    }

    @Test("never answers a NOTICE, other commands, plain text, or a message without a source")
    func noReply() throws {
        #expect(CTCP.reply(to: try IRCMessage.parse(":w!w@h NOTICE aduan :\u{01}VERSION\u{01}"), version: "x") == nil)
        #expect(CTCP.reply(to: try IRCMessage.parse(":w!w@h PRIVMSG aduan :\u{01}ACTION hai\u{01}"), version: "x") == nil)
        #expect(CTCP.reply(to: try IRCMessage.parse(":w!w@h PRIVMSG aduan :VERSION"), version: "x") == nil)
        #expect(CTCP.reply(to: try IRCMessage.parse("PRIVMSG aduan :\u{01}VERSION\u{01}"), version: "x") == nil)
        #expect(CTCP(message: try IRCMessage.parse("JOIN #a")) == nil)
    }
}
