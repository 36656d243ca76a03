import AduanIRC
import AduanIRCProtocol
import Testing

@Suite("IRC identities")
struct IRCIdentityBookTests {
    let mapping = IRCCaseMapping.rfc1459

    @Test("a plain nick is its own identity, folded by casemapping, and nothing is stored")
    func derived() {
        var book = IRCIdentityBook()
        #expect(book.identity(nick: "Budi[HP]", account: nil, accountTagsEnabled: false, caseMapping: mapping) == "irc:budi{hp}")
        #expect(book.count == 0)
        #expect(book.nick(for: "irc:budi{hp}") == "budi{hp}")
    }

    @Test("a rename keeps the identity; renaming back restores the plain form")
    func rename() {
        var book = IRCIdentityBook()
        _ = book.identity(nick: "budi", account: nil, accountTagsEnabled: false, caseMapping: mapping)
        book.renamed(from: "budi", to: "budi_hp", caseMapping: mapping)
        #expect(book.identity(nick: "BUDI_HP", account: nil, accountTagsEnabled: false, caseMapping: mapping) == "irc:budi")
        #expect(book.nick(for: "irc:budi") == "BUDI_HP")
        book.renamed(from: "budi_hp", to: "Budi2", caseMapping: mapping)
        #expect(book.identity(nick: "budi2", account: nil, accountTagsEnabled: false, caseMapping: mapping) == "irc:budi")
        book.renamed(from: "budi2", to: "budi", caseMapping: mapping)
        #expect(book.count == 0)
        #expect(book.identity(nick: "budi", account: nil, accountTagsEnabled: false, caseMapping: mapping) == "irc:budi")
    }

    @Test("somebody else who takes a nick whose identity moved on gets a fresh identity, not the conversation")
    func nickTakenOver() {
        var book = IRCIdentityBook()
        book.renamed(from: "budi", to: "budi_hp", caseMapping: mapping)
        let stranger = book.identity(nick: "budi", account: nil, accountTagsEnabled: false, caseMapping: mapping)
        #expect(stranger == "irc:budi/2")
        #expect(book.nick(for: "irc:budi/2") == "budi")
        #expect(book.nick(for: "irc:budi") == "budi_hp")
        #expect(book.identity(nick: "budi_hp", account: nil, accountTagsEnabled: false, caseMapping: mapping) == "irc:budi")
    }

    @Test("a QUIT forgets the user's renames")
    func quit() {
        var book = IRCIdentityBook()
        book.renamed(from: "budi", to: "budi_hp", caseMapping: mapping)
        book.quit(nick: "budi_hp", caseMapping: mapping)
        #expect(book.count == 0)
        #expect(book.identity(nick: "budi", account: nil, accountTagsEnabled: false, caseMapping: mapping) == "irc:budi")
        #expect(book.identity(nick: "budi_hp", account: nil, accountTagsEnabled: false, caseMapping: mapping) == "irc:budi_hp")
        // A renumbered identity is unknown once its holder left.
        book.renamed(from: "ani", to: "ani2", caseMapping: mapping)
        #expect(book.identity(nick: "ani", account: nil, accountTagsEnabled: false, caseMapping: mapping) == "irc:ani/2")
        book.quit(nick: "ani", caseMapping: mapping)
        #expect(book.nick(for: "irc:ani/2") == nil)
    }

    @Test("accounts: the account's identity under any nick; logging out falls back to the nick")
    func accounts() {
        var book = IRCIdentityBook()
        #expect(book.identity(nick: "budi", account: "Budi", accountTagsEnabled: true, caseMapping: mapping) == "irc-account:budi")
        book.renamed(from: "budi", to: "budi_hp", caseMapping: mapping)
        #expect(book.nick(for: "irc-account:budi") == "budi_hp")
        #expect(book.identity(nick: "budi_hp", account: nil, accountTagsEnabled: true, caseMapping: mapping) == "irc:budi_hp")
        #expect(book.identity(nick: "budi_hp", account: "*", accountTagsEnabled: true, caseMapping: mapping) == "irc:budi_hp")
        #expect(book.nick(for: "irc-account:nobody") == nil)
    }
}
