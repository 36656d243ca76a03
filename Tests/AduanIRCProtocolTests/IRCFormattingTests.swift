import AduanIRCProtocol
import Testing

@Suite("IRCFormatting.strip")
struct IRCFormattingTests {
    @Test("single-byte codes", arguments: [0x02, 0x0F, 0x11, 0x16, 0x1D, 0x1E, 0x1F] as [UInt32])
    func singleByte(code: UInt32) {
        let c = String(Unicode.Scalar(code)!)
        #expect(IRCFormatting.strip("\(c)jalan\(c) rusak\(c)") == "jalan rusak")
    }

    @Test("colour codes", arguments: [
        ("\u{03}4merah", "merah"),
        ("\u{03}04merah", "merah"),
        ("\u{03}4,12biru", "biru"),
        ("\u{03}04,02biru", "biru"),
        ("\u{03}041234", "1234"),  // two digits at most: "04", then text "1234"
        ("\u{03}4,123", "3"),  // background "12", then "3"
        ("\u{03},5 koma", ",5 koma"),  // no foreground: the comma is text
        ("\u{03}4, koma", ", koma"),  // comma not followed by a digit is text
        ("\u{03}reset", "reset"),
        ("I love \u{03}3IRC! \u{03}It is the \u{03}7best protocol ever!", "I love IRC! It is the best protocol ever!"),
        ("Rules: Don't spam 5\u{03}13,8,6\u{03},7,8, and especially not \u{02}9\u{02}\u{1D}!",
         "Rules: Don't spam 5,6,7,8, and especially not 9!"),
        ("IRC \u{02}is \u{03}4,12so \u{16}great\u{0F}!", "IRC is so great!"),
        ("akhir\u{03}", "akhir"),
        ("akhir\u{03}1", "akhir"),
        ("akhir\u{03}1,", "akhir,"),
    ])
    func colours(input: String, expected: String) {
        #expect(IRCFormatting.strip(input) == expected)
    }

    @Test("hex colour codes", arguments: [
        ("\u{04}FF0000merah", "merah"),
        ("\u{04}ff0000,00FF00hijau", "hijau"),
        ("\u{04}FF00,00teks", "FF00,00teks"),  // not six hex digits: only the code goes
        ("\u{04}FF0000,00FFteks", ",00FFteks"),
        ("\u{04}", ""),
    ])
    func hexColours(input: String, expected: String) {
        #expect(IRCFormatting.strip(input) == expected)
    }

    @Test("ordinary text, Unicode and other control characters are kept")
    func untouched() {
        let text = "Lampu mati 😡👍🏽 di Desa Batur, 3,5 km \u{01}x\t"
        #expect(IRCFormatting.strip(text) == text)
    }
}
