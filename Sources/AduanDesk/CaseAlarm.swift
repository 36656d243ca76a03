import Foundation

/// One moment at which the response clock acts on an open case: a reminder before its
/// deadline, or a step of the escalation ladder after it.
///
/// The alarms of a case come from ``ClockPolicy/alarms(due:calendar:)``; the runtime stores
/// only how many of them have fired (the case's stage) and asks for the next with
/// ``ClockPolicy/nextAlarm(due:calendar:stage:)``.
public struct CaseAlarm: Sendable, Hashable {
    /// What an alarm does.
    public enum Kind: Sendable, Hashable {
        /// Remind the OPD that the deadline is `hoursBefore` working hours away.
        case reminder(hoursBefore: Double)
        /// Escalation step number `step` (its position in ``ClockPolicy/escalation``, from 0):
        /// tell `target`.
        case escalation(step: Int, target: EscalationTarget)
    }

    /// What to do.
    public var kind: Kind
    /// When.
    public var at: Date

    /// Creates an alarm.
    public init(kind: Kind, at: Date) {
        self.kind = kind
        self.at = at
    }
}

extension ClockPolicy {
    /// Every alarm of a case due at `due`, in the order they fire.
    ///
    /// Reminders come at `calendar.adding(-hours * 3600, to: due)`, escalation steps at
    /// `calendar.adding(afterHours * 3600, to: due)`; a step (or reminder) of 0 hours is at
    /// `due` itself, even when `due` is the end of a working day. The list is sorted by time
    /// and the order is fully determined: reminders first (the largest number of hours first),
    /// then escalation steps in ladder order, for alarms at the same instant. Since the runtime
    /// keeps only a count of fired alarms, the same `due` and calendar always give the same
    /// list. Hours that are not finite numbers are left out.
    ///
    /// ```swift
    /// ClockPolicy.standard.alarms(due: due, calendar: calendar).map(\.kind)
    /// // [.reminder(hoursBefore: 4), .escalation(step: 0, target: .head),
    /// //  .escalation(step: 1, target: .coordinator), .escalation(step: 2, target: .leadership)]
    /// ```
    public func alarms(due: Date, calendar: ResponseCalendar) -> [CaseAlarm] {
        func offset(_ hours: Double) -> Date {
            hours == 0 ? due : calendar.adding(hours * 3600, to: due)
        }
        let reminders = remindBeforeHours.filter(\.isFinite).enumerated()
            .sorted { $0.element != $1.element ? $0.element > $1.element : $0.offset < $1.offset }
            .map { CaseAlarm(kind: .reminder(hoursBefore: $0.element), at: offset(-$0.element)) }
        let steps = escalation.enumerated().filter { $0.element.afterHours.isFinite }
            .map { CaseAlarm(kind: .escalation(step: $0.offset, target: $0.element.target), at: offset($0.element.afterHours)) }
        return (reminders + steps).enumerated()
            .sorted { $0.element.at != $1.element.at ? $0.element.at < $1.element.at : $0.offset < $1.offset }
            .map(\.element)
    }

    /// The alarm after `stage` alarms have fired, or nil when all have.
    ///
    /// ```swift
    /// policy.nextAlarm(due: due, calendar: calendar, stage: 0)  // the first reminder
    /// ```
    public func nextAlarm(due: Date, calendar: ResponseCalendar, stage: Int) -> CaseAlarm? {
        let all = alarms(due: due, calendar: calendar)
        let index = max(stage, 0)
        return index < all.count ? all[index] : nil
    }
}
