import AduanIRCProtocol
import AduanRuntime
import AduanTesting
import Foundation
import Testing

/// `aduan-testnet`, the network for trying the bot by hand: what it prints must work as printed.
@Suite("The network for trying the bot by hand (aduan-testnet), against a real InspIRCd + Atheme")
struct TryNetworkTests {
    @Test("every officer of Bots/bangli.json has an account; one who logs in as the printed steps say is taken as staff",
          .timeLimit(.minutes(3)))
    func officersCanWorkTheDesk() async throws {
        let bot = try BotFile.load(path: Repository.path("Bots/bangli.json"))
        let network = try TryNetwork.start(bot: bot.configuration, port: try LoopbackPort.free(), password: "coba-aduan")
        defer { network.stop() }
        let port = network.server.port

        // The coordinator first, then each agency's staff and head; 29 accounts in Bangli.
        #expect(network.officers.first == TryNetwork.Officer(account: "sari", role: "koordinator / coordinator", channel: "#aduan-bangli"))
        #expect(network.officers.contains(TryNetwork.Officer(account: "budi", role: "staf / staff pupr", channel: "#opd-pupr")))
        #expect(network.officers.count == 29)
        let printed = network.instructions(botPath: "Bots/bangli.json", database: "/tmp/coba.sqlite")
        #expect(printed.contains("--irc-host 127.0.0.1 --irc-port \(port) --nick aduan"))
        #expect(printed.contains("irssi -c 127.0.0.1 -p \(port) -n budi\n     /msg NickServ IDENTIFY coba-aduan\n     /join #opd-pupr"))

        // The last account registered works with the password (SASL, as a client set up for it logs in).
        let head = try #require(network.officers.last)
        let headClient = try await IRCTestClient.connect(port: port, nick: head.account, account: head.account, password: "coba-aduan")
        await headClient.close()

        // The printed steps for budi: connect, IDENTIFY, join the channel; then staff commands work.
        let running = try await RunningBot.start(port: port)
        try await running.whileRunning { _ in
            let budi = try await IRCTestClient.connect(port: port, nick: "budi")
            let start = await budi.mark
            try await budi.send("PRIVMSG NickServ :IDENTIFY coba-aduan")
            try await budi.waitFor("NickServ's login (900)", from: start) { $0.verb == "900" }
            try await budi.join("#opd-pupr")
            // An officer's list, not "Perintah staf hanya diterima dari akun yang terverifikasi".
            try await budi.command("daftar", in: "#opd-pupr", expect: "Aduan terbuka: tidak ada.")
            await budi.close()
        }
    }
}
