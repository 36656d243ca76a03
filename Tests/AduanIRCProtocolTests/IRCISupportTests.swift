import AduanIRCProtocol
import Testing

@Suite("IRCISupport")
struct IRCISupportTests {
    @Test("parses 005 tokens: KEY=VALUE, KEY, KEY=, -KEY, and \\xHH escapes")
    func tokens() throws {
        var support = IRCISupport()
        support.apply(try IRCMessage.parse(
            #":irc.example.net 005 aduan CASEMAPPING=ascii CHANTYPES=#& NICKLEN=30 SAFELIST EXCEPTS= NETWORK=Jaringan\x20Bangli\x3Dok LINELEN=1024 :are supported by this server"#))
        #expect(support["CASEMAPPING"] == "ascii")
        #expect(support["SAFELIST"] == "")
        #expect(support["EXCEPTS"] == "")
        #expect(support["NETWORK"] == "Jaringan Bangli=ok")
        #expect(support["aduan"] == nil)
        #expect(support["are supported by this server"] == nil)
        #expect(support.caseMapping == .ascii)
        #expect(support.channelTypes == "#&")
        #expect(support.nickLength == 30)
        #expect(support.lineLength == 1_024)
        support.apply(try IRCMessage.parse(":irc.example.net 005 aduan -EXCEPTS -LINELEN CHANTYPES=# :are supported"))
        #expect(support["EXCEPTS"] == nil)
        #expect(support.lineLength == 512)
        #expect(support.channelTypes == "#")
        #expect(support.isChannel("#opd-pupr"))
        #expect(!support.isChannel("&local"))
        #expect(!support.isChannel(""))
    }

    @Test("defaults when nothing is advertised")
    func defaults() {
        let support = IRCISupport()
        #expect(support.caseMapping == .rfc1459)
        #expect(support.channelTypes == "#&")
        #expect(support.nickLength == nil)
        #expect(support.lineLength == 512)
    }

    @Test("odd values")
    func oddValues() {
        var support = IRCISupport(parameters: ["CASEMAPPING": "rfc7613", "NICKLEN": "x", "LINELEN": "100"])
        #expect(support.caseMapping == .ascii)
        #expect(support.nickLength == nil)
        #expect(support.lineLength == 512)
        support.apply(tokens: ["CASEMAPPING=rfc1459-strict", "CHANTYPES=", "NICKLEN=0"])
        #expect(support.caseMapping == .rfc1459Strict)
        #expect(support.channelTypes == "")
        #expect(support.nickLength == nil)
        #expect(IRCISupport.unescape(#"a\x2"#) == #"a\x2"#)
        #expect(IRCISupport.unescape(#"\x5Cx20\xzz\x41"#) == #"\x20\xzzA"#)
        #expect(IRCISupport.unescape(#"\xC3\xA9\xFF"#) == "é\u{FFFD}")
    }

    @Test("messages other than 005 are ignored")
    func otherMessages() throws {
        let support = IRCISupport(message: try IRCMessage.parse(":s 004 aduan CASEMAPPING=ascii :x"))
        #expect(support.parameters.isEmpty)
    }
}
