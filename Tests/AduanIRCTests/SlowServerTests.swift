@testable import AduanIRC
import AduanTesting
import Foundation
import Testing

/// The bot on a server that keeps its flood control, as a real network does: InspIRCd processes
/// a client's lines at a fixed rate ("fake lag") and drops a client whose unprocessed lines
/// exceed its receive queue ("RecvQ exceeded"). The bot's own rate may be faster than the
/// server's; the window of unanswered bytes keeps it alive.
@Suite("IRC bot against a real InspIRCd that keeps its flood control")
struct SlowServerTests {
    @Test("a bot faster than the server is not dropped for RecvQ exceeded, and every line arrives",
          .timeLimit(.minutes(2)))
    func botWaitsForTheServer() async throws {
        // 3 lines a second after a threshold of 10, a 3 KiB receive queue; the bot may send 20 a
        // second: without the window (2,560 bytes) its backlog passes 3 KiB within 4 seconds.
        let server = try InspircdServer.start(services: false,
                                              floodLimits: .init(commandsPerSecond: 3, threshold: 10, receiveQueue: 3072))
        defer { server.stop() }
        let recorder = LogRecorder()
        let bot = try await RunningBot.start(port: server.port, flood: IRCFloodControl(burst: 4, interval: .milliseconds(50)),
                                             recorder: recorder)
        try await bot.whileRunning { bot in
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_rajin")
            // Some 80 lines of answers at once (8 KiB).
            for text in ["bantuan", "halo", "bantuan", "bantuan", "bantuan", "bantuan"] { try await citizen.send("PRIVMSG aduan :\(text)") }
            try await eventually("the six answers, whole", timeout: .seconds(60)) {
                await citizen.texts(from: "aduan").filter { $0 == "Contoh: Cempaga, Bangli" }.count == 6
            }
            #expect(!recorder.messages.contains { $0.contains("RecvQ exceeded") })
            #expect(await bot.connection.registrationCount == 1, "the server dropped the bot")
            // The window was used: the bot asked the server how far it got.
            #expect(recorder.messages.contains { $0.hasPrefix("-> PING aduan-w") })
            await citizen.close()
        }
    }
}
