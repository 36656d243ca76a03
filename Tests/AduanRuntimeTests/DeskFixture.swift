import AduanCore
import AduanRuntime
import AduanStore
import AduanTesting
import Foundation
import Logging
import Testing

/// A test bot with the staff desk (``TestBot/Desk``) on a real SQLite file, with a clock that
/// moves only when told. Citizens talk over the `warga` transport, staff over `terminal`.
struct DeskFixture {
    let folder: URL
    let botPath: String
    let dbPath: String
    let clock: TestClock

    /// The transport citizens use in these tests.
    static let citizenTransport = "warga"

    init(_ desk: TestBot.Desk = TestBot.Desk(), start: Date = TestClock.start) throws {
        folder = try Repository.temporaryFolder("aduan-desk")
        botPath = try TestBot.write(in: folder, desk: desk)
        dbPath = folder.appendingPathComponent("aduan.sqlite").path
        clock = TestClock(start: start)
    }

    /// A new fixture and a runtime on it.
    static func started(_ desk: TestBot.Desk = TestBot.Desk(),
                        start: Date = TestClock.start) throws -> (fixture: DeskFixture, runtime: BotRuntime) {
        let fixture = try DeskFixture(desk, start: start)
        return (fixture, try fixture.runtime())
    }

    /// A runtime on the fixture's files, with staff on `staffTransport`: call again for a restart.
    func runtime(staffTransport: String = "terminal") throws -> BotRuntime {
        try BotRuntime(bot: BotFile.load(path: botPath), database: AduanDatabase(path: dbPath),
                       now: { [clock] in clock.now() }, staffTransport: staffTransport, logger: .quietTestLogger)
    }

    /// Moves the clock on by hours.
    func advance(hours: Double) {
        clock.advance(by: hours * 3600)
    }

    /// Moves the clock on by `hours`, then runs `runtime`'s response clock; returns how many
    /// alarms fired.
    func runClock(_ runtime: BotRuntime, after hours: Double) throws -> Int {
        advance(hours: hours)
        return try runtime.runClock()
    }

    var now: Date { clock.now() }
}

extension BotRuntime {
    /// A citizen files a case through the whole intake; returns its tracking number.
    func file(as name: String = "ani", category: String = "jalan", place: String = "batur selatan",
              details: String = "Jalan berlubang di depan pura", phone: String = "08123456789",
              privacy: String = "1") async throws -> String {
        var intake = TestBot.deskIntake(category: category, details: details, phone: phone, privacy: privacy)
        intake[1] = place
        var last: [String] = []
        for text in intake {
            last = try await citizen(name, says: text)
        }
        let filed = try #require(try database.cases(conversationKey: "uji|\(DeskFixture.citizenTransport):\(name)").first,
                                 "no case filed; the bot said \(last)")
        #expect(last.contains { $0.contains(filed.tracking) }, "the citizen is told the tracking number")
        return filed.tracking
    }

    /// A citizen files a case through the whole intake and budi (PUPR) takes it; returns its
    /// tracking number.
    func fileTaken(as name: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let tracking = try await file(as: name)
        try await staffOK("budi", "ambil \(tracking)", sourceLocation: sourceLocation)
        return tracking
    }

    /// A direct message from a citizen; returns what is said back to them at once.
    func citizen(_ citizen: String, says text: String) async throws -> [String] {
        let out = try await handle(InboundMessage(transport: DeskFixture.citizenTransport, sender: citizen, text: text))
        #expect(out.allSatisfy { $0.destination == .user(citizen) })
        return out.map(\.text)
    }

    /// A staff member says `text` in `channel`, logged in as `terminal:NAME` (or with no account
    /// when `account` is false); returns the bot's replies in that channel.
    func staff(_ name: String, _ text: String, in channel: String = "#opd-pupr", account: Bool = true) async throws -> [String] {
        let out = try await handle(InboundMessage(transport: "terminal", sender: name, channel: channel, text: text,
                                                  account: account ? "terminal:\(name)" : nil))
        #expect(out.allSatisfy { $0.destination == .channel(channel) })
        return out.map(\.text)
    }

    /// Like ``staff(_:_:in:account:)``, for a command that must succeed: returns its one reply.
    @discardableResult
    func staffOK(_ name: String, _ text: String, in channel: String = "#opd-pupr",
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let replies = try await staff(name, text, in: channel)
        #expect(replies.count == 1 && replies.first?.hasPrefix("✔") == true, "\(text) → \(replies)",
                sourceLocation: sourceLocation)
        return replies.first ?? ""
    }

    /// Everything waiting in the outbox for the staff and the citizens' transports, oldest first,
    /// marked delivered.
    func drain() throws -> [OutboundMessage] {
        var all: [OutboundMessage] = []
        for transport in ["terminal", DeskFixture.citizenTransport] {
            let pending = try pendingOutbox(transport: transport)
            try markDelivered(pending.map(\.id))
            all += pending.map(\.message)
        }
        return all
    }

    /// The stored case.
    func stored(_ tracking: String) throws -> CaseRecord {
        try #require(try database.case(tracking: tracking))
    }

    /// The kinds of a case's history entries, in order.
    func eventKinds(_ tracking: String) throws -> [String] {
        try database.events(caseID: try #require(try stored(tracking).id)).map(\.kind)
    }
}

extension [OutboundMessage] {
    /// The texts sent to one citizen.
    func to(_ user: String) -> [String] {
        filter { $0.destination == .user(user) }.map(\.text)
    }

    /// The texts posted in one channel.
    func `in`(_ channel: String) -> [String] {
        filter { $0.destination == .channel(channel) }.map(\.text)
    }

    /// Where the messages went: `@user` or `#channel`, in order.
    var recipients: [String] {
        map {
            switch $0.destination {
            case .user(let user): return "@" + user
            case .channel(let channel): return channel
            }
        }
    }
}
