import AduanTesting
import Foundation
import Testing

@Suite("Local test servers")
struct ServerProcessesTests {
    /// A test run that is killed must not leave its IRC servers running: the server started for
    /// an owner process stops once that owner is gone (here the owner is a `sleep` standing in
    /// for a test process, killed with SIGKILL as a crash or `kill -9` would).
    @Test("a server stops when the process that started it is killed")
    func serverFollowsOwner() async throws {
        let owner = Process()
        owner.executableURL = URL(fileURLWithPath: "/bin/sleep")
        owner.arguments = ["300"]
        try owner.run()
        let folder = try Repository.temporaryFolder("aduan-watchdog")
        defer { try? FileManager.default.removeItem(at: folder) }
        let processes = ServerProcesses(owner: owner.processIdentifier)
        defer { processes.stop() }
        let server = try processes.run("/bin/sleep", ["300"], output: folder.appendingPathComponent("out").path)

        try await Task.sleep(for: .milliseconds(1500))
        #expect(server.isRunning, "the server runs while its owner does")

        kill(owner.processIdentifier, SIGKILL)
        owner.waitUntilExit()
        let deadline = Date().addingTimeInterval(10)
        while server.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.isRunning, "the server outlived the process that started it")
    }
}
