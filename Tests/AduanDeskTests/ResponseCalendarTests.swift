import AduanCore
import Foundation
import Testing

@testable import AduanDesk

private let makassar = TimeZone(identifier: "Asia/Makassar")!
private let berlin = TimeZone(identifier: "Europe/Berlin")!

// January 2026: Friday the 9th, Saturday 10, Sunday 11, Monday 12, Tuesday 13, Wednesday 14.
// December 2026: Thursday 24, Friday 25 (Christmas), Monday 28.

@Suite struct ResponseCalendarTests {
    @Test("around the clock, time is plain seconds and holidays do not count")
    func aroundTheClock() {
        let calendar = ResponseCalendar(timeZone: jakarta, workingHours: nil, holidays: ["2026-01-10", "2026-01-12"])
        let friday = at(2026, 1, 9, 15)
        #expect(calendar.adding(24 * hour, to: friday) == at(2026, 1, 10, 15))
        #expect(calendar.adding(90, to: friday) == at(2026, 1, 9, 15, 1, 30))
        #expect(calendar.adding(-2 * hour, to: friday) == at(2026, 1, 9, 13))
        #expect(calendar.adding(0, to: at(2026, 1, 10, 3, 17)) == at(2026, 1, 10, 3, 17))
        #expect(calendar.workingSeconds(from: friday, to: at(2026, 1, 12, 10)) == 67 * hour)
        #expect(calendar.workingSeconds(from: at(2026, 1, 12, 10), to: friday) == -67 * hour)
        #expect(calendar.isWorkingTime(at(2026, 1, 10, 3)))
        #expect(calendar.isWorkingTime(at(2026, 1, 12, 23, 59)))
    }

    @Test("a case filed Friday 15:00 WIB with 24 working hours is due Wednesday 15:00")
    func fridayAfternoonTwentyFourHours() {
        let calendar = officeCalendar()
        let filed = at(2026, 1, 9, 15)
        // Friday 1 h + Monday 8 h + Tuesday 8 h + Wednesday 7 h = 24 h.
        let due = calendar.adding(24 * hour, to: filed)
        #expect(due == at(2026, 1, 14, 15))
        #expect(calendar.workingSeconds(from: filed, to: due) == 24 * hour)
        #expect(calendar.adding(8 * hour, to: at(2026, 1, 12, 8)) == at(2026, 1, 12, 16))
        #expect(calendar.adding(8 * hour + 1, to: at(2026, 1, 12, 8)) == at(2026, 1, 13, 8, 0, 1))
    }

    @Test("a count that uses up the working day lands at 16:00, one second more on the next working morning")
    func endOfTheDay() {
        let calendar = officeCalendar()
        #expect(calendar.adding(hour, to: at(2026, 1, 9, 15)) == at(2026, 1, 9, 16))
        #expect(calendar.adding(hour + 1, to: at(2026, 1, 9, 15)) == at(2026, 1, 12, 8, 0, 1))
        #expect(calendar.adding(30 * 60, to: at(2026, 1, 9, 15, 45)) == at(2026, 1, 12, 8, 15))
    }

    @Test("a case filed on Saturday starts counting on Monday at 08:00")
    func outsideWorkingTimeStartsAtTheNextWorkingMoment() {
        let calendar = officeCalendar()
        #expect(calendar.adding(hour, to: at(2026, 1, 10, 10)) == at(2026, 1, 12, 9))
        #expect(calendar.adding(24 * hour, to: at(2026, 1, 10, 10)) == at(2026, 1, 14, 16))
        #expect(calendar.adding(2 * hour, to: at(2026, 1, 11, 23, 59)) == at(2026, 1, 12, 10))
        #expect(calendar.adding(2 * hour, to: at(2026, 1, 12, 6, 30)) == at(2026, 1, 12, 10))
        #expect(calendar.adding(2 * hour, to: at(2026, 1, 12, 19)) == at(2026, 1, 13, 10))
    }

    @Test("adding zero returns the start in working time, else the next working moment")
    func addingZero() {
        let calendar = officeCalendar()
        #expect(calendar.adding(0, to: at(2026, 1, 12, 10, 5)) == at(2026, 1, 12, 10, 5))
        #expect(calendar.adding(0, to: at(2026, 1, 12, 8)) == at(2026, 1, 12, 8))
        #expect(calendar.adding(0, to: at(2026, 1, 10, 10)) == at(2026, 1, 12, 8))
        #expect(calendar.adding(0, to: at(2026, 1, 9, 16)) == at(2026, 1, 12, 8))
        #expect(calendar.adding(0, to: at(2026, 1, 12, 7, 59)) == at(2026, 1, 12, 8))
    }

    @Test("holidays stop the clock: Christmas 2026 falls on a Friday")
    func holidaysAreSkipped() {
        let withChristmas = officeCalendar(holidays: ["2026-12-25"])
        let without = officeCalendar()
        let thursday = at(2026, 12, 24, 15)
        #expect(withChristmas.adding(2 * hour, to: thursday) == at(2026, 12, 28, 9))
        #expect(without.adding(2 * hour, to: thursday) == at(2026, 12, 25, 9))
        #expect(!withChristmas.isWorkingTime(at(2026, 12, 25, 10)))
        #expect(without.isWorkingTime(at(2026, 12, 25, 10)))
        #expect(withChristmas.workingSeconds(from: thursday, to: at(2026, 12, 28, 9)) == 2 * hour)
        #expect(without.workingSeconds(from: thursday, to: at(2026, 12, 28, 9)) == 10 * hour)
        #expect(withChristmas.adding(-2 * hour, to: at(2026, 12, 28, 9)) == thursday)
    }

    @Test("holidays that are not real YYYY-MM-DD dates are reported and ignored")
    func invalidHolidays() {
        let calendar = officeCalendar(holidays: ["2026-12-25", "2026-02-30", "25-12-2026", "2026-1-5", "libur"])
        #expect(calendar.invalidHolidays == ["2026-02-30", "2026-1-5", "25-12-2026", "libur"])
        #expect(officeCalendar(holidays: ["2024-02-29"]).invalidHolidays.isEmpty)
        #expect(calendar.isWorkingTime(at(2026, 1, 5, 9)))
        #expect(!calendar.isWorkingTime(at(2026, 12, 25, 9)))
    }

    @Test("negative seconds go back in working time: 4 hours before Tuesday 10:00 is Monday 14:00")
    func goingBackwards() {
        let calendar = officeCalendar()
        #expect(calendar.adding(-4 * hour, to: at(2026, 1, 13, 10)) == at(2026, 1, 12, 14))
        #expect(calendar.adding(-2 * hour, to: at(2026, 1, 12, 9)) == at(2026, 1, 9, 15))
        #expect(calendar.adding(-hour, to: at(2026, 1, 10, 10)) == at(2026, 1, 9, 15))
        #expect(calendar.adding(-hour, to: at(2026, 1, 12, 7)) == at(2026, 1, 9, 15))
        // Using up a day exactly lands at its start.
        #expect(calendar.adding(-8 * hour, to: at(2026, 1, 13, 16)) == at(2026, 1, 13, 8))
        #expect(calendar.adding(-24 * hour, to: at(2026, 1, 14, 15)) == at(2026, 1, 9, 15))
    }

    @Test("working time across a weekend counts only the working hours")
    func workingSecondsAcrossAWeekend() {
        let calendar = officeCalendar()
        #expect(calendar.workingSeconds(from: at(2026, 1, 9, 15), to: at(2026, 1, 12, 10)) == 3 * hour)
        #expect(calendar.workingSeconds(from: at(2026, 1, 12, 10), to: at(2026, 1, 9, 15)) == -3 * hour)
        #expect(calendar.workingSeconds(from: at(2026, 1, 10, 9), to: at(2026, 1, 11, 15)) == 0)
        #expect(calendar.workingSeconds(from: at(2026, 1, 9, 17), to: at(2026, 1, 12, 7)) == 0)
        #expect(calendar.workingSeconds(from: at(2026, 1, 12), to: at(2026, 1, 19)) == 40 * hour)
        #expect(calendar.workingSeconds(from: at(2026, 1, 12, 9, 30), to: at(2026, 1, 12, 9, 30)) == 0)
        #expect(calendar.workingSeconds(from: at(2026, 1, 12, 9, 30), to: at(2026, 1, 12, 11, 15)) == 1.75 * hour)
    }

    @Test("adding and counting agree for many starts and durations")
    func addingAndCountingAgree() {
        let calendar = officeCalendar(holidays: ["2026-01-14"])
        let durations: [TimeInterval] = [1, 0.5 * hour, hour, 7.75 * hour, 8 * hour, 24 * hour, 100 * hour]
        var start = at(2026, 1, 7, 0, 0)
        let end = at(2026, 1, 23)
        var checked = 0
        while start < end {
            let begin = calendar.adding(0, to: start)
            #expect(calendar.isWorkingTime(start) == (begin == start))
            #expect(calendar.isWorkingTime(begin))
            #expect(calendar.workingSeconds(from: start, to: begin) == 0)
            for duration in durations {
                let due = calendar.adding(duration, to: start)
                #expect(calendar.workingSeconds(from: start, to: due) == duration)
                #expect(calendar.adding(-duration, to: due) == begin)
                #expect(calendar.remaining(until: due, at: start) == duration)
                checked += 1
            }
            start = start.addingTimeInterval(37 * 60)
        }
        #expect(checked > 4000)
    }

    @Test("long spans walk whole days: 240 working hours and ten years")
    func longSpans() {
        let calendar = officeCalendar()
        // 30 working days from Monday 5 January 2026 are six whole weeks.
        #expect(calendar.adding(240 * hour, to: at(2026, 1, 5, 8)) == at(2026, 2, 13, 16))
        #expect(calendar.workingSeconds(from: at(2026, 1, 5, 8), to: at(2026, 2, 13, 16)) == 240 * hour)

        // Ten years, checked against counting weekdays one by one.
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = jakarta
        var weekdays = 0
        var day = at(2026, 1, 1)
        let end = at(2036, 1, 1)
        while day < end {
            let weekday = gregorian.component(.weekday, from: day) // 1 = Sunday, 7 = Saturday
            if weekday != 1 && weekday != 7 { weekdays += 1 }
            day = gregorian.date(byAdding: .day, value: 1, to: day)!
        }
        #expect(weekdays > 2600)
        #expect(calendar.workingSeconds(from: at(2026, 1, 1), to: end) == TimeInterval(weekdays) * 8 * hour)
        #expect(calendar.adding(TimeInterval(weekdays) * 8 * hour, to: at(2026, 1, 1)) == at(2035, 12, 31, 16))
    }

    @Test("WITA hours count in Makassar's own time zone")
    func witaInMakassar() {
        let calendar = officeCalendar(makassar)
        #expect(calendar.adding(24 * hour, to: at(2026, 1, 9, 15, in: makassar)) == at(2026, 1, 14, 15, in: makassar))
        let morning = at(2026, 1, 12, 8, 30, in: makassar) // 07:30 WIB
        #expect(calendar.isWorkingTime(morning))
        #expect(!officeCalendar(jakarta).isWorkingTime(morning))
        // 06:00 WIB is 07:00 WITA: the clock starts at 08:00 WITA, 07:00 WIB.
        #expect(calendar.adding(0, to: at(2026, 1, 12, 6, in: jakarta)) == at(2026, 1, 12, 7, in: jakarta))
        #expect(!calendar.isWorkingTime(at(2026, 1, 12, 15, 30, in: jakarta))) // 16:30 WITA
    }

    @Test("daylight saving changes are handled in any time zone")
    func daylightSaving() {
        // Berlin: 29 March 2026 has no 02:00–03:00, 25 October 2026 has it twice.
        let nights = WorkingHours(days: Set(1...7), startMinute: 0, endMinute: 6 * 60)
        let calendar = ResponseCalendar(timeZone: berlin, workingHours: nights, holidays: [])
        #expect(calendar.workingSeconds(from: at(2026, 3, 28, in: berlin), to: at(2026, 3, 30, in: berlin)) == 11 * hour)
        #expect(calendar.workingSeconds(from: at(2026, 10, 24, in: berlin), to: at(2026, 10, 26, in: berlin)) == 13 * hour)
        #expect(calendar.adding(3 * hour, to: at(2026, 3, 29, in: berlin)) == at(2026, 3, 29, 4, in: berlin))
        #expect(calendar.adding(6 * hour, to: at(2026, 3, 29, in: berlin)) == at(2026, 3, 30, 1, in: berlin))

        let offices = officeCalendar(berlin)
        #expect(offices.adding(2 * hour, to: at(2026, 3, 27, 15, in: berlin)) == at(2026, 3, 30, 9, in: berlin))
        #expect(offices.workingSeconds(from: at(2026, 3, 27, 15, in: berlin), to: at(2026, 3, 30, 9, in: berlin)) == 2 * hour)
    }

    @Test("working hours that never occur do not loop forever")
    func noWorkingDayEver() {
        let start = at(2026, 1, 12, 9)
        let calendars = [
            ResponseCalendar(timeZone: jakarta, workingHours: WorkingHours(days: [], startMinute: 480, endMinute: 960), holidays: []),
            ResponseCalendar(timeZone: jakarta, workingHours: WorkingHours(days: [0, 8], startMinute: 480, endMinute: 960), holidays: []),
            ResponseCalendar(timeZone: jakarta, workingHours: WorkingHours(days: [1, 2], startMinute: 960, endMinute: 480), holidays: []),
        ]
        let farEnough = TimeInterval(ResponseCalendar.maxIdleDays - 2) * 86_400
        for calendar in calendars {
            #expect(calendar.adding(hour, to: start).timeIntervalSince(start) >= farEnough)
            #expect(start.timeIntervalSince(calendar.adding(-hour, to: start)) >= farEnough)
            #expect(calendar.workingSeconds(from: start, to: at(2027, 1, 1)) == 0)
            #expect(!calendar.isWorkingTime(start))
        }
    }

    @Test("the clock runs from the start of the hours up to, not including, their end")
    func workingTimeBoundaries() {
        let calendar = officeCalendar(holidays: ["2026-01-13"])
        #expect(calendar.isWorkingTime(at(2026, 1, 12, 8)))
        #expect(calendar.isWorkingTime(at(2026, 1, 12, 15, 59, 59)))
        #expect(!calendar.isWorkingTime(at(2026, 1, 12, 16)))
        #expect(!calendar.isWorkingTime(at(2026, 1, 12, 7, 59, 59)))
        #expect(!calendar.isWorkingTime(at(2026, 1, 10, 10)))
        #expect(!calendar.isWorkingTime(at(2026, 1, 11, 10)))
        #expect(!calendar.isWorkingTime(at(2026, 1, 13, 10)))
        #expect(calendar.isWorkingTime(at(2026, 1, 14, 10)))
    }

    @Test("a day may end at 24:00")
    func endingAtMidnight() {
        let lateShift = WorkingHours(days: [6], startMinute: 20 * 60, endMinute: 24 * 60)
        let calendar = ResponseCalendar(timeZone: jakarta, workingHours: lateShift, holidays: [])
        #expect(calendar.adding(4 * hour, to: at(2026, 1, 10, 12)) == at(2026, 1, 11, 0))
        #expect(calendar.adding(4 * hour + 60, to: at(2026, 1, 10, 12)) == at(2026, 1, 17, 20, 1))
        #expect(calendar.isWorkingTime(at(2026, 1, 10, 23, 59)))
        #expect(!calendar.isWorkingTime(at(2026, 1, 11, 0)))
    }

    @Test("equal calendars are equal and hash alike")
    func equality() {
        #expect(officeCalendar(holidays: ["2026-12-25"]) == officeCalendar(holidays: ["2026-12-25"]))
        #expect(officeCalendar() != officeCalendar(holidays: ["2026-12-25"]))
        #expect(officeCalendar() != officeCalendar(makassar))
        #expect(Set([officeCalendar(), officeCalendar(), officeCalendar(makassar)]).count == 2)
    }
}

@Suite struct PausingTests {
    @Test("paused with 5 working hours left on Friday 15:00, resumed Tuesday 09:00: due Tuesday 14:00")
    func pauseAndResume() {
        let calendar = officeCalendar()
        let pausedAt = at(2026, 1, 9, 15)
        let due = calendar.adding(5 * hour, to: pausedAt)
        #expect(due == at(2026, 1, 12, 12))
        let remaining = calendar.remaining(until: due, at: pausedAt)
        #expect(remaining == 5 * hour)
        #expect(calendar.resumed(remaining: remaining, at: at(2026, 1, 13, 9)) == at(2026, 1, 13, 14))
    }

    @Test("resuming outside working time counts from the next working moment")
    func resumeOnAWeekend() {
        let calendar = officeCalendar()
        #expect(calendar.resumed(remaining: 5 * hour, at: at(2026, 1, 10, 11)) == at(2026, 1, 12, 13))
    }

    @Test("an overdue case stays exactly as overdue after a pause")
    func overdueStaysOverdue() {
        let calendar = officeCalendar()
        let due = at(2026, 1, 12, 12)
        let pausedAt = at(2026, 1, 12, 14)
        let remaining = calendar.remaining(until: due, at: pausedAt)
        #expect(remaining == -2 * hour)
        let resumedAt = at(2026, 1, 14, 9)
        let newDue = calendar.resumed(remaining: remaining, at: resumedAt)
        #expect(newDue == at(2026, 1, 13, 15))
        #expect(calendar.remaining(until: newDue, at: resumedAt) == -2 * hour)
        // Overdue across a weekend, resumed on a Saturday.
        let weekendDue = calendar.resumed(remaining: -3 * hour, at: at(2026, 1, 10, 10))
        #expect(weekendDue == at(2026, 1, 9, 13))
    }

    @Test("a case paused exactly at its deadline resumes due at once")
    func pausedAtTheDeadline() {
        let calendar = officeCalendar()
        #expect(calendar.resumed(remaining: 0, at: at(2026, 1, 13, 9)) == at(2026, 1, 13, 9))
        #expect(calendar.resumed(remaining: 0, at: at(2026, 1, 10, 9)) == at(2026, 1, 12, 8))
        #expect(aroundTheClockCalendar.resumed(remaining: 5 * hour, at: at(2026, 1, 10, 9)) == at(2026, 1, 10, 14))
        #expect(aroundTheClockCalendar.remaining(until: at(2026, 1, 10, 9), at: at(2026, 1, 10, 14)) == -5 * hour)
    }
}

@Suite struct WorkingHoursTests {
    private func decode(_ json: String) throws -> WorkingHours {
        try JSONDecoder().decode(WorkingHours.self, from: Data(json.utf8))
    }

    @Test("decodes Indonesian day names and HH:MM times")
    func indonesian() throws {
        let hours = try decode(#"{ "days": ["senin", "selasa", "rabu", "kamis", "jumat"], "start": "08:00", "end": "16:00" }"#)
        #expect(hours == officeHours)
        #expect(hours.days == [1, 2, 3, 4, 5])
        #expect(hours.startMinute == 480 && hours.endMinute == 960)
        let weekend = try decode(#"{ "days": ["Sabtu", "MINGGU", "ahad", "Jum'at"], "start": "7:30", "end": "12:15" }"#)
        #expect(weekend == WorkingHours(days: [5, 6, 7], startMinute: 450, endMinute: 735))
    }

    @Test("decodes English day names and abbreviations in any case")
    func english() throws {
        let hours = try decode(#"{ "days": ["Monday", "TUE", "wed", "Thursday", "fri", "saturday", "Sun"], "start": "00:00", "end": "23:59" }"#)
        #expect(hours == WorkingHours(days: Set(1...7), startMinute: 0, endMinute: 1439))
        #expect(try decode(#"{ "days": ["friday"], "start": "20:00", "end": "24:00" }"#).endMinute == 1440)
        #expect(try decode(#"{ "days": ["kamis"], "start": "08.00", "end": "12.30" }"#)
            == WorkingHours(days: [4], startMinute: 480, endMinute: 750))
    }

    @Test("names every day name and time it understands")
    func names() {
        let expected: [String: Int] = [
            "senin": 1, "monday": 1, "mon": 1, "selasa": 2, "tuesday": 2, "tue": 2, "rabu": 3, "wednesday": 3,
            "wed": 3, "kamis": 4, "thursday": 4, "thu": 4, "jumat": 5, "jum'at": 5, "friday": 5, "fri": 5,
            "sabtu": 6, "saturday": 6, "sat": 6, "minggu": 7, "ahad": 7, "sunday": 7, "sun": 7,
        ]
        for (name, day) in expected {
            #expect(WorkingHours.weekday(named: name) == day)
            #expect(WorkingHours.weekday(named: name.uppercased()) == day)
        }
        #expect(WorkingHours.weekday(named: "senen") == nil)
        #expect(WorkingHours.weekday(named: "") == nil)
        #expect(WorkingHours.minute(fromTime: "8:05") == 485)
        #expect(WorkingHours.minute(fromTime: "23:59") == 1439)
        for bad in ["8", "8:5", "24:01", "25:00", "08:60", "-1:00", "+8:00", "8am", "08:00:00", "", "008:00"] {
            #expect(WorkingHours.minute(fromTime: bad) == nil, "\(bad)")
        }
    }

    @Test("encodes Indonesian names, Monday first, and HH:MM")
    func encoding() throws {
        let hours = WorkingHours(days: [7, 1, 5], startMinute: 7 * 60 + 5, endMinute: 24 * 60)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(hours), as: UTF8.self)
        #expect(json == #"{"days":["senin","jumat","minggu"],"end":"24:00","start":"07:05"}"#)
        #expect(try decode(json) == hours)
        #expect(throws: EncodingError.self) {
            try JSONEncoder().encode(WorkingHours(days: [9], startMinute: 0, endMinute: 60))
        }
    }

    @Test("an unknown day is named, with the accepted names")
    func badDay() {
        let failure = decodingFailure(WorkingHours.self, #"{ "days": ["senin", "senen"], "start": "08:00", "end": "16:00" }"#)
        #expect(failure?.message == #"unknown day "senen"; use senin, selasa, rabu, kamis, jumat, sabtu, minggu"#)
        #expect(failure?.path == "days.1")
    }

    @Test("a bad time is named, with the accepted form")
    func badTime() {
        let start = decodingFailure(WorkingHours.self, #"{ "days": ["senin"], "start": "8am", "end": "16:00" }"#)
        #expect(start?.message == #"invalid time "8am" for start; use 24-hour HH:MM, e.g. "08:00""#)
        #expect(start?.path == "start")
        let end = decodingFailure(WorkingHours.self, #"{ "days": ["senin"], "start": "08:00", "end": "25:00" }"#)
        #expect(end?.message == #"invalid time "25:00" for end; use 24-hour HH:MM, e.g. "08:00""#)
        #expect(end?.path == "end")
        let midnightStart = decodingFailure(WorkingHours.self, #"{ "days": ["senin"], "start": "24:00", "end": "24:00" }"#)
        #expect(midnightStart?.path == "start")
    }

    @Test("the end must come after the start")
    func endBeforeStart() {
        let before = decodingFailure(WorkingHours.self, #"{ "days": ["senin"], "start": "16:00", "end": "8:00" }"#)
        #expect(before?.message == #"end "08:00" must be after start "16:00" (no overnight shifts)"#)
        #expect(before?.path == "end")
        let same = decodingFailure(WorkingHours.self, #"{ "days": ["senin"], "start": "08:00", "end": "08:00" }"#)
        #expect(same?.message == #"end "08:00" must be after start "08:00" (no overnight shifts)"#)
    }

    @Test("at least one day is needed")
    func emptyDays() {
        let failure = decodingFailure(WorkingHours.self, #"{ "days": [], "start": "08:00", "end": "16:00" }"#)
        #expect(failure?.message.hasPrefix("no working days; list at least one") == true)
        #expect(failure?.path == "days")
        #expect(throws: DecodingError.self) {
            try decode(#"{ "start": "08:00", "end": "16:00" }"#)
        }
        #expect(throws: DecodingError.self) {
            try decode(#"{ "days": "senin", "start": "08:00", "end": "16:00" }"#)
        }
    }

    @Test("a bot file's diagnostic points at the bad day")
    func diagnostic() {
        let json = "{\n  \"days\": [\"senin\",\n           \"senen\"],\n  \"start\": \"08:00\", \"end\": \"16:00\"\n}"
        do {
            _ = try JSONFile.decode(WorkingHours.self, from: Data(json.utf8), file: "bots/bangli.json")
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.path == ["days", 1])
            #expect(error.position?.line == 3)
            #expect(error.message.contains(#"unknown day "senen""#))
        }
    }
}
