import AduanDesk
import Foundation

/// The response clock of a bot, as written under `clock` in its file.
///
/// ```json
/// "clock": {
///   "working_hours": { "days": ["senin", "selasa", "rabu", "kamis", "jumat"], "start": "08:00", "end": "16:00" },
///   "holidays": ["2026-12-25"],
///   "remind_before_hours": [4],
///   "escalation": [ { "after_hours": 0, "to": "head" }, { "after_hours": 4, "to": "coordinator" },
///                   { "after_hours": 24, "to": "leadership" } ]
/// }
/// ```
///
/// Without `working_hours` the clock runs around the clock (Bangli's 24-hour programme) and
/// holidays do not stop it. Missing `remind_before_hours` or `escalation` take the standard
/// values (``ClockPolicy/standard``).
public struct ClockSettings: Sendable, Hashable, Codable {
    /// When the clock runs; nil for always.
    public var workingHours: WorkingHours?
    /// Local dates (`YYYY-MM-DD`) on which it does not run (with working hours only).
    public var holidays: [String]?
    /// Hours of working time before the deadline at which the OPD's channel is reminded.
    public var remindBeforeHours: [Double]?
    /// The escalation ladder, counted from the deadline.
    public var escalation: [EscalationStep]?

    private enum CodingKeys: String, CodingKey {
        case holidays, escalation
        case workingHours = "working_hours"
        case remindBeforeHours = "remind_before_hours"
    }

    /// The fields `clock` may have.
    static let fields = ["working_hours", "holidays", "remind_before_hours", "escalation", "note"]

    /// The reminders and the ladder.
    public var policy: ClockPolicy {
        let standard = ClockPolicy.standard
        return ClockPolicy(remindBeforeHours: remindBeforeHours ?? standard.remindBeforeHours,
                           escalation: escalation ?? standard.escalation)
    }

    /// The calendar in `timeZone`.
    public func calendar(timeZone: TimeZone) -> ResponseCalendar {
        ResponseCalendar(timeZone: timeZone, workingHours: workingHours, holidays: Set(holidays ?? []))
    }
}
