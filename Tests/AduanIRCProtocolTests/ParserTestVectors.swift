// Test vectors transcribed from ircdocs/parser-tests (CC0, public domain dedication):
//   tests/msg-split.yaml      — all 35 vectors
//   tests/msg-join.yaml       — all 18 vectors
//   tests/userhost-split.yaml — all 6 vectors
// YAML escapes are resolved here: a Swift raw string #"…"# holds the bytes as they come off the
// wire (backslashes are literal), "\u{03}" is the YAML "\x03", "\t" a tab.
import AduanIRCProtocol
import Testing

/// One msg-split vector: an input line and the atoms it must split into.
struct SplitVector: Sendable, CustomTestStringConvertible {
    var input: String
    var tags: [String: String] = [:]
    var source: String?
    var verb: String
    var params: [String] = []

    var testDescription: String { input.debugDescription }
}

/// One msg-join vector: atoms and the lines that are acceptable serializations of them.
struct JoinVector: Sendable, CustomTestStringConvertible {
    var desc: String
    var tags: [String: String] = [:]
    var source: String?
    var verb: String
    var params: [String] = []
    var matches: [String]

    var testDescription: String { desc }
}

/// One userhost-split vector ("if a key does not exist, assume it is an empty string").
struct UserhostVector: Sendable, CustomTestStringConvertible {
    var source: String
    var nick: String
    var user: String = ""
    var host: String = ""

    var testDescription: String { source.debugDescription }
}

enum ParserVectors {
    static let msgSplit: [SplitVector] = [
        // simple
        SplitVector(input: "foo bar baz asdf", verb: "foo", params: ["bar", "baz", "asdf"]),
        // with source
        SplitVector(input: ":coolguy foo bar baz asdf", source: "coolguy", verb: "foo", params: ["bar", "baz", "asdf"]),
        // with trailing param
        SplitVector(input: "foo bar baz :asdf quux", verb: "foo", params: ["bar", "baz", "asdf quux"]),
        SplitVector(input: "foo bar baz :", verb: "foo", params: ["bar", "baz", ""]),
        SplitVector(input: "foo bar baz ::asdf", verb: "foo", params: ["bar", "baz", ":asdf"]),
        // with source and trailing param
        SplitVector(input: ":coolguy foo bar baz :asdf quux", source: "coolguy", verb: "foo", params: ["bar", "baz", "asdf quux"]),
        SplitVector(input: ":coolguy foo bar baz :  asdf quux ", source: "coolguy", verb: "foo", params: ["bar", "baz", "  asdf quux "]),
        SplitVector(input: ":coolguy PRIVMSG bar :lol :) ", source: "coolguy", verb: "PRIVMSG", params: ["bar", "lol :) "]),
        SplitVector(input: ":coolguy foo bar baz :", source: "coolguy", verb: "foo", params: ["bar", "baz", ""]),
        SplitVector(input: ":coolguy foo bar baz :  ", source: "coolguy", verb: "foo", params: ["bar", "baz", "  "]),
        // with tags
        SplitVector(input: "@a=b;c=32;k;rt=ql7 foo", tags: ["a": "b", "c": "32", "k": "", "rt": "ql7"], verb: "foo"),
        // with escaped tags
        SplitVector(input: #"@a=b\\and\nk;c=72\s45;d=gh\:764 foo"#,
                    tags: ["a": "b\\and\nk", "c": "72 45", "d": "gh;764"], verb: "foo"),
        // with tags and source
        SplitVector(input: "@c;h=;a=b :quux ab cd", tags: ["c": "", "h": "", "a": "b"], source: "quux", verb: "ab", params: ["cd"]),
        // different forms of last param
        SplitVector(input: ":src JOIN #chan", source: "src", verb: "JOIN", params: ["#chan"]),
        SplitVector(input: ":src JOIN :#chan", source: "src", verb: "JOIN", params: ["#chan"]),
        // with and without last param
        SplitVector(input: ":src AWAY", source: "src", verb: "AWAY"),
        SplitVector(input: ":src AWAY ", source: "src", verb: "AWAY"),
        // tab is not considered <SPACE>
        SplitVector(input: ":cool\tguy foo bar baz", source: "cool\tguy", verb: "foo", params: ["bar", "baz"]),
        // with weird control codes in the source
        SplitVector(input: ":coolguy!ag@net\u{03}5w\u{03}ork.admin PRIVMSG foo :bar baz",
                    source: "coolguy!ag@net\u{03}5w\u{03}ork.admin", verb: "PRIVMSG", params: ["foo", "bar baz"]),
        SplitVector(input: ":coolguy!~ag@n\u{02}et\u{03}05w\u{0F}ork.admin PRIVMSG foo :bar baz",
                    source: "coolguy!~ag@n\u{02}et\u{03}05w\u{0F}ork.admin", verb: "PRIVMSG", params: ["foo", "bar baz"]),
        SplitVector(input: "@tag1=value1;tag2;vendor1/tag3=value2;vendor2/tag4= :irc.example.com COMMAND param1 param2 :param3 param3",
                    tags: ["tag1": "value1", "tag2": "", "vendor1/tag3": "value2", "vendor2/tag4": ""],
                    source: "irc.example.com", verb: "COMMAND", params: ["param1", "param2", "param3 param3"]),
        SplitVector(input: ":irc.example.com COMMAND param1 param2 :param3 param3",
                    source: "irc.example.com", verb: "COMMAND", params: ["param1", "param2", "param3 param3"]),
        SplitVector(input: "@tag1=value1;tag2;vendor1/tag3=value2;vendor2/tag4 COMMAND param1 param2 :param3 param3",
                    tags: ["tag1": "value1", "tag2": "", "vendor1/tag3": "value2", "vendor2/tag4": ""],
                    verb: "COMMAND", params: ["param1", "param2", "param3 param3"]),
        SplitVector(input: "COMMAND", verb: "COMMAND"),
        // yaml encoding + slashes is fun
        SplitVector(input: #"@foo=\\\\\:\\s\s\r\n COMMAND"#, tags: ["foo": "\\\\;\\s \r\n"], verb: "COMMAND"),
        // broken messages from unreal
        SplitVector(input: ":gravel.mozilla.org 432  #momo :Erroneous Nickname: Illegal characters",
                    source: "gravel.mozilla.org", verb: "432", params: ["#momo", "Erroneous Nickname: Illegal characters"]),
        SplitVector(input: ":gravel.mozilla.org MODE #tckk +n ", source: "gravel.mozilla.org", verb: "MODE", params: ["#tckk", "+n"]),
        SplitVector(input: ":services.esper.net MODE #foo-bar +o foobar  ",
                    source: "services.esper.net", verb: "MODE", params: ["#foo-bar", "+o", "foobar"]),
        // tag values should be parsed char-at-a-time to prevent wayward replacements.
        SplitVector(input: #"@tag1=value\\ntest COMMAND"#, tags: ["tag1": "value\\ntest"], verb: "COMMAND"),
        // a slash followed by a character that needs no escaping is dropped
        SplitVector(input: #"@tag1=value\1 COMMAND"#, tags: ["tag1": "value1"], verb: "COMMAND"),
        // a slash at the end of a tag value is dropped
        SplitVector(input: #"@tag1=value1\ COMMAND"#, tags: ["tag1": "value1"], verb: "COMMAND"),
        // duplicate tags: parsers SHOULD disregard all but the final occurrence
        SplitVector(input: "@tag1=1;tag2=3;tag3=4;tag1=5 COMMAND", tags: ["tag1": "5", "tag2": "3", "tag3": "4"], verb: "COMMAND"),
        // vendored tags can have the same name as a non-vendored tag
        SplitVector(input: "@tag1=1;tag2=3;tag3=4;tag1=5;vendor/tag2=8 COMMAND",
                    tags: ["tag1": "5", "tag2": "3", "tag3": "4", "vendor/tag2": "8"], verb: "COMMAND"),
        // some parsers handle /MODE in a special way, make sure they do it right
        SplitVector(input: ":SomeOp MODE #channel :+i", source: "SomeOp", verb: "MODE", params: ["#channel", "+i"]),
        SplitVector(input: ":SomeOp MODE #channel +oo SomeUser :AnotherUser",
                    source: "SomeOp", verb: "MODE", params: ["#channel", "+oo", "SomeUser", "AnotherUser"]),
    ]

    static let msgJoin: [JoinVector] = [
        JoinVector(desc: "Simple test with verb and params.", verb: "foo", params: ["bar", "baz", "asdf"],
                   matches: ["foo bar baz asdf", "foo bar baz :asdf"]),
        JoinVector(desc: "Simple test with source and no params.", source: "src", verb: "AWAY", matches: [":src AWAY"]),
        JoinVector(desc: "Simple test with source and empty trailing param.", source: "src", verb: "AWAY", params: [""],
                   matches: [":src AWAY :"]),
        JoinVector(desc: "Simple test with source.", source: "coolguy", verb: "foo", params: ["bar", "baz", "asdf"],
                   matches: [":coolguy foo bar baz asdf", ":coolguy foo bar baz :asdf"]),
        JoinVector(desc: "Simple test with trailing param.", verb: "foo", params: ["bar", "baz", "asdf quux"],
                   matches: ["foo bar baz :asdf quux"]),
        JoinVector(desc: "Simple test with empty trailing param.", verb: "foo", params: ["bar", "baz", ""],
                   matches: ["foo bar baz :"]),
        JoinVector(desc: "Simple test with trailing param containing colon.", verb: "foo", params: ["bar", "baz", ":asdf"],
                   matches: ["foo bar baz ::asdf"]),
        JoinVector(desc: "Test with source and trailing param.", source: "coolguy", verb: "foo", params: ["bar", "baz", "asdf quux"],
                   matches: [":coolguy foo bar baz :asdf quux"]),
        JoinVector(desc: "Test with trailing containing beginning+end whitespace.", source: "coolguy", verb: "foo",
                   params: ["bar", "baz", "  asdf quux "], matches: [":coolguy foo bar baz :  asdf quux "]),
        JoinVector(desc: "Test with trailing containing what looks like another trailing param.", source: "coolguy",
                   verb: "PRIVMSG", params: ["bar", "lol :) "], matches: [":coolguy PRIVMSG bar :lol :) "]),
        JoinVector(desc: "Simple test with source and empty trailing.", source: "coolguy", verb: "foo", params: ["bar", "baz", ""],
                   matches: [":coolguy foo bar baz :"]),
        JoinVector(desc: "Trailing contains only spaces.", source: "coolguy", verb: "foo", params: ["bar", "baz", "  "],
                   matches: [":coolguy foo bar baz :  "]),
        JoinVector(desc: "Param containing tab (tab is not considered SPACE for message splitting).", source: "coolguy",
                   verb: "foo", params: ["b\tar", "baz"], matches: [":coolguy foo b\tar baz", ":coolguy foo b\tar :baz"]),
        JoinVector(desc: "Tag with empty value and space-filled trailing.", tags: ["asd": ""], source: "coolguy", verb: "foo",
                   params: ["bar", "baz", "  "], matches: ["@asd :coolguy foo bar baz :  ", "@asd= :coolguy foo bar baz :  "]),
        JoinVector(desc: "Tag with no value and space-filled trailing.", tags: ["asd": ""], source: "coolguy", verb: "foo",
                   params: ["bar", "baz", "  "], matches: ["@asd :coolguy foo bar baz :  "]),
        JoinVector(desc: "Tags with escaped values.", tags: ["a": "b\\and\nk", "d": "gh;764"], verb: "foo",
                   matches: [#"@a=b\\and\nk;d=gh\:764 foo"#, #"@d=gh\:764;a=b\\and\nk foo"#]),
        JoinVector(desc: "Tags with escaped values and params.", tags: ["a": "b\\and\nk", "d": "gh;764"], verb: "foo",
                   params: ["par1", "par2"],
                   matches: [#"@a=b\\and\nk;d=gh\:764 foo par1 par2"#, #"@a=b\\and\nk;d=gh\:764 foo par1 :par2"#,
                             #"@d=gh\:764;a=b\\and\nk foo par1 par2"#, #"@d=gh\:764;a=b\\and\nk foo par1 :par2"#]),
        JoinVector(desc: "Tag with long, strange values (including LF and newline).", tags: ["foo": "\\\\;\\s \r\n"],
                   verb: "COMMAND", matches: [#"@foo=\\\\\:\\s\s\r\n COMMAND"#]),
    ]

    static let userhostSplit: [UserhostVector] = [
        UserhostVector(source: "coolguy!ag@127.0.0.1", nick: "coolguy", user: "ag", host: "127.0.0.1"),
        UserhostVector(source: "coolguy!~ag@localhost", nick: "coolguy", user: "~ag", host: "localhost"),
        UserhostVector(source: "coolguy@127.0.0.1", nick: "coolguy", host: "127.0.0.1"),
        UserhostVector(source: "coolguy!ag", nick: "coolguy", user: "ag"),
        UserhostVector(source: "coolguy!ag@net\u{03}5w\u{03}ork.admin", nick: "coolguy", user: "ag", host: "net\u{03}5w\u{03}ork.admin"),
        UserhostVector(source: "coolguy!~ag@n\u{02}et\u{03}05w\u{0F}ork.admin", nick: "coolguy", user: "~ag",
                       host: "n\u{02}et\u{03}05w\u{0F}ork.admin"),
    ]
}

@Suite("ircdocs/parser-tests vectors")
struct ParserTestVectorTests {
    @Test("the vector lists are complete")
    func counts() {
        #expect(ParserVectors.msgSplit.count == 35)
        #expect(ParserVectors.msgJoin.count == 18)
        #expect(ParserVectors.userhostSplit.count == 6)
    }

    @Test("msg-split", arguments: ParserVectors.msgSplit)
    func msgSplit(_ vector: SplitVector) throws {
        let message = try IRCMessage.parse(vector.input)
        #expect(message.tags == vector.tags)
        #expect(message.source == vector.source)
        #expect(message.verb == vector.verb)
        #expect(message.params == vector.params)
        // The same line as bytes, with CR LF, parses the same.
        #expect(try IRCMessage.parse(Array(vector.input.utf8) + [0x0D, 0x0A]) == message)
    }

    @Test("msg-split round-trips through the serializer", arguments: ParserVectors.msgSplit)
    func msgSplitRoundTrip(_ vector: SplitVector) throws {
        let message = try IRCMessage.parse(vector.input)
        let again = try IRCMessage.parse(message.serialize())
        #expect(again == message)
        #expect(again.tagList == message.tagList)
    }

    @Test("msg-join", arguments: ParserVectors.msgJoin)
    func msgJoin(_ vector: JoinVector) throws {
        let message = IRCMessage(tags: vector.tags, source: vector.source, verb: vector.verb, params: vector.params)
        let line = try message.serializedString()
        #expect(vector.matches.contains(line), "\(line.debugDescription) is not one of \(vector.matches)")
        for match in vector.matches {
            #expect(try IRCMessage.parse(match) == message)
        }
    }

    @Test("userhost-split", arguments: ParserVectors.userhostSplit)
    func userhostSplit(_ vector: UserhostVector) {
        let source = IRCSource(parsing: vector.source)
        #expect(source.nick == vector.nick)
        #expect(source.user ?? "" == vector.user)
        #expect(source.host ?? "" == vector.host)
        #expect(source.description == vector.source)
    }
}
