import AduanCore
import AduanDialog
import AduanWilayah
import Foundation
import Testing

/// The response deadline: the hours come from the category, its agency or the bot; the date from
/// the calendar the runtime injects through ``StepContext/responseDeadline``.
@Suite struct DeadlineTests {
    static let details = "Jalan berlubang besar di depan SD 2, sudah dua minggu, motor sering jatuh."

    /// The fixture catalog with agencies' own response hours.
    static func catalog(agencyHours: [String: Int]) -> Catalog {
        let base = DialogFixtures.catalog
        return Catalog(botName: base.botName, regency: base.regency, trackingPrefix: base.trackingPrefix,
                       timeZone: base.timeZone, responseHours: base.responseHours, categories: base.categories,
                       agencyNames: base.agencyNames, gazetteer: base.gazetteer, agencyResponseHours: agencyHours)
    }

    /// Files a case of `category` (its number in the list) through the real dialog.
    static func file(_ category: String, catalog: Catalog = DialogFixtures.catalog,
                     deadline: ((Date, Int, String) -> Date)? = nil) -> (Chat, String) {
        let chat = Chat(catalog: catalog)
        chat.responseDeadline = deadline
        chat.send(["halo", "batur selatan", category, Self.details, "1", "tidak"])
        return (chat, chat.send("ya"))
    }

    @Test func theDefaultRunsAroundTheClock() throws {
        let context = StepContext(now: DialogFixtures.now) { TrackingNumber(prefix: "BGL", sequence: 1) }
        #expect(context.responseDeadline(DialogFixtures.now, 24, "pupr") == DialogFixtures.now.addingTimeInterval(24 * 3600))
        #expect(StepContext.roundTheClock(DialogFixtures.now, 6, "polres") == DialogFixtures.now.addingTimeInterval(6 * 3600))
        let (chat, _) = Self.file("1")
        #expect(try #require(chat.filings.first).dueAt == DialogFixtures.now.addingTimeInterval(24 * 3600))
    }

    @Test func theInjectedCalendarGivesTheDeadline() throws {
        // A calendar that knows the office is closed until Thursday morning.
        let thursday = Date(timeIntervalSince1970: 1_767_834_000)  // Thursday 8 January 2026, 09:00 WITA
        var calls: [(Date, Int, String)] = []
        let (chat, reply) = Self.file("1") { start, hours, opd in
            calls.append((start, hours, opd))
            return thursday
        }
        #expect(calls.count == 1)
        #expect(calls.first?.0 == DialogFixtures.now)
        #expect(calls.first?.1 == 24)
        #expect(calls.first?.2 == "pupr")
        let filing = try #require(chat.filings.first)
        #expect(filing.dueAt == thursday)
        #expect(filing.filedAt == DialogFixtures.now)
        // {{response_time}} stays the plain hours; {{due}} is the calendar's date.
        #expect(reply.contains("Petugas akan menanggapi dalam 24 jam, paling lambat Kamis, 8 Januari 2026 pukul 09.00 WITA."))
    }

    @Test func theCalendarIsNotAskedUntilACaseIsFiled() {
        var calls = 0
        let chat = Chat()
        chat.responseDeadline = { start, hours, _ in
            calls += 1
            return start.addingTimeInterval(TimeInterval(hours) * 3600)
        }
        chat.send(["halo", "batur selatan", "1", Self.details, "1", "tidak", "tidak", "6"])
        #expect(chat.filings.isEmpty)
        #expect(calls == 0)
    }

    @Test func hoursComeFromTheCategoryThenTheAgencyThenTheBot() {
        let catalog = Self.catalog(agencyHours: ["pupr": 48, "dlh": 12])
        let jalan = DialogFixtures.jalan, sampah = DialogFixtures.sampah, kesehatan = DialogFixtures.kesehatan
        #expect(catalog.responseHours(for: jalan) == 48, "no hours of its own: its agency's")
        #expect(catalog.responseHours(for: sampah) == 72, "its own hours win over its agency's")
        #expect(catalog.responseHours(for: kesehatan) == 24, "neither: the bot's")
        #expect(DialogFixtures.catalog.agencyResponseHours.isEmpty)
        #expect(DialogFixtures.catalog.responseHours(for: jalan) == 24)
    }

    @Test func theAgencysHoursReachTheCalendarAndTheCitizen() throws {
        let catalog = Self.catalog(agencyHours: ["pupr": 48])
        var asked: [Int] = []
        let (chat, reply) = Self.file("1", catalog: catalog) { start, hours, _ in
            asked.append(hours)
            return StepContext.roundTheClock(start, hours, "")
        }
        #expect(asked == [48])
        #expect(try #require(chat.filings.first).dueAt == DialogFixtures.now.addingTimeInterval(48 * 3600))
        #expect(reply.contains("Petugas akan menanggapi dalam 48 jam, paling lambat Kamis, 8 Januari 2026 pukul 09.00 WITA."))
        // A category with its own hours keeps them.
        let (rubbish, rubbishReply) = Self.file("2", catalog: Self.catalog(agencyHours: ["dlh": 12]))
        #expect(try #require(rubbish.filings.first).dueAt == DialogFixtures.now.addingTimeInterval(72 * 3600))
        #expect(rubbishReply.contains("dalam 3 hari"))
    }
}
