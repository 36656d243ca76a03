import AduanCore
import AduanIRCProtocol
import Testing

@Suite("IRCSource, IRCJSON, IRCLineBuffer")
struct IRCSupportingTypesTests {
    @Test("sources")
    func sources() {
        #expect(IRCSource(parsing: "irc.example.net").looksLikeServer)
        #expect(!IRCSource(parsing: "warga!w@h.example").looksLikeServer)
        #expect(IRCSource(parsing: "n@h!x") == IRCSource(nick: "n", host: "h!x"))
        #expect(IRCSource(parsing: "") == IRCSource(nick: ""))
    }

    @Test("JSON of a message: keys in order, tags in order, null source")
    func json() throws {
        let message = try IRCMessage.parse(#"@b=1;a;c=x\sy\:z :n!u@h PRIVMSG #a :say "hi" \ ok"#)
        #expect(IRCJSON.message(message)
            == ##"{"tags":{"b":"1","a":"","c":"x y;z"},"source":"n!u@h","verb":"PRIVMSG","params":["#a","say \"hi\" \\ ok"]}"##)
        #expect(IRCJSON.message(IRCMessage(verb: "PING")) == #"{"tags":{},"source":null,"verb":"PING","params":[]}"#)
        #expect(IRCJSON.quoted("a\u{1}\n\u{7F}é😀\u{2028}") == #""a\u0001\n\u007fé😀\u2028""#)
        #expect(IRCJSON.error(.missingVerb, line: Array(":src".utf8) + [0xFF]) == #"{"error":"no command","line":":src�"}"#)
    }

    @Test("line buffer: CR LF, LF, split reads, a last line without an ending")
    func lineBuffer() {
        var buffer = IRCLineBuffer()
        buffer.append(Array("PING :a\r".utf8))
        #expect(buffer.nextLine() == nil)
        buffer.append(Array("\nPING :b\n\r\nPI".utf8))
        #expect(buffer.nextLine() == Array("PING :a".utf8))
        #expect(buffer.nextLine() == Array("PING :b".utf8))
        #expect(buffer.nextLine() == [])
        #expect(buffer.nextLine() == nil)
        #expect(buffer.pendingByteCount == 2)
        buffer.append(Array("NG :c\r".utf8))
        #expect(buffer.finish() == Array("PING :c".utf8))
        #expect(buffer.finish() == nil)
        let emoji = Array("PRIVMSG #a :😀\r\n".utf8)
        var split = IRCLineBuffer()
        for byte in emoji { split.append([byte]) }
        #expect(split.nextLine() == Array(emoji.dropLast(2)))
    }

    @Test("line buffer: any chunking of a stream gives the same lines")
    func lineBufferChunking() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<200 {
            var stream: [UInt8] = []
            var expected: [[UInt8]] = []
            for _ in 0..<Int.random(in: 0...20, using: &random) {
                let line = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                    [UInt8(ascii: "a"), 0x20, 0xC3, 0xA9, 0x0D][Int.random(in: 0..<5, using: &random)]
                }
                let ending: [UInt8] = Bool.random(using: &random) ? [0x0D, 0x0A] : [0x0A]
                stream += line + ending
                expected.append(ending.count == 2 || line.last != 0x0D ? line : Array(line.dropLast()))
            }
            var buffer = IRCLineBuffer()
            var lines: [[UInt8]] = []
            var offset = 0
            while offset < stream.count {
                let size = Int.random(in: 1...16, using: &random)
                buffer.append(stream[offset..<min(stream.count, offset + size)])
                offset += size
                while let line = buffer.nextLine() { lines.append(line) }
            }
            #expect(buffer.finish() == nil)
            #expect(lines == expected)
        }
    }
}
