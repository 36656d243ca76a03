import AduanDesk
import Foundation
import Testing

@Suite struct LocalDateTests {
    /// A Monday.
    static let today = LocalDate(year: 2026, month: 11, day: 23)!

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }

    // MARK: Validity and printing

    @Test("Only real days are dates")
    func validity() {
        #expect(LocalDate(year: 2026, month: 2, day: 28) != nil)
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2028, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 1, day: 0) == nil)
        #expect(LocalDate(year: 0, month: 1, day: 1) == nil)
    }

    @Test("The description is YYYY-MM-DD and reads back")
    func description() {
        #expect(Self.date(2026, 1, 5).description == "2026-01-05")
        #expect(Self.date(987, 12, 31).description == "0987-12-31")
        #expect(LocalDate("2026-12-15") == Self.date(2026, 12, 15))
        #expect(LocalDate("2026-1-5") == nil)
        #expect(LocalDate("2026-02-30") == nil)
        #expect(LocalDate("15-12-2026") == nil)
        #expect(LocalDate("2026-12-15x") == nil)
    }

    @Test("The date as people read it")
    func text() {
        #expect(Self.date(2026, 12, 15).text(language: "id") == "15 Desember 2026")
        #expect(Self.date(2026, 8, 1).text(language: "en") == "1 August 2026")
    }

    @Test("Dates compare by year, month, day")
    func comparing() {
        #expect(Self.date(2026, 11, 30) < Self.date(2026, 12, 1))
        #expect(Self.date(2026, 12, 31) < Self.date(2027, 1, 1))
        #expect(!(Self.date(2026, 12, 1) < Self.date(2026, 12, 1)))
        #expect([Self.date(2027, 1, 1), Self.date(2026, 2, 3), Self.date(2026, 1, 9)].sorted()
                == [Self.date(2026, 1, 9), Self.date(2026, 2, 3), Self.date(2027, 1, 1)])
    }

    @Test("JSON holds the date as a string")
    func codable() throws {
        let data = try JSONEncoder().encode([Self.date(2026, 12, 15)])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-12-15"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [Self.date(2026, 12, 15)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2026-02-31"]"#.utf8))
        }
    }

    // MARK: Arithmetic

    @Test("Adding days crosses months, years and leap days")
    func addingDays() {
        #expect(Self.date(2026, 12, 31).adding(days: 1) == Self.date(2027, 1, 1))
        #expect(Self.date(2027, 1, 1).adding(days: -1) == Self.date(2026, 12, 31))
        #expect(Self.date(2028, 2, 28).adding(days: 1) == Self.date(2028, 2, 29))
        #expect(Self.date(2027, 2, 28).adding(days: 1) == Self.date(2027, 3, 1))
        #expect(Self.today.adding(days: 365) == Self.date(2027, 11, 23))
        #expect(Self.date(1970, 1, 1).adding(days: -1) == Self.date(1969, 12, 31))
        #expect(Self.today.adding(days: 0) == Self.today)
        #expect(Self.date(2026, 1, 1).days(to: Self.date(2027, 1, 1)) == 365)
        #expect(Self.date(2028, 1, 1).days(to: Self.date(2029, 1, 1)) == 366)
        #expect(Self.today.days(to: Self.date(2026, 11, 20)) == -3)
    }

    @Test("Adding months keeps the day, or the month's last day")
    func addingMonths() {
        #expect(Self.date(2027, 1, 31).adding(months: 1) == Self.date(2027, 2, 28))
        #expect(Self.date(2028, 1, 31).adding(months: 1) == Self.date(2028, 2, 29))
        #expect(Self.date(2026, 11, 23).adding(months: 2) == Self.date(2027, 1, 23))
        #expect(Self.date(2026, 3, 31).adding(months: -1) == Self.date(2026, 2, 28))
        #expect(Self.date(2026, 1, 15).adding(months: 24) == Self.date(2028, 1, 15))
    }

    @Test("A moment's date depends on the time zone, and a date starts at midnight there")
    func timeZones() throws {
        let makassar = try #require(TimeZone(identifier: "Asia/Makassar"))  // WITA, UTC+8
        let utc = try #require(TimeZone(identifier: "UTC"))
        // 2026-11-23 16:30 UTC is 2026-11-24 00:30 WITA.
        let moment = Date(timeIntervalSince1970: 1_795_451_400)
        #expect(LocalDate(moment, timeZone: utc) == Self.date(2026, 11, 23))
        #expect(LocalDate(moment, timeZone: makassar) == Self.date(2026, 11, 24))
        #expect(LocalDate(Date(timeIntervalSince1970: -1), timeZone: utc) == Self.date(1969, 12, 31))

        // Midnight of 2026-11-24 in WITA is 16:00 UTC the day before; 08:00 WITA is midnight UTC.
        #expect(Self.date(2026, 11, 24).date(in: makassar) == Date(timeIntervalSince1970: 1_795_449_600))
        #expect(Self.date(2026, 11, 24).date(in: makassar, hour: 8) == Date(timeIntervalSince1970: 1_795_478_400))
        #expect(LocalDate(Self.date(2026, 11, 24).date(in: makassar), timeZone: makassar) == Self.date(2026, 11, 24))
        #expect(LocalDate(Self.date(2026, 11, 24).date(in: makassar), timeZone: utc) == Self.date(2026, 11, 23))
    }

    // MARK: Parsing

    @Test("Numeric dates, day before month", arguments: [
        ("2026-12-15", "2026-12-15"),
        ("15-12-2026", "2026-12-15"),
        ("15/12/2026", "2026-12-15"),
        ("15.12.2026", "2026-12-15"),
        ("5/1/2027", "2027-01-05"),
        ("15/12/26", "2026-12-15"),
        ("15/12", "2026-12-15"),
        ("15-12", "2026-12-15"),
        ("15/01", "2027-01-15"),   // already past this year: next year
        ("23/11", "2026-11-23"),   // today
        ("22/11", "2027-11-22"),   // yesterday: next year
        ("15-01-2026", "2026-01-15"),  // a full date is taken as written, even when past
    ])
    func numeric(_ text: String, _ expected: String) {
        #expect(LocalDate.parse(text, today: Self.today)?.description == expected)
    }

    @Test("Month names, Indonesian and English, full and short", arguments: [
        ("januari", 1), ("jan", 1), ("january", 1),
        ("februari", 2), ("feb", 2), ("peb", 2), ("february", 2),
        ("maret", 3), ("mar", 3), ("march", 3),
        ("april", 4), ("apr", 4),
        ("mei", 5), ("may", 5),
        ("juni", 6), ("jun", 6), ("june", 6),
        ("juli", 7), ("jul", 7), ("july", 7),
        ("agustus", 8), ("agu", 8), ("agt", 8), ("ags", 8), ("aug", 8), ("august", 8),
        ("september", 9), ("sep", 9), ("sept", 9),
        ("oktober", 10), ("okt", 10), ("oct", 10), ("october", 10),
        ("november", 11), ("nov", 11), ("nop", 11),
        ("desember", 12), ("des", 12), ("dec", 12), ("december", 12),
    ])
    func monthNames(_ name: String, _ month: Int) {
        #expect(LocalDate.parse("15 \(name) 2027", today: Self.today) == Self.date(2027, month, 15))
        #expect(LocalDate.parse("15 \(name.uppercased()) 2027", today: Self.today) == Self.date(2027, month, 15))
        #expect(LocalDate.parse("15 \(name). 2027", today: Self.today) == Self.date(2027, month, 15))
        #expect(LocalDate.parse("\(name) 15, 2027", today: Self.today) == Self.date(2027, month, 15))
    }

    @Test("Day and month name without a year", arguments: [
        ("15 Desember", "2026-12-15"),
        ("15 des", "2026-12-15"),
        ("15 januari", "2027-01-15"),
        ("1 Nov", "2027-11-01"),
        ("December 15", "2026-12-15"),
        ("dec 15", "2026-12-15"),
        ("15 Desember 2026", "2026-12-15"),
        ("15 des 2026", "2026-12-15"),
    ])
    func monthWithoutYear(_ text: String, _ expected: String) {
        #expect(LocalDate.parse(text, today: Self.today)?.description == expected)
    }

    @Test("Relative dates count from today", arguments: [
        ("besok", "2026-11-24"),
        ("Besok", "2026-11-24"),
        ("tomorrow", "2026-11-24"),
        ("lusa", "2026-11-25"),
        ("3 hari", "2026-11-26"),
        ("3 hari lagi", "2026-11-26"),
        ("10 days", "2026-12-03"),
        ("1 day", "2026-11-24"),
        ("2 minggu", "2026-12-07"),
        ("2 weeks", "2026-12-07"),
        ("1 week", "2026-11-30"),
        ("seminggu", "2026-11-30"),
        ("minggu depan", "2026-11-30"),
        ("next week", "2026-11-30"),
        ("1 bulan", "2026-12-23"),
        ("3 months", "2027-02-23"),
        ("sebulan lagi", "2026-12-23"),
        ("bulan depan", "2026-12-23"),
    ])
    func relative(_ text: String, _ expected: String) {
        #expect(LocalDate.parse(text, today: Self.today)?.description == expected)
    }

    @Test("Impossible or unreadable dates are nil", arguments: [
        "31/02/2026", "30 Februari 2026", "29/02/2027", "29/02", "2026-13-01", "2026-02-30",
        "00/12", "15/00", "32 des", "31 nov 2026", "15/12/2026/1", "15//12", "15/12/123",
        "", "   ", "abc", "15", "2026", "hari", "0 hari", "besok pagi", "15 desember 2026 pagi",
        "15 tralala", "minggu", "-3 hari", "3x/12",
    ])
    func invalid(_ text: String) {
        #expect(LocalDate.parse(text, today: Self.today) == nil)
    }

    @Test("The year rule also holds at the start of a year")
    func yearRuleInJanuary() {
        let newYear = Self.date(2027, 1, 2)
        #expect(LocalDate.parse("1/1", today: newYear) == Self.date(2028, 1, 1))
        #expect(LocalDate.parse("2/1", today: newYear) == Self.date(2027, 1, 2))
        #expect(LocalDate.parse("31 des", today: newYear) == Self.date(2027, 12, 31))
        #expect(LocalDate.parse("29 feb", today: newYear) == nil)
        #expect(LocalDate.parse("29 feb", today: Self.date(2027, 3, 1)) == Self.date(2028, 2, 29))
    }

    @Test("The longest date at the start of a list of words, and how many words it took", arguments: [
        ("15 Desember 2026 menunggu aspal", "2026-12-15", 3),
        ("15 des menunggu aspal", "2026-12-15", 2),
        ("15 des 20 ton aspal", "2026-12-15", 2),
        ("Dec 15, 2026 waiting", "2026-12-15", 3),
        ("3 hari lagi menunggu", "2026-11-26", 3),
        ("2 minggu menunggu", "2026-12-07", 2),
        ("minggu depan ya", "2026-11-30", 2),
        ("besok pagi", "2026-11-24", 1),
        ("15/12, menunggu", "2026-12-15", 1),
        ("15-12-2026 menunggu", "2026-12-15", 1),
        ("lusa", "2026-11-25", 1),
    ])
    func prefix(_ text: String, _ expected: String, _ count: Int) throws {
        let tokens = text.split(separator: " ")
        let found = try #require(LocalDate.parsePrefix(tokens, today: Self.today))
        #expect(found.date.description == expected)
        #expect(found.tokens == count)
    }

    @Test("No date prefix: words that are not a date, or a date shape that does not exist", arguments: [
        "menunggu aspal", "29 Feb 2027 menunggu", "31/02 menunggu", "hari ini", "",
    ])
    func noPrefix(_ text: String) {
        #expect(LocalDate.parsePrefix(text.split(separator: " "), today: Self.today) == nil)
    }
}
