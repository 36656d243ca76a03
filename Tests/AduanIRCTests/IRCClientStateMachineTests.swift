@testable import AduanIRC
import AduanIRCProtocol
import Foundation
import Testing

@Suite("IRC client state machine: registration")
struct IRCClientRegistrationTests {
    @Test("on connect: CAP LS 302, NICK, USER; PASS first when configured")
    func connectSendsRegistration() {
        var machine = IRCClientStateMachine(configuration: .init(nick: "aduan", userName: "bot", realName: "Layanan Aduan"))
        #expect(machine.connected().sentLines == ["CAP LS 302", "NICK aduan", "USER bot 0 * :Layanan Aduan"])
        #expect(!machine.isRegistered)

        var withPassword = IRCClientStateMachine(configuration: .init(nick: "aduan", password: "rahasia"))
        #expect(withPassword.connected().sentLines.first == "PASS rahasia")
    }

    @Test("a multi-line CAP LS is collected; only wanted and offered capabilities are requested; ACK ends negotiation")
    func capabilityNegotiation() {
        var machine = IRCClientStateMachine(configuration: .init(nick: "aduan"))
        _ = machine.connected()
        #expect(machine.feed(":irc.test CAP * LS * :multi-prefix server-time away-notify").sentLines.isEmpty)
        let request = machine.feed(":irc.test CAP * LS :echo-message message-tags sasl=PLAIN,EXTERNAL")
        // sasl is offered but no credentials are configured: not requested.
        #expect(request.sentLines == ["CAP REQ :message-tags server-time echo-message"])
        let end = machine.feed(":irc.test CAP * ACK :message-tags server-time echo-message")
        #expect(end.sentLines == ["CAP END"])
        #expect(machine.capabilities == ["message-tags", "server-time", "echo-message"])
        // A second ACK does not end negotiation twice.
        #expect(machine.feed(":irc.test CAP * ACK :message-tags").sentLines.isEmpty)
    }

    @Test("ngircd offers only multi-prefix: CAP END at once, then 001 registers")
    func nothingWanted() {
        var machine = IRCClientStateMachine(configuration: .init(nick: "aduan"))
        _ = machine.connected()
        #expect(machine.feed(":irc.test CAP * LS :multi-prefix").sentLines == ["CAP END"])
        let welcome = machine.feed(":irc.test 001 aduan :Welcome to the Internet Relay Network aduan!~aduan@127.0.0.1")
        #expect(welcome.contains(.registered(nick: "aduan")))
        #expect(machine.isRegistered)
        #expect(machine.userAndHost?.user == "~aduan")
        #expect(machine.userAndHost?.host == "127.0.0.1")
    }

    @Test("a NAK ends negotiation without the capabilities")
    func nak() {
        var machine = IRCClientStateMachine(configuration: .init(nick: "aduan"))
        _ = machine.connected()
        _ = machine.feed(":irc.test CAP * LS :server-time")
        #expect(machine.feed(":irc.test CAP * NAK :server-time").sentLines == ["CAP END"])
        #expect(machine.capabilities.isEmpty)
    }

    @Test("a server without CAP (421, or no reply at all) still registers")
    func serverWithoutCap() {
        var machine = IRCClientStateMachine(configuration: .init(nick: "aduan", channels: [IRCChannelJoin("#aduan")]))
        _ = machine.connected()
        #expect(machine.feed(":old.server 421 * CAP :Unknown command").sentLines.isEmpty)
        let welcome = machine.feed(":old.server 001 aduan :Welcome")
        #expect(welcome.contains(.registered(nick: "aduan")))
        #expect(welcome.sentLines == ["JOIN #aduan"])

        var silent = IRCClientStateMachine(configuration: .init(nick: "aduan"))
        _ = silent.connected()
        #expect(silent.feed(":old.server 001 aduan :Welcome").contains(.registered(nick: "aduan")))
        #expect(silent.isRegistered)
    }

    @Test("SASL PLAIN: request sasl, AUTHENTICATE PLAIN, base64 account\\0account\\0password, 903 ends negotiation")
    func saslSuccess() throws {
        let configuration = IRCClientConfiguration(nick: "aduan", sasl: .init(account: "aduanbot", password: "s3cret"))
        var machine = IRCClientStateMachine(configuration: configuration)
        _ = machine.connected()
        #expect(machine.feed(":irc.test CAP * LS :sasl=PLAIN account-tag").sentLines == ["CAP REQ :sasl account-tag"])
        #expect(machine.feed(":irc.test CAP aduan ACK :sasl account-tag").sentLines == ["AUTHENTICATE PLAIN"])
        let credentials = machine.feed("AUTHENTICATE +").sentLines
        let expected = Data("aduanbot\u{0}aduanbot\u{0}s3cret".utf8).base64EncodedString()
        #expect(credentials == ["AUTHENTICATE \(expected)"])
        #expect(machine.feed(":irc.test 900 aduan aduan!a@h aduanbot :You are now logged in as aduanbot").sentLines.isEmpty)
        #expect(machine.feed(":irc.test 903 aduan :SASL authentication successful").sentLines == ["CAP END"])
        #expect(machine.feed(":irc.test 001 aduan :Welcome").contains(.registered(nick: "aduan")))
    }

    @Test("SASL failure (904) is logged and the bot goes on without an account")
    func saslFailure() {
        let configuration = IRCClientConfiguration(nick: "aduan", sasl: .init(account: "aduanbot", password: "salah"))
        var machine = IRCClientStateMachine(configuration: configuration)
        _ = machine.connected()
        _ = machine.feed(":irc.test CAP * LS :sasl", ":irc.test CAP * ACK :sasl", "AUTHENTICATE +")
        let failed = machine.feed(":irc.test 904 aduan :SASL authentication failed")
        #expect(failed.sentLines == ["CAP END"])
        #expect(failed.contains { if case .log(.error, _) = $0 { return true } else { return false } })
        #expect(machine.feed(":irc.test 001 aduan :Welcome").contains(.registered(nick: "aduan")))
    }

    @Test("SASL configured but not offered: logged as an error, registration goes on")
    func saslNotOffered() {
        let configuration = IRCClientConfiguration(nick: "aduan", sasl: .init(account: "a", password: "p"))
        var machine = IRCClientStateMachine(configuration: configuration)
        _ = machine.connected()
        let actions = machine.feed(":irc.test CAP * LS :multi-prefix")
        #expect(actions.sentLines == ["CAP END"])
        #expect(actions.contains { if case .log(.error, _) = $0 { return true } else { return false } })
    }

    @Test("long SASL payloads go in 400-byte chunks, with + after an exact multiple")
    func saslChunks() {
        let chunks = SASLPlain.chunks(account: String(repeating: "a", count: 149), password: "p")
        // 149 + 1 + 149 + 1 + 1 = 301 bytes → 404 base64 characters: one full chunk and four more.
        #expect(chunks.map(\.count) == [400, 4])
        // 300 bytes → exactly 400 base64 characters: a "+" follows.
        let exact = SASLPlain.chunks(account: String(repeating: "a", count: 149), password: "")
        #expect(exact.map(\.count) == [400, 1])
        #expect(exact.last == "+")
    }

    @Test("nick in use: nick_, nick__, then the nick with random digits")
    func nickInUse() throws {
        var machine = IRCClientStateMachine(configuration: .init(nick: "aduan"), seed: 7)
        _ = machine.connected()
        #expect(machine.feed(":irc.test 433 * aduan :Nickname already in use").sentLines == ["NICK aduan_"])
        #expect(machine.feed(":irc.test 433 * aduan_ :Nickname already in use").sentLines == ["NICK aduan__"])
        let third = try #require(machine.feed(":irc.test 432 * aduan__ :Erroneous nickname").sentLines.first)
        #expect(third.range(of: "^NICK aduan[0-9]{3}$", options: .regularExpression) != nil)
        let fourth = try #require(machine.feed(":irc.test 433 * x :in use").sentLines.first)
        #expect(fourth.range(of: "^NICK aduan[0-9]{3}$", options: .regularExpression) != nil)
        let nick = machine.nick
        let welcome = machine.feed(":irc.test 001 \(nick) :Welcome")
        #expect(welcome.contains(.registered(nick: nick)))
        // Registered under another nick: ask for the wanted nick again on each tick.
        #expect(machine.tick(receivedSinceLastTick: true).sentLines == ["NICK aduan"])
        _ = machine.feed(":\(nick)!~a@h NICK :aduan")
        #expect(machine.nick == "aduan")
        #expect(machine.tick(receivedSinceLastTick: true).sentLines.isEmpty)
    }

    @Test("001 joins the configured channels, several per line, keyed ones first with their keys")
    func joinsAfterWelcome() {
        let channels = [IRCChannelJoin("#aduan-bangli"), IRCChannelJoin("#staf", key: "kunci"), IRCChannelJoin("#opd-pupr")]
        var machine = IRCClientStateMachine(configuration: .init(nick: "aduan", channels: channels))
        _ = machine.connected()
        #expect(machine.feed(":irc.test 001 aduan :Welcome").sentLines == ["JOIN #staf,#aduan-bangli,#opd-pupr kunci"])
        let many = (1...60).map { IRCChannelJoin("#opd-saluran-\($0)") }
        let lines = IRCClientStateMachine.joinMessages(for: many).compactMap { try? $0.serializedString() }
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 410 })
        #expect(lines.joined(separator: ",").components(separatedBy: "#opd-saluran-").count - 1 == 60)
    }

    @Test("registration that never completes is given up after three ticks")
    func registrationTimeout() {
        var machine = IRCClientStateMachine(configuration: .init(nick: "aduan"))
        _ = machine.connected()
        #expect(!machine.tick(receivedSinceLastTick: true).disconnects)
        #expect(!machine.tick(receivedSinceLastTick: true).disconnects)
        #expect(machine.tick(receivedSinceLastTick: true).disconnects)
    }
}

@Suite("IRC client state machine: a registered connection")
struct IRCClientRegisteredTests {
    @Test("PING is answered with PONG and the same token")
    func pingPong() {
        var machine = IRCClientStateMachine.registered()
        #expect(machine.feed("PING :irc.test").sentLines == ["PONG irc.test"])
        #expect(machine.feed("PING :a token with spaces").sentLines == ["PONG :a token with spaces"])
    }

    @Test("keepalive: a silent tick sends PING; a second silent tick disconnects; any message resets it")
    func keepalive() {
        var machine = IRCClientStateMachine.registered()
        #expect(machine.tick(receivedSinceLastTick: true).sentLines.isEmpty)
        #expect(machine.tick(receivedSinceLastTick: false).sentLines == ["PING aduan-keepalive"])
        _ = machine.feed(":irc.test PONG irc.test :aduan-keepalive")
        #expect(machine.tick(receivedSinceLastTick: false).sentLines == ["PING aduan-keepalive"])
        #expect(machine.tick(receivedSinceLastTick: false).disconnects)
    }

    @Test("ERROR from the server asks for a disconnect (and so a reconnect)")
    func errorDisconnects() {
        var machine = IRCClientStateMachine.registered()
        #expect(machine.feed("ERROR :Closing link: (Excess Flood)").disconnects)
        _ = machine.disconnected()
        #expect(!machine.isConnected)
        #expect(machine.joinedChannels.isEmpty)
        // A new connection registers from scratch.
        #expect(machine.connected().sentLines.contains("NICK aduan"))
    }

    @Test("a PRIVMSG to the bot's nick is a direct message, matched by casemapping")
    func directMessage() throws {
        var machine = IRCClientStateMachine.registered(.init(nick: "[Aduan]"), isupport: "CASEMAPPING=rfc1459")
        let actions = machine.feed(":Budi!~budi@warga.example PRIVMSG {aduan} :halo, jalan rusak")
        let message = try #require(actions.delivered.first)
        #expect(message == IRCChatMessage(identity: "irc:budi", nick: "Budi", channel: nil, text: "halo, jalan rusak",
                                          relayedBytes: ":Budi!~budi@warga.example PRIVMSG {aduan} :halo, jalan rusak".utf8.count))
        // Under ascii casemapping, {aduan} is another nick.
        var ascii = IRCClientStateMachine.registered(.init(nick: "[Aduan]"), isupport: "CASEMAPPING=ascii")
        #expect(ascii.feed(":Budi!~budi@warga.example PRIVMSG {aduan} :halo").delivered.isEmpty)
        #expect(ascii.feed(":Budi!~budi@warga.example PRIVMSG [ADUAN] :halo").delivered.count == 1)
    }

    @Test("a PRIVMSG in a joined channel is a channel message; other channels and the bot's own echo are ignored")
    func channelMessages() throws {
        var machine = IRCClientStateMachine.registered()
        let inChannel = try #require(machine.feed(":made!~m@dinas PRIVMSG #OPD-PUPR :sudah ditangani").delivered.first)
        #expect(inChannel.channel == "#opd-pupr")
        #expect(inChannel.identity == "irc:made")
        #expect(machine.feed(":made!~m@dinas PRIVMSG #lain :halo").delivered.isEmpty)
        #expect(machine.feed(":aduan!~aduan@cloak.example PRIVMSG #opd-pupr :echo").delivered.isEmpty)
        // The echo taught the bot how the server shows it.
        #expect(machine.userAndHost?.host == "cloak.example")
    }

    @Test("someone joining a channel the bot is in is reported with their account; without ops a removal is logged")
    func arrivals() {
        var machine = IRCClientStateMachine.registered()
        #expect(machine.feed(":budi!b@h JOIN #OPD-PUPR") == [.arrival(IRCChannelArrival(
            channel: "#OPD-PUPR", nick: "budi", account: nil, accountsKnown: false, identity: nil))])
        // A channel the bot is not in, and the bot's own join, are no arrivals.
        #expect(machine.feed(":budi!b@h JOIN #lain").isEmpty)
        // With account-tag the account comes along, folded into the identity; "*" is none.
        var tagged = IRCClientStateMachine.registered(caps: "account-tag")
        #expect(tagged.feed("@account=Budi :budi!b@h JOIN #opd-pupr") == [.arrival(IRCChannelArrival(
            channel: "#opd-pupr", nick: "budi", account: "Budi", accountsKnown: true, identity: "irc-account:budi"))])
        #expect(tagged.feed("@account=* :tamu!t@h JOIN #opd-pupr") == [.arrival(IRCChannelArrival(
            channel: "#opd-pupr", nick: "tamu", account: nil, accountsKnown: true, identity: nil))])
        // With WHOX, the bot asks who was there before it; each member is an arrival.
        var whox = IRCClientStateMachine.registered(isupport: "CASEMAPPING=rfc1459 WHOX", caps: "account-tag")
        #expect(whox.feed(":aduan!~aduan@h JOIN #opd-pupr").sentLines == ["WHO #opd-pupr %tcna,717"])
        #expect(whox.feed(":irc.test 354 aduan 717 #opd-pupr tamu 0") == [.arrival(IRCChannelArrival(
            channel: "#opd-pupr", nick: "tamu", account: nil, accountsKnown: true, identity: nil))])
        #expect(whox.feed(":irc.test 354 aduan 717 #opd-pupr aduan aduan").isEmpty, "the bot itself")
        #expect(whox.feed(":irc.test 354 aduan 999 #opd-pupr tamu 0").isEmpty, "another WHO")
        // Made an operator: it looks again.
        #expect(whox.feed(":budi!b@h MODE #opd-pupr +o aduan").sentLines == ["WHO #opd-pupr %tcna,717"])
        #expect(whox.feed(":budi!b@h MODE #opd-pupr +o budi").isEmpty)
        let refused = machine.feed(":irc.test.local 482 aduan #opd-pupr :You must be a channel operator")
        guard case .log(.warning, let text)? = refused.first else {
            Issue.record("no warning for 482: \(refused)")
            return
        }
        #expect(text.contains("not a channel operator in #opd-pupr"))
    }

    @Test("formatting codes are removed; a message with nothing left is dropped")
    func formattingStripped() {
        var machine = IRCClientStateMachine.registered()
        #expect(machine.feed(":budi!b@h PRIVMSG aduan :\u{02}jalan\u{02} \u{03}4rusak").delivered.first?.text == "jalan rusak")
        #expect(machine.feed(":budi!b@h PRIVMSG aduan :\u{02}\u{03}4 \u{0F}").delivered.isEmpty)
    }

    @Test("CTCP VERSION and PING get NOTICE replies; other CTCP and NOTICEs get nothing")
    func ctcp() {
        var machine = IRCClientStateMachine.registered(.init(nick: "aduan", version: "Aduan 1.0"))
        #expect(machine.feed(":budi!b@h PRIVMSG aduan :\u{01}VERSION\u{01}").sentLines == ["NOTICE budi :\u{01}VERSION Aduan 1.0\u{01}"])
        #expect(machine.feed(":budi!b@h PRIVMSG aduan :\u{01}PING 12345\u{01}").sentLines == ["NOTICE budi :\u{01}PING 12345\u{01}"])
        let action = machine.feed(":budi!b@h PRIVMSG aduan :\u{01}ACTION melambai\u{01}")
        #expect(action.isEmpty)
        #expect(machine.feed(":budi!b@h NOTICE aduan :\u{01}VERSION\u{01}").isEmpty)
        #expect(machine.feed(":budi!b@h NOTICE aduan :halo").isEmpty)
    }

    @Test("kicked from a configured channel: rejoin after the delay, with the key")
    func kickRejoin() {
        let configuration = IRCClientConfiguration(nick: "aduan", channels: [IRCChannelJoin("#staf", key: "kunci")],
                                                   rejoinDelay: .seconds(3))
        var machine = IRCClientStateMachine.registered(configuration)
        #expect(machine.joinedChannels == ["#staf"])
        let kick = machine.feed(":op!o@h KICK #staf aduan :keluar")
        #expect(kick.contains(.scheduleRejoin(channel: "#staf", after: .seconds(3))))
        #expect(machine.joinedChannels.isEmpty)
        #expect(machine.rejoinDue(channel: "#staf").sentLines == ["JOIN #staf kunci"])
        // Someone else kicked: nothing to do.
        #expect(machine.feed(":op!o@h KICK #staf budi :keluar").isEmpty)
        // Already back in (or disconnected meanwhile): no second JOIN.
        _ = machine.feed(":aduan!~aduan@h JOIN #staf")
        #expect(machine.rejoinDue(channel: "#staf").isEmpty)
    }

    @Test("the bot's own nick changes are tracked")
    func ownNickChange() {
        var machine = IRCClientStateMachine.registered()
        _ = machine.feed(":aduan!~aduan@h NICK :aduan-bangli")
        #expect(machine.nick == "aduan-bangli")
        #expect(machine.feed(":budi!b@h PRIVMSG aduan-bangli :halo").delivered.count == 1)
        #expect(machine.feed(":budi!b@h PRIVMSG aduan :halo").delivered.isEmpty)
    }

    @Test("a citizen who changes nick in a shared channel keeps the conversation, and replies follow the new nick")
    func citizenNickChange() throws {
        var machine = IRCClientStateMachine.registered()
        let before = try #require(machine.feed(":Budi!b@h PRIVMSG aduan :halo").delivered.first)
        _ = machine.feed(":Budi!b@h NICK :budi_hp")
        let after = try #require(machine.feed(":budi_hp!b@h PRIVMSG aduan :kintamani").delivered.first)
        #expect(before.identity == "irc:budi")
        #expect(after.identity == "irc:budi")
        #expect(machine.nick(forIdentity: "irc:budi") == "budi_hp")
    }

    @Test("with account-tag the identity is the account, under any nick")
    func accountTag() throws {
        var machine = IRCClientStateMachine.registered(caps: "account-tag message-tags")
        let first = try #require(machine.feed("@account=Budi :budi!b@h PRIVMSG aduan :halo").delivered.first)
        let other = try #require(machine.feed("@account=budi :budi_lain!b@h2 PRIVMSG aduan :lanjut").delivered.first)
        #expect(first.identity == "irc-account:budi")
        #expect(other.identity == "irc-account:budi")
        #expect(other.account == "budi")
        #expect(machine.nick(forIdentity: "irc-account:budi") == "budi_lain")
        // Not logged in: the nick's identity, never the account's.
        let anonymous = try #require(machine.feed(":budi_lain!b@h2 PRIVMSG aduan :tanpa akun").delivered.first)
        #expect(anonymous.identity == "irc:budi_lain")
        // Without the capability an account tag is not trusted.
        var plain = IRCClientStateMachine.registered()
        #expect(plain.feed("@account=budi :eve!e@h PRIVMSG aduan :halo").delivered.first?.identity == "irc:eve")
    }

    @Test("outgoing text: CR/LF never reach the wire; an injection attempt stays text to the same target")
    func outgoingInjection() throws {
        let machine = IRCClientStateMachine.registered()
        let messages = machine.privmsgs(to: "budi", text: "jalan rusak\r\nPRIVMSG #opd-pupr :palsu\nQUIT :x\u{0}y")
        let lines = try messages.map { try $0.serializedString() }
        #expect(lines == ["PRIVMSG budi :jalan rusak", "PRIVMSG budi :PRIVMSG #opd-pupr :palsu", "PRIVMSG budi :QUIT :xy"])
        #expect(lines.allSatisfy { !$0.contains("\r") && !$0.contains("\n") && !$0.contains("\u{0}") })
    }

    @Test("outgoing text is split to fit 512 bytes as relayed with the bot's real nick!user@host, emoji intact")
    func outgoingSplit() throws {
        let machine = IRCClientStateMachine.registered()
        let text = String(repeating: "Jalan rusak 🚧🙏🏽 di depan SD ", count: 60)
        let messages = machine.privmsgs(to: "#opd-pupr", text: text)
        #expect(messages.count > 3)
        for message in messages {
            let relayed = ":aduan!~aduan@bot.example " + (try message.serializedString()) + "\r\n"
            #expect(relayed.utf8.count <= 512)
            #expect(!message.params[1].unicodeScalars.contains("\u{FFFD}"))
        }
        #expect(messages.map { $0.params[1] }.joined(separator: " ") == text)
        // Before the bot knows its own source, the conservative length is used.
        var fresh = IRCClientStateMachine(configuration: .init(nick: "aduan"))
        _ = fresh.connected()
        _ = fresh.feed(":irc.test 001 aduan :Welcome")
        #expect(fresh.textSplitter.sourceLength == IRCTextSplitter.conservativeSourceLength)
        #expect(machine.textSplitter.sourceLength == "aduan!~aduan@bot.example".utf8.count)
    }

    @Test("new channels after a reload are joined; QUIT on the way out")
    func channelsAndQuit() {
        var machine = IRCClientStateMachine.registered()
        let joins = machine.setChannels([IRCChannelJoin("#opd-pupr"), IRCChannelJoin("#opd-baru")])
        #expect(joins.sentLines == ["JOIN #opd-baru"])
        #expect(machine.quit(reason: "sampai jumpa\r\nQUIT").sentLines == ["QUIT :sampai jumpaQUIT"])
        _ = machine.disconnected()
        #expect(machine.quit(reason: "x").isEmpty)
    }

    @Test("ISON asks about up to 14 nicks per line; the 303 answer names those online")
    func presence() {
        let nicks = (1...20).map { "warga\($0)" }
        let lines = IRCClientStateMachine.isonMessages(for: nicks + ["", "dua kata"]).map { (try? $0.serialize()).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        #expect(lines == ["ISON " + nicks[0..<14].joined(separator: " "), "ISON " + nicks[14...].joined(separator: " ")])
        var machine = IRCClientStateMachine.registered()
        #expect(machine.feed(":irc.test 303 aduan :Warga1 warga7") == [.online(["Warga1", "warga7"])])
        #expect(machine.feed(":irc.test 303 aduan :") == [.online([])])
        // A server without ISON: nobody is known to be offline.
        #expect(machine.feed(":irc.test 421 aduan ISON :Unknown command").first == .online(nil))
        #expect(machine.folded("Warga[1]") == "warga{1}", "rfc1459 casemapping")
        // The answer to the bot's own PING, and a refused nick.
        #expect(machine.feed(":irc.test PONG irc.test :aduan-7") == [.pong("aduan-7")])
        #expect(machine.feed(":irc.test 401 aduan sudah_pergi :No such nick or channel name") == [.noSuchNick("sudah_pergi")])
    }
}
