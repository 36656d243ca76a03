import AduanIRCProtocol
import Testing

@Suite("IRCMessage.serialize")
struct IRCMessageSerializeTests {
    @Test("the last parameter gets ':' only when it must")
    func trailing() throws {
        #expect(try IRCMessage.privmsg(target: "#a", text: "halo").serializedString() == "PRIVMSG #a halo")
        #expect(try IRCMessage.privmsg(target: "#a", text: "halo semua").serializedString() == "PRIVMSG #a :halo semua")
        #expect(try IRCMessage.privmsg(target: "#a", text: "").serializedString() == "PRIVMSG #a :")
        #expect(try IRCMessage.privmsg(target: "#a", text: ":-)").serializedString() == "PRIVMSG #a ::-)")
        #expect(try IRCMessage.notice(target: "warga", text: "a:b").serializedString() == "NOTICE warga a:b")
        #expect(try IRCMessage(verb: "QUIT").serializedString() == "QUIT")
        #expect(try IRCMessage(source: "srv", verb: "001", params: ["bot", "Selamat datang"]).serializedString()
            == ":srv 001 bot :Selamat datang")
    }

    @Test("tags are escaped, written in order, and bare when empty")
    func tags() throws {
        let message = IRCMessage(tags: [IRCTag(key: "+draft/reply", value: "id 1;x"), IRCTag(key: "flag")],
                                 verb: "TAGMSG", params: ["#a"])
        #expect(try message.serializedString() == #"@+draft/reply=id\s1\:x;flag TAGMSG #a"#)
    }

    static let injections: [IRCMessage] = [
        .privmsg(target: "#opd-pupr", text: "hi\r\nPRIVMSG #opd-pupr :x"),
        .privmsg(target: "#opd-pupr", text: "hi\nQUIT :bye"),
        .privmsg(target: "#opd-pupr", text: "hi\rQUIT"),
        .privmsg(target: "#opd-pupr", text: "nul\u{0}byte"),
        .privmsg(target: "#opd-pupr\r\nJOIN #evil", text: "x"),
        .privmsg(target: "#a #b", text: "x"),
        .privmsg(target: ":#a", text: "x"),
        .privmsg(target: "", text: "x"),
        IRCMessage(verb: "PRIVMSG\r\nQUIT", params: ["#a", "x"]),
        IRCMessage(verb: "PRIV MSG", params: ["#a", "x"]),
        IRCMessage(verb: "", params: ["#a"]),
        IRCMessage(verb: "12", params: []),
        IRCMessage(source: "a b", verb: "PING"),
        IRCMessage(source: "", verb: "PING"),
        IRCMessage(source: "n\n!u@h", verb: "PING"),
        IRCMessage(tags: [IRCTag(key: "a b", value: "1")], verb: "PING"),
        IRCMessage(tags: [IRCTag(key: "a;b", value: "1")], verb: "PING"),
        IRCMessage(tags: [IRCTag(key: "a=b", value: "1")], verb: "PING"),
        IRCMessage(tags: [IRCTag(key: "", value: "1")], verb: "PING"),
        IRCMessage(tags: [IRCTag(key: "k", value: "nul\u{0}")], verb: "PING"),
    ]

    @Test("CR, LF, NUL, and parameter-shifting text are refused", arguments: injections)
    func refusesInjection(_ message: IRCMessage) {
        #expect(throws: IRCSerializeError.self) { try message.serialize() }
    }

    @Test("the exact error for a CR LF in a citizen's text")
    func injectionError() {
        #expect(throws: IRCSerializeError.forbiddenCharacter(.parameter(1), byte: 0x0D)) {
            try IRCMessage.privmsg(target: "#opd-pupr", text: "hi\r\nPRIVMSG #opd-pupr :x").serialize()
        }
        #expect(throws: IRCSerializeError.invalidMiddleParameter(index: 0, "#a #b")) {
            try IRCMessage.privmsg(target: "#a #b", text: "x").serialize()
        }
    }

    @Test("CR and LF inside a tag value are escaped, not refused")
    func tagValueNewlines() throws {
        let message = IRCMessage(tags: ["note": "line1\r\nline2"], verb: "TAGMSG", params: ["#a"])
        #expect(try message.serializedString() == #"@note=line1\r\nline2 TAGMSG #a"#)
        #expect(try IRCMessage.parse(message.serialize()) == message)
    }

    @Test("middle parameters cannot be empty or start with ':'")
    func middleParameters() {
        #expect(throws: IRCSerializeError.invalidMiddleParameter(index: 0, "")) {
            try IRCMessage(verb: "MODE", params: ["", "+i"]).serialize()
        }
        #expect(throws: IRCSerializeError.invalidMiddleParameter(index: 1, ":x")) {
            try IRCMessage(verb: "MODE", params: ["#a", ":x", "y"]).serialize()
        }
    }

    @Test("round-trips of built messages")
    func roundTrips() throws {
        let messages: [IRCMessage] = [
            .privmsg(target: "#opd-pupr", text: "Aduan #A-2026-0042 diterima 👍🏽"),
            .privmsg(target: "warga", text: "  spasi di depan dan belakang  "),
            .notice(target: "warga", text: "::"),
            IRCMessage(tags: ["a": "b c", "d": "", "e": "\\"], source: "bot!b@h", verb: "PRIVMSG", params: ["#x", ""]),
            IRCMessage(verb: "USER", params: ["aduan", "0", "*", "Aduan Bot"]),
            IRCMessage(verb: "CAP", params: ["REQ", "message-tags server-time"]),
            IRCMessage(verb: "PRIVMSG", params: ["#a", "b\tc"]),
        ]
        for message in messages {
            #expect(try IRCMessage.parse(message.serialize()) == message)
        }
    }

    @Test("description shows the wire form or the reason it cannot be sent")
    func description() {
        #expect(IRCMessage.privmsg(target: "#a", text: "b c").description == "PRIVMSG #a :b c")
        #expect(IRCMessage.privmsg(target: "#a", text: "b\nc").description.hasPrefix("<unsendable"))
    }
}
