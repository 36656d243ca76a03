import AduanIRCProtocol
import Testing

@Suite("IRCMessage.parse")
struct IRCMessageParseTests {
    @Test("a PRIVMSG with tags and a full source")
    func privmsg() throws {
        let line = "@time=2026-01-02T03:04:05.000Z;+draft/reply=abc :warga!~w@10.0.0.1 PRIVMSG #opd-pupr :jalan rusak: tolong"
        let message = try IRCMessage.parse(line)
        #expect(message.tagList.map(\.key) == ["time", "+draft/reply"])
        #expect(message[tag: "time"] == "2026-01-02T03:04:05.000Z")
        #expect(message.source == "warga!~w@10.0.0.1")
        #expect(message.sourceParts == IRCSource(nick: "warga", user: "~w", host: "10.0.0.1"))
        #expect(message.verb == "PRIVMSG")
        #expect(message.params == ["#opd-pupr", "jalan rusak: tolong"])
    }

    @Test("a trailing CR, CR LF or LF is tolerated; a CR, LF or NUL inside is refused")
    func lineEndings() throws {
        let base = Array("PING :abc".utf8)
        for ending: [UInt8] in [[], [0x0D], [0x0D, 0x0A], [0x0A]] {
            #expect(try IRCMessage.parse(base + ending) == IRCMessage(verb: "PING", params: ["abc"]))
        }
        #expect(throws: IRCParseError.forbiddenByte(0x0D, offset: 11)) {
            try IRCMessage.parse(Array("PRIVMSG #a :hi\r\nQUIT".utf8).dropFirst(3))
        }
        #expect(throws: IRCParseError.forbiddenByte(0x0A, offset: 6)) { try IRCMessage.parse("PING a\nb") }
        #expect(throws: IRCParseError.forbiddenByte(0x00, offset: 5)) { try IRCMessage.parse("PING \u{0}") }
        #expect(throws: IRCParseError.forbiddenByte(0x0D, offset: 6)) { try IRCMessage.parse("PING a\r\r") }
    }

    @Test("extra spaces everywhere")
    func extraSpaces() throws {
        let message = try IRCMessage.parse("  @a=1   :src    NOTICE   #x    y   :  spaced  text ")
        #expect(message.tags == ["a": "1"])
        #expect(message.source == "src")
        #expect(message.verb == "NOTICE")
        #expect(message.params == ["#x", "y", "  spaced  text "])
    }

    @Test("fifteen and more parameters are all kept")
    func manyParams() throws {
        let words = (1...20).map { "p\($0)" }
        let message = try IRCMessage.parse(":irc.example.net 005 bot " + words.joined(separator: " ") + " :are supported")
        #expect(message.params == ["bot"] + words + ["are supported"])
        #expect(try IRCMessage.parse(message.serialize()) == message)
    }

    @Test("the verb is kept as received; numerics are three digits")
    func verbs() throws {
        #expect(try IRCMessage.parse("privmsg #a b").verb == "privmsg")
        #expect(try IRCMessage.parse(":s 001 bot :Welcome").verb == "001")
        #expect(throws: IRCParseError.invalidVerb("01")) { try IRCMessage.parse(":s 01 bot") }
        #expect(throws: IRCParseError.invalidVerb("0001")) { try IRCMessage.parse(":s 0001 bot") }
        #expect(throws: IRCParseError.invalidVerb("PRIV1")) { try IRCMessage.parse("PRIV1 x") }
        #expect(throws: IRCParseError.invalidVerb("é")) { try IRCMessage.parse("é x") }
    }

    @Test("lines without a command")
    func missingParts() {
        #expect(throws: IRCParseError.empty) { try IRCMessage.parse("") }
        #expect(throws: IRCParseError.empty) { try IRCMessage.parse("    ") }
        #expect(throws: IRCParseError.missingVerb) { try IRCMessage.parse("@a=b") }
        #expect(throws: IRCParseError.missingVerb) { try IRCMessage.parse(":nick!u@h") }
        #expect(throws: IRCParseError.missingVerb) { try IRCMessage.parse("@a=b :nick   ") }
        #expect(throws: IRCParseError.emptySource) { try IRCMessage.parse(": PRIVMSG #a b") }
    }

    @Test("empty tag items and empty keys are skipped; an empty tag section is no tags")
    func oddTags() throws {
        #expect(try IRCMessage.parse("@a;;b=;=x;c=\\s PING").tagList == [
            IRCTag(key: "a"), IRCTag(key: "b"), IRCTag(key: "c", value: " "),
        ])
        #expect(try IRCMessage.parse("@ PING").tagList.isEmpty)
        #expect(try IRCMessage.parse("@a=b=c PING")[tag: "a"] == "b=c")
    }

    @Test("invalid UTF-8 becomes replacement characters")
    func invalidUTF8() throws {
        var line = Array("PRIVMSG #a :caf".utf8)
        line += [0xC3]  // truncated é
        line += Array(" ok ".utf8) + [0xFF, 0xFE]
        let message = try IRCMessage.parse(line)
        #expect(message.params == ["#a", "caf\u{FFFD} ok \u{FFFD}\u{FFFD}"])
        let split = try IRCMessage.parse([0x40, 0x6B, 0x3D, 0xE2, 0x82, 0x20, 0x50, 0x49, 0x4E, 0x47])  // "@k=<E2 82> PING"
        #expect(split[tag: "k"] == "\u{FFFD}")
    }

    @Test("Indonesian text and emoji survive parsing byte for byte")
    func unicode() throws {
        let text = "Lampu jalan di Desa Batur mati 3 hari 😡👍🏽 — mohon dicek 🙏"
        let message = try IRCMessage.parse(":w!u@h PRIVMSG bot :" + text)
        #expect(message.params.last == text)
    }

    @Test("equality ignores tag order; the subscript edits tags in place")
    func tagEditing() {
        var first = IRCMessage(tags: [IRCTag(key: "a", value: "1"), IRCTag(key: "b")], verb: "PING")
        let second = IRCMessage(tags: ["b": "", "a": "1"], verb: "PING")
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        first[tag: "a"] = "2"
        first[tag: "c"] = "3"
        first[tag: "b"] = nil
        #expect(first.tagList == [IRCTag(key: "a", value: "2"), IRCTag(key: "c", value: "3")])
        let repeated = IRCMessage(tags: [IRCTag(key: "k", value: "1"), IRCTag(key: "j"), IRCTag(key: "k", value: "2")], verb: "X")
        #expect(repeated.tagList == [IRCTag(key: "k", value: "2"), IRCTag(key: "j")])
    }

    @Test("tag value escaping and unescaping")
    func tagEscaping() {
        #expect(IRCTag.escape("a b;c\\d\r\ne") == #"a\sb\:c\\d\r\ne"#)
        #expect(IRCTag.unescape(#"a\sb\:c\\d\r\ne\x\"#) == "a b;c\\d\r\nex")
        for value in ["", " ", ";;", "\\", "\\\\s", "\r\n", "ü😀 x;y", "\\:"] {
            #expect(IRCTag.unescape(IRCTag.escape(value)) == value)
        }
    }
}
