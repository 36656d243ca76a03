@testable import AduanIRC
import AduanTesting
import Foundation
import Logging
import Testing

/// The bot over TLS against a real ngircd with a TLS port and a certificate made for the test
/// by its own authority: the bot connects and serves citizens when it trusts that authority, and
/// refuses the server when it does not, or when the certificate names another server.
@Suite("IRC over TLS against a real ngircd")
struct TLSIntegrationTests {
    @Test("with the test authority trusted, the bot registers over TLS and answers a citizen",
          .timeLimit(.minutes(1)), arguments: [
              (TestCertificates.Naming.nameOnly, "irc.test.local" as String?),
              (TestCertificates.Naming.nameAndAddress, nil as String?),
          ])
    func connectsOverTLS(_ naming: TestCertificates.Naming, serverName: String?) async throws {
        let folder = try Repository.temporaryFolder("aduan-tls")
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificates = try TestCertificates.make(in: folder, naming: naming)
        let server = try NgircdServer.start(tls: certificates)
        defer { server.stop() }
        let tlsPort = try #require(server.tlsPort)
        try await waitUntilAccepting(port: tlsPort)
        let bot = try await RunningBot.start(port: tlsPort, tls: IRCTLSSettings(trustedCertificates: certificates.authority,
                                                                               serverName: serverName))
        try await bot.whileRunning { _ in
            // The citizen uses the plain port of the same server: the bot's side is TLS.
            let citizen = try await IRCTestClient.connect(port: server.port, nick: "warga_tls")
            let reply = try await citizen.say("halo", to: "aduan", expect: "Contoh: Cempaga, Bangli")
            #expect(reply.joined().contains("Selamat datang"))
            await citizen.close()
        }
    }

    @Test("the bot refuses a server whose certificate it cannot verify, or that names another server",
          .timeLimit(.minutes(1)), arguments: [
              ("untrusted authority", false, "irc.test.local" as String?),
              ("another server's name", true, "irc.example.org"),
              ("an address the certificate does not name", true, nil),
          ])
    func refusesUnverifiedServer(_ what: String, trustAuthority: Bool, serverName: String?) async throws {
        let folder = try Repository.temporaryFolder("aduan-tls")
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificates = try TestCertificates.make(in: folder)
        let server = try NgircdServer.start(tls: certificates)
        defer { server.stop() }
        let tlsPort = try #require(server.tlsPort)
        try await waitUntilAccepting(port: tlsPort)
        let recorder = LogRecorder()
        let settings = IRCConnectionConfiguration(
            host: "127.0.0.1", port: tlsPort, client: IRCClientConfiguration(nick: "aduan"),
            backoff: IRCReconnectBackoff(initial: .milliseconds(200), maximum: .milliseconds(400)), connectTimeout: .seconds(2),
            tls: IRCTLSSettings(trustedCertificates: trustAuthority ? certificates.authority : nil, serverName: serverName))
        let connection = IRCConnection(configuration: settings, logger: TestLog.logger("aduan.irc", recorder: recorder))
        let task = Task { await connection.run() }
        defer { task.cancel() }
        // Several attempts (200–400 ms apart, slower on a loaded machine): none may get through.
        var failures: [String] = []
        for _ in 0..<150 where failures.count < 2 {
            try await Task.sleep(for: .milliseconds(100))
            failures = recorder.messages.filter { $0.contains("failed") }
        }
        #expect(await connection.registrationCount == 0, "\(what): registered with an unverified server")
        #expect(failures.count >= 2, "\(what): expected repeated failed attempts, log: \(recorder.messages)")
        #expect(failures.contains { $0.lowercased().contains("certificate") || $0.lowercased().contains("hostname")
            || $0.lowercased().contains("handshake") }, "\(what): \(failures)")
        await connection.quit(reason: "test over", flushTimeout: .milliseconds(100))
        task.cancel()
    }

    /// ngircd opens its TLS port together with the plain one; wait until it accepts.
    private func waitUntilAccepting(port: Int) async throws {
        for _ in 0..<100 {
            if NgircdServer.accepts(port: port) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the TLS port \(port) never accepted connections")
    }
}
