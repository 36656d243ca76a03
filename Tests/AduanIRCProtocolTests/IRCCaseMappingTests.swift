import AduanIRCProtocol
import Testing

@Suite("IRCCaseMapping")
struct IRCCaseMappingTests {
    @Test("rfc1459 (the default) folds []\\^ to {}|~")
    func rfc1459() {
        let mapping = IRCCaseMapping.default
        #expect(mapping == .rfc1459)
        #expect(mapping.lowercase("Warga[]\\~^") == "warga{}|~~")
        #expect(mapping.equals("[]\\~", "{}|^"))
        #expect(mapping.equals("Adu[an]", "adu{AN}"))
        #expect(mapping.equals("#OPD-PUPR", "#opd-pupr"))
        #expect(!mapping.equals("abc", "abd"))
        #expect(!mapping.equals("abc", "abcd"))
    }

    @Test("rfc1459-strict leaves ^ and ~ apart")
    func strict() {
        let mapping = IRCCaseMapping.rfc1459Strict
        #expect(mapping.lowercase("A[]\\^~") == "a{}|^~")
        #expect(mapping.equals("[]\\", "{}|"))
        #expect(!mapping.equals("^", "~"))
        #expect(!mapping.equals("[]\\~", "{}|^"))
    }

    @Test("ascii folds only letters")
    func ascii() {
        let mapping = IRCCaseMapping.ascii
        #expect(mapping.lowercase("ADUAN[]\\^") == "aduan[]\\^")
        #expect(mapping.equals("Aduan", "aDUAN"))
        #expect(!mapping.equals("[", "{"))
    }

    @Test("non-ASCII text is never folded or broken")
    func unicode() {
        for mapping in IRCCaseMapping.allCases {
            #expect(mapping.lowercase("ÉCOLE😀Ç") == "École😀Ç")
            #expect(!mapping.equals("É", "é"))
        }
    }

    @Test("from ISUPPORT values")
    func fromISupport() {
        #expect(IRCCaseMapping(isupportValue: "ascii") == .ascii)
        #expect(IRCCaseMapping(isupportValue: "RFC1459") == .rfc1459)
        #expect(IRCCaseMapping(isupportValue: "rfc1459-strict") == .rfc1459Strict)
        #expect(IRCCaseMapping(isupportValue: "strict-rfc1459") == .rfc1459Strict)
        #expect(IRCCaseMapping(isupportValue: "rfc7613") == nil)
        #expect(IRCCaseMapping.rfc1459Strict.rawValue == "rfc1459-strict")
    }
}
