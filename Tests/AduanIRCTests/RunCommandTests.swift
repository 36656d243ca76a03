import AduanTesting
import Foundation
import Testing

/// `aduan run` as an operator starts it: the built executable, a real ngircd, SIGTERM to stop.
@Suite("aduan run")
struct RunCommandTests {
    @Test("answers a citizen over IRC; SIGTERM makes it QUIT and exit with status 0", .timeLimit(.minutes(1)))
    func runAndStop() async throws {
        let server = try NgircdServer.start()
        defer { server.stop() }
        let folder = try Repository.temporaryFolder("aduan-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = Repository.aduanExecutable
        process.arguments = ["run", "--bot", Repository.path("Bots/bangli.json"),
                             "--db", folder.appendingPathComponent("aduan.sqlite").path,
                             "--irc-host", "127.0.0.1", "--irc-port", "\(server.port)", "--nick", "aduan_cli",
                             "--channel", "#aduan-bangli", "--flood-interval-ms", "350"]
        let logPath = folder.appendingPathComponent("aduan.log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_cli")
        try await citizen.waitUntilOnline("aduan_cli")
        try await citizen.join("#aduan-bangli")
        try await citizen.say("halo", to: "aduan_cli", expect: "Contoh: Cempaga, Bangli")

        let mark = await citizen.mark
        process.terminate()
        try await citizen.waitFor("the bot's QUIT", from: mark) { $0.verb == "QUIT" && $0.sourceParts?.nick == "aduan_cli" }
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!process.isRunning, "aduan run did not exit after SIGTERM")
        process.waitUntilExit()
        let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(process.terminationReason == .exit)
        #expect(output.contains("registered as aduan_cli"))
        await citizen.close()
    }

    @Test("bad options and a broken bot file are refused with a human message")
    func refusals() throws {
        let badChannel = try ProcessRunner.aduan(["run", "--channel", "tanpa-pagar"])
        #expect(badChannel.status != 0)
        #expect(badChannel.errors.contains("is not a channel"))
        let saslWithoutPassword = try ProcessRunner.aduan(["run", "--sasl-account", "aduan"])
        #expect(saslWithoutPassword.status != 0)
        #expect(saslWithoutPassword.errors.contains("--sasl-password"))
        let missingBot = try ProcessRunner.aduan(["run", "--bot", "/tidak/ada.json", "--irc-port", "1"])
        #expect(missingBot.status == 2)
        #expect(missingBot.errors.contains("cannot start the bot"))
        #expect(!missingBot.errors.contains("Fatal error"))
    }
}
