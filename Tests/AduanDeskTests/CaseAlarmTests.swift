import Foundation
import Testing

@testable import AduanDesk

/// Monday to Friday, 08:00–16:00 WIB.
private let office = officeCalendar()

// January 2026: Friday the 9th, Monday 12, Tuesday 13, Wednesday 14, Friday 16.

@Suite struct CaseAlarmTests {
    @Test("the standard policy reminds 4 working hours before and climbs the ladder after the deadline")
    func standardPolicy() {
        let due = at(2026, 1, 13, 12)
        let alarms = ClockPolicy.standard.alarms(due: due, calendar: office)
        #expect(alarms == [
            CaseAlarm(kind: .reminder(hoursBefore: 4), at: at(2026, 1, 13, 8)),
            CaseAlarm(kind: .escalation(step: 0, target: .head), at: due),
            CaseAlarm(kind: .escalation(step: 1, target: .coordinator), at: at(2026, 1, 13, 16)),
            CaseAlarm(kind: .escalation(step: 2, target: .leadership), at: at(2026, 1, 16, 12)),
        ])
    }

    @Test("around the clock, alarms are plain hours from the deadline")
    func aroundTheClockAlarms() {
        let due = at(2026, 1, 10, 12)
        let times = ClockPolicy.standard.alarms(due: due, calendar: aroundTheClockCalendar).map(\.at)
        #expect(times == [due - 4 * hour, due, due + 4 * hour, due + 24 * hour])
    }

    @Test("a deadline at the end of a working day escalates at that moment, not next morning")
    func deadlineAtTheEndOfTheDay() {
        let due = at(2026, 1, 9, 16)
        let alarms = ClockPolicy.standard.alarms(due: due, calendar: office)
        #expect(alarms.map(\.at) == [at(2026, 1, 9, 12), due, at(2026, 1, 12, 12), at(2026, 1, 14, 16)])
    }

    @Test("reminders come largest first, across the weekend when needed")
    func remindersLargestFirst() {
        let policy = ClockPolicy(remindBeforeHours: [1, 10, 4], escalation: [])
        let alarms = policy.alarms(due: at(2026, 1, 12, 9), calendar: office)
        #expect(alarms == [
            CaseAlarm(kind: .reminder(hoursBefore: 10), at: at(2026, 1, 8, 15)),
            CaseAlarm(kind: .reminder(hoursBefore: 4), at: at(2026, 1, 9, 13)),
            CaseAlarm(kind: .reminder(hoursBefore: 1), at: at(2026, 1, 12, 8)),
        ])
    }

    @Test("at equal times reminders come before escalations, and steps keep their order")
    func ties() {
        let policy = ClockPolicy(
            remindBeforeHours: [0, 2],
            escalation: [.init(afterHours: 0, target: .head), .init(afterHours: 0, target: .coordinator),
                         .init(afterHours: 2, target: .leadership)])
        let due = at(2026, 1, 13, 12)
        let alarms = policy.alarms(due: due, calendar: office)
        #expect(alarms.map(\.kind) == [
            .reminder(hoursBefore: 2), .reminder(hoursBefore: 0),
            .escalation(step: 0, target: .head), .escalation(step: 1, target: .coordinator),
            .escalation(step: 2, target: .leadership),
        ])
        #expect(alarms.map(\.at) == [at(2026, 1, 13, 10), due, due, due, at(2026, 1, 13, 14)])
    }

    @Test("a ladder written out of order is sorted by time, each step keeping its number")
    func unsortedLadder() {
        let policy = ClockPolicy(
            remindBeforeHours: [],
            escalation: [.init(afterHours: 24, target: .leadership), .init(afterHours: 0, target: .head),
                         .init(afterHours: 4, target: .coordinator)])
        let kinds = policy.alarms(due: at(2026, 1, 13, 12), calendar: office).map(\.kind)
        #expect(kinds == [
            .escalation(step: 1, target: .head), .escalation(step: 2, target: .coordinator),
            .escalation(step: 0, target: .leadership),
        ])
    }

    @Test("hours that are not numbers are left out")
    func nonFiniteHours() {
        let policy = ClockPolicy(remindBeforeHours: [.nan, 4, .infinity],
                                 escalation: [.init(afterHours: .nan, target: .head), .init(afterHours: 1, target: .coordinator)])
        let kinds = policy.alarms(due: at(2026, 1, 13, 12), calendar: office).map(\.kind)
        #expect(kinds == [.reminder(hoursBefore: 4), .escalation(step: 1, target: .coordinator)])
    }

    @Test("the list is the same every time, so a stored stage picks the next alarm")
    func determinismAndStages() {
        let policy = ClockPolicy(
            remindBeforeHours: [4, 1],
            escalation: ClockPolicy.standard.escalation + [.init(afterHours: 4, target: .head)])
        let due = at(2026, 1, 14, 15)
        let alarms = policy.alarms(due: due, calendar: office)
        #expect(alarms.count == 6)
        #expect(alarms == policy.alarms(due: due, calendar: office))
        #expect(zip(alarms, alarms.dropFirst()).allSatisfy { $0.at <= $1.at })
        for stage in alarms.indices {
            #expect(policy.nextAlarm(due: due, calendar: office, stage: stage) == alarms[stage])
        }
        #expect(policy.nextAlarm(due: due, calendar: office, stage: -1) == alarms[0])
        #expect(policy.nextAlarm(due: due, calendar: office, stage: 6) == nil)
        #expect(policy.nextAlarm(due: due, calendar: office, stage: 99) == nil)
        // Steps 1 and 3 (coordinator and head) are both 4 h after: they stay in ladder order,
        // before step 2 (24 h after).
        #expect(alarms.map(\.kind) == [
            .reminder(hoursBefore: 4), .reminder(hoursBefore: 1), .escalation(step: 0, target: .head),
            .escalation(step: 1, target: .coordinator), .escalation(step: 3, target: .head),
            .escalation(step: 2, target: .leadership),
        ])
        #expect(alarms[3].at == at(2026, 1, 15, 11) && alarms[4].at == alarms[3].at)
        #expect(alarms[5].at == at(2026, 1, 19, 15))
        #expect(ClockPolicy(remindBeforeHours: [], escalation: []).nextAlarm(due: due, calendar: office, stage: 0) == nil)
    }

    @Test("escalation targets have Indonesian and English labels")
    func labels() {
        #expect(EscalationTarget.head.label(language: "id") == "kepala OPD")
        #expect(EscalationTarget.coordinator.label(language: "id") == "koordinator")
        #expect(EscalationTarget.leadership.label(language: "id") == "pimpinan daerah (Sekda/Bupati)")
        #expect(EscalationTarget.head.label(language: "en") == "agency head")
        #expect(EscalationTarget.coordinator.label(language: "en") == "coordinator")
        #expect(EscalationTarget.leadership.label(language: "en") == "regional leadership (secretary/regent)")
        for target in EscalationTarget.allCases {
            #expect(target.label(language: "jv") == target.label(language: "id"))
        }
    }
}

@Suite struct ClockPolicyCodingTests {
    private func decode(_ json: String) throws -> ClockPolicy {
        try JSONDecoder().decode(ClockPolicy.self, from: Data(json.utf8))
    }

    @Test("both keys are read when present")
    func withKeys() throws {
        let policy = try decode(#"""
            { "remind_before_hours": [8, 2.5],
              "escalation": [ { "after_hours": 0, "to": "coordinator" }, { "after_hours": 48, "to": "leadership" } ] }
            """#)
        #expect(policy == ClockPolicy(
            remindBeforeHours: [8, 2.5],
            escalation: [.init(afterHours: 0, target: .coordinator), .init(afterHours: 48, target: .leadership)]))
    }

    @Test("missing keys take the standard values")
    func withoutKeys() throws {
        #expect(try decode("{}") == .standard)
        let onlyReminders = try decode(#"{ "remind_before_hours": [1] }"#)
        #expect(onlyReminders.remindBeforeHours == [1])
        #expect(onlyReminders.escalation == ClockPolicy.standard.escalation)
        let onlyLadder = try decode(#"{ "escalation": [] }"#)
        #expect(onlyLadder.remindBeforeHours == [4])
        #expect(onlyLadder.escalation.isEmpty)
        #expect(try decode(#"{ "remind_before_hours": null }"#) == .standard)
    }

    @Test("the standard policy is 4 hours' reminder and head, coordinator, leadership at 0, 4 and 24 hours")
    func standard() {
        #expect(ClockPolicy.standard.remindBeforeHours == [4])
        #expect(ClockPolicy.standard.escalation.map(\.afterHours) == [0, 4, 24])
        #expect(ClockPolicy.standard.escalation.map(\.target) == [.head, .coordinator, .leadership])
    }

    @Test("encoding writes the file's keys and reads back the same")
    func encoding() throws {
        let policy = ClockPolicy(remindBeforeHours: [4, 1], escalation: [.init(afterHours: 2.5, target: .leadership)])
        let data = try JSONEncoder().encode(policy)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?.keys.sorted() == ["escalation", "remind_before_hours"])
        let step = (object?["escalation"] as? [[String: Any]])?.first
        #expect(step?.keys.sorted() == ["after_hours", "to"])
        #expect(step?["to"] as? String == "leadership")
        #expect(try JSONDecoder().decode(ClockPolicy.self, from: data) == policy)
    }

    @Test("an unknown target is named, with the accepted ones")
    func badTarget() {
        let failure = decodingFailure(ClockPolicy.self, #"{ "escalation": [ { "after_hours": 0, "to": "kepala" } ] }"#)
        #expect(failure?.message == #"unknown escalation target "kepala"; use head, coordinator, leadership"#)
        #expect(failure?.path == "escalation.0.to")
    }

    @Test("negative hours are refused")
    func negativeHours() {
        let step = decodingFailure(ClockPolicy.self, #"{ "escalation": [ { "after_hours": -2, "to": "head" } ] }"#)
        #expect(step?.message == "after_hours must be 0 or more (working hours after the deadline), not -2")
        #expect(step?.path == "escalation.0.after_hours")
        let reminder = decodingFailure(ClockPolicy.self, #"{ "remind_before_hours": [4, -1.5] }"#)
        #expect(reminder?.message == "remind_before_hours must be 0 or more (working hours before the deadline), not -1.5")
        #expect(reminder?.path == "remind_before_hours")
    }

    @Test("a step needs both of its keys")
    func incompleteStep() {
        #expect(throws: DecodingError.self) { try decode(#"{ "escalation": [ { "after_hours": 4 } ] }"#) }
        #expect(throws: DecodingError.self) { try decode(#"{ "escalation": [ { "to": "head" } ] }"#) }
    }
}
