import AduanCore
import AduanIRCProtocol
import Testing

/// Random texts in the shape of citizens' complaints: Indonesian words, emoji with skin tones
/// and ZWJ sequences, flags, combining marks, tabs, runs of spaces, every kind of line break,
/// NUL, long URLs and words longer than a line.
struct ComplaintTextGenerator {
    var random: SplitMix64

    static let words = [
        "jalan", "rusak", "berlubang", "lampu", "mati", "sampah", "menumpuk", "di", "depan", "rumah", "saya",
        "Desa", "Kintamani", "Kecamatan", "Bangli", "Susut", "Tembuku", "kelurahan", "Cempaga", "sudah", "tiga",
        "minggu", "belum", "diperbaiki", "mohon", "segera", "ditindaklanjuti", "terima", "kasih", "banyak",
        "Bapak/Ibu", "pengaduan", "saluran", "air", "tersumbat", "banjir", "setiap", "hujan", "deras", "warga",
        "RT/RW", "03/05", "jembatan", "ambruk", "puskesmas", "antre", "panjang", "pelayanan", "lambat", "KTP",
        "e-KTP", "belum-jadi", "\"tolong\"", "(urgent)", "Rp50.000", "08123456789", "#aduan", ":)", ":-(", "::",
        "Pemerintah", "Kabupaten", "sekolah", "genteng", "bocor", "perbaikan", "anggaran", "2026", "café",
    ]
    static let emoji = [
        "😀", "🙏", "😡", "👍🏽", "👍🏿", "👨‍👩‍👧‍👦", "👩🏽‍💻", "🏳️‍🌈", "🇮🇩", "🇮🇩🇮🇩", "1️⃣", "❤️", "🧑🏾‍🤝‍🧑🏻", "🚧", "💧",
        "e\u{301}", "n\u{303}", "각", "漢字", "ฉันรักคุณ", "अनुच्छेद", "\u{200D}", "\u{FE0F}", "ʼ",
    ]
    static let separators = [" ", " ", " ", " ", "  ", "   ", "\t", " \t ", "\n", "\r\n", "\r", "\n\n", " \u{0} ", "\r\n\r\n"]

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func pick(_ list: [String]) -> String {
        list[Int.random(in: 0..<list.count, using: &random)]
    }

    mutating func token() -> String {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<60: return pick(Self.words)
        case 60..<85: return pick(Self.emoji)
        case 85..<90: return pick(Self.words) + pick(Self.emoji) + pick(Self.words)
        case 90..<94:
            let length = Int.random(in: 100...700, using: &random)
            return "https://aduan.banglikab.go.id/lapor?id=" + String(repeating: "x", count: length)
        case 94..<97:
            return String(repeating: pick(Self.emoji), count: Int.random(in: 20...200, using: &random))
        default:
            return String(repeating: pick(Self.words), count: Int.random(in: 5...80, using: &random))
        }
    }

    /// A text of roughly `characters` characters.
    mutating func text(characters: Int) -> String {
        var text = ""
        var count = 0
        if Bool.random(using: &random) { text += pick(Self.separators) }
        while count < characters {
            let token = token()
            let separator = pick(Self.separators)
            text += token
            text += separator
            count += token.count + separator.count
        }
        return text
    }
}

@Suite("IRCTextSplitter")
struct IRCTextSplitterTests {
    /// A source string of exactly `length` bytes, as the server would prepend it.
    static func source(length: Int) -> String {
        let nick = max(1, length / 3)
        let host = length - nick - 2 - 1
        return String(repeating: "n", count: nick) + "!u@" + String(repeating: "h", count: max(0, host))
    }

    /// Checks every property the splitter promises for `text`; returns the pieces.
    @discardableResult
    static func check(_ text: String, splitter: IRCTextSplitter, target: String, verb: String = "PRIVMSG",
                      graphemesIntact: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let pieces = try splitter.split(text, verb: verb, target: target)
        let source = Array(source(length: splitter.sourceLength).utf8)
        #expect(source.count == splitter.sourceLength, sourceLocation: sourceLocation)
        for piece in pieces {
            let message = IRCMessage(verb: verb, params: [target, piece])
            var relayed: [UInt8] = [0x3A]
            relayed += source
            relayed.append(0x20)
            relayed += try message.serialize()
            relayed += [0x0D, 0x0A]
            #expect(relayed.count <= splitter.lineLength, "\(relayed.count) bytes: \(piece.debugDescription)",
                    sourceLocation: sourceLocation)
            #expect(String(validating: relayed, as: UTF8.self) != nil, sourceLocation: sourceLocation)
            #expect(!piece.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\u{0}" },
                    sourceLocation: sourceLocation)
            #expect(!piece.isEmpty, sourceLocation: sourceLocation)
            #expect(try IRCMessage.parse(message.serialize()).params == [target, piece], sourceLocation: sourceLocation)
        }
        // A grapheme cluster longer than a whole line (a run of lone ZWJ or variation selectors
        // after one character) can only be cut between scalars; otherwise clusters stay whole.
        let budget = splitter.textBudget(verb: verb, target: target)
        let intact = graphemesIntact && !text.contains { $0.utf8.count > budget }
        #expect(joinsBack(pieces, to: text, graphemesIntact: intact),
                "pieces do not join back to the text", sourceLocation: sourceLocation)
        return pieces
    }

    static func isSkippable(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || scalar == "\u{0}"
    }

    /// Whether the pieces, in order, are exactly the text (NUL removed, as documented) with only
    /// spaces, tabs and line breaks left out between them. With `graphemesIntact`, pieces are also
    /// compared as grapheme clusters of the text, so a cut inside a cluster fails.
    static func joinsBack(_ pieces: [String], to original: String, graphemesIntact: Bool) -> Bool {
        let text = String(String.UnicodeScalarView(original.unicodeScalars.filter { $0 != "\u{0}" }))
        if graphemesIntact {
            let characters = Array(text)
            var position = 0
            for piece in pieces {
                let wanted = Array(piece)
                while true {
                    if position + wanted.count <= characters.count,
                       zip(characters[position..<(position + wanted.count)], wanted).allSatisfy({
                           $0.unicodeScalars.elementsEqual($1.unicodeScalars)
                       }) {
                        position += wanted.count
                        break
                    }
                    guard position < characters.count, characters[position].unicodeScalars.allSatisfy(isSkippable) else {
                        return false
                    }
                    position += 1
                }
            }
            return characters[position...].allSatisfy { $0.unicodeScalars.allSatisfy(isSkippable) }
        } else {
            let scalars = Array(text.unicodeScalars)
            var position = 0
            for piece in pieces {
                let wanted = Array(piece.unicodeScalars)
                while true {
                    if position + wanted.count <= scalars.count, Array(scalars[position..<(position + wanted.count)]) == wanted {
                        position += wanted.count
                        break
                    }
                    guard position < scalars.count, isSkippable(scalars[position]) else { return false }
                    position += 1
                }
            }
            return scalars[position...].allSatisfy(isSkippable)
        }
    }

    @Test("short text is one piece, unchanged")
    func short() throws {
        let splitter = IRCTextSplitter()
        #expect(try splitter.split("Aduan Anda sudah kami terima 🙏", target: "#opd-pupr") == ["Aduan Anda sudah kami terima 🙏"])
        #expect(try splitter.split("  spasi  ", target: "warga") == ["  spasi  "])
    }

    @Test("every line is its own message; empty lines are dropped, or sent as a space")
    func lines() throws {
        let text = "baris satu\r\nbaris dua\n\n   \nbaris tiga\rbaris empat\r\n"
        #expect(try IRCTextSplitter().split(text, target: "#a") == ["baris satu", "baris dua", "baris tiga", "baris empat"])
        #expect(try IRCTextSplitter(emptyLines: .space).split(text, target: "#a")
            == ["baris satu", "baris dua", " ", " ", "baris tiga", "baris empat"])
        #expect(try IRCTextSplitter().split("", target: "#a") == [])
        #expect(try IRCTextSplitter().split("\r\n\n", target: "#a") == [])
        #expect(try IRCTextSplitter().split("a\u{0}b", target: "#a") == ["ab"])
    }

    @Test("the injection text becomes two harmless messages")
    func injection() throws {
        let messages = try IRCTextSplitter().messages(target: "#opd-pupr", text: "hi\r\nPRIVMSG #opd-pupr :x")
        #expect(messages == [.privmsg(target: "#opd-pupr", text: "hi"), .privmsg(target: "#opd-pupr", text: "PRIVMSG #opd-pupr :x")])
        for message in messages {
            let bytes = try message.serialize()
            #expect(!bytes.contains(0x0D) && !bytes.contains(0x0A))
        }
    }

    @Test("the budget counts the relayed prefix, verb, target, ' :' and CR LF")
    func budget() {
        let splitter = IRCTextSplitter()
        #expect(IRCTextSplitter.conservativeSourceLength == 138)
        // 512 - 2 (CR LF) - 140 (":" source " ") - 7 (PRIVMSG) - 1 - 9 (#opd-pupr) - 2 (" :")
        #expect(splitter.textBudget(verb: "PRIVMSG", target: "#opd-pupr") == 351)
        let own = IRCTextSplitter(nick: "aduan", user: "~aduan", host: "bangli.example")
        #expect(own.sourceLength == 5 + 1 + 6 + 1 + 14)
        #expect(IRCTextSplitter(lineLength: 1024).textBudget(target: "#a") == 1024 - 2 - 140 - 7 - 1 - 2 - 2)
    }

    @Test("long Indonesian text is cut at word boundaries, filling each line")
    func wordBoundaries() throws {
        var generator = SplitMix64(seed: 7)
        let words = ComplaintTextGenerator.words
        var text = ""
        while text.utf8.count < 2_000 { text += words[Int.random(in: 0..<words.count, using: &generator)] + " " }
        text.removeLast()
        let splitter = IRCTextSplitter()
        let budget = splitter.textBudget(target: "#opd-pupr")
        let pieces = try Self.check(text, splitter: splitter, target: "#opd-pupr")
        #expect(pieces.count > 5)
        let longest = words.map(\.utf8.count).max()!
        for (index, piece) in pieces.enumerated() {
            #expect(piece.first != " " && piece.last != " ")
            #expect(words.contains(String(piece.split(separator: " ").last!)))  // never ends inside a word
            if index < pieces.count - 1 {
                #expect(piece.utf8.count > budget - longest - 1)  // greedy: the next word did not fit
            }
        }
    }

    @Test("a word longer than a line is cut between grapheme clusters")
    func longWord() throws {
        let family = "👨‍👩‍👧‍👦"  // 25 bytes, one grapheme cluster
        let text = String(repeating: family, count: 100)
        let splitter = IRCTextSplitter()
        let budget = splitter.textBudget(target: "#a")
        let pieces = try Self.check(text, splitter: splitter, target: "#a")
        #expect(pieces.allSatisfy { $0 == String(repeating: family, count: $0.count) })
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count > budget - 25 })
        let thumbs = String(repeating: "👍🏽", count: 300)
        #expect(try Self.check(thumbs, splitter: splitter, target: "#a").allSatisfy { $0.count * 8 == $0.utf8.count })
    }

    @Test("a grapheme cluster longer than a line is cut between scalars")
    func oversizedCluster() throws {
        let zalgo = "a" + String(repeating: "\u{301}", count: 400) + " ok"  // one cluster of 801 bytes
        let pieces = try Self.check(zalgo, splitter: IRCTextSplitter(), target: "#a", graphemesIntact: false)
        #expect(pieces.count == 4)
        #expect(pieces.last == "ok")
    }

    @Test("refuses bad targets and a line too short for any text")
    func errors() {
        let splitter = IRCTextSplitter()
        #expect(throws: IRCSplitError.invalidTarget("#a\r\nQUIT")) { try splitter.split("x", target: "#a\r\nQUIT") }
        #expect(throws: IRCSplitError.invalidTarget("#a #b")) { try splitter.split("x", target: "#a #b") }
        #expect(throws: IRCSplitError.invalidTarget("")) { try splitter.split("x", target: "") }
        #expect(throws: IRCSplitError.invalidVerb("PRIV MSG")) { try splitter.split("x", verb: "PRIV MSG", target: "#a") }
        #expect(throws: IRCSplitError.self) { try splitter.split("x", target: String(repeating: "#", count: 400)) }
    }

    @Test("2,000-character complaints full of emoji and Indonesian words", arguments: 0..<50)
    func longComplaints(seed: Int) throws {
        var generator = ComplaintTextGenerator(seed: UInt64(seed))
        let text = generator.text(characters: 2_000)
        try Self.check(text, splitter: IRCTextSplitter(), target: "#opd-pupr")
        try Self.check(text, splitter: IRCTextSplitter(nick: "aduan", user: "~aduan", host: "x.example"), target: "warga",
                       verb: "NOTICE")
    }

    @Test("randomized: thousands of texts, line lengths, sources and targets")
    func randomized() throws {
        var random = SplitMix64(seed: 0xAD0A_2026)
        var pieceCount = 0
        for round in 0..<3_000 {
            var generator = ComplaintTextGenerator(seed: UInt64(round) &* 7_919)
            let text = generator.text(characters: Int.random(in: 0...2_000, using: &random))
            let lineLength = [512, 512, 512, 600, 1_024, 4_096][Int.random(in: 0..<6, using: &random)]
            let sourceLength = Int.random(in: 5...IRCTextSplitter.conservativeSourceLength, using: &random)
            let target = Bool.random(using: &random)
                ? "#" + String(repeating: "c", count: Int.random(in: 1...49, using: &random))
                : String(repeating: "w", count: Int.random(in: 1...30, using: &random))
            let splitter = IRCTextSplitter(lineLength: lineLength, sourceLength: sourceLength)
            pieceCount += try Self.check(text, splitter: splitter, target: target,
                                         verb: Bool.random(using: &random) ? "PRIVMSG" : "NOTICE").count
        }
        #expect(pieceCount > 3_000)
    }

    @Test("deterministic")
    func deterministic() throws {
        var generator = ComplaintTextGenerator(seed: 99)
        let text = generator.text(characters: 2_000)
        let splitter = IRCTextSplitter()
        #expect(try splitter.split(text, target: "#a") == splitter.split(text, target: "#a"))
    }
}
