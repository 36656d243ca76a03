/// Who an overdue case is escalated to.
///
/// The raw values are what admins write in `"to"` and what is stored; people read
/// ``label(language:)``.
public enum EscalationTarget: String, Sendable, Hashable, Codable, CaseIterable {
    /// The head of the responsible OPD (*kepala OPD*).
    case head
    /// The coordinator channel, usually Diskominfo (*koordinator*).
    case coordinator
    /// The regional leadership: the regional secretary or the regent (*Sekda/Bupati*).
    case leadership

    /// Reads a raw value, with a message that lists the accepted ones, e.g.
    /// `unknown escalation target "kepala"; use head, coordinator, leadership`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let target = EscalationTarget(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown escalation target \"\(text)\"; use "
                    + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = target
    }

    /// Who this is, as a person reads it: `kepala OPD` / `agency head`.
    ///
    /// Languages other than `en` fall back to Bahasa Indonesia.
    public func label(language: String) -> String {
        if language == "en" {
            switch self {
            case .head: return "agency head"
            case .coordinator: return "coordinator"
            case .leadership: return "regional leadership (secretary/regent)"
            }
        }
        switch self {
        case .head: return "kepala OPD"
        case .coordinator: return "koordinator"
        case .leadership: return "pimpinan daerah (Sekda/Bupati)"
        }
    }
}

/// One rung of the escalation ladder: when a case is still open `afterHours` working hours past
/// its deadline, `target` is told.
///
/// ```json
/// { "after_hours": 4, "to": "coordinator" }
/// ```
/// `after_hours` 0 means at the deadline itself. Negative values are refused when decoding:
/// warnings before the deadline are reminders (``ClockPolicy/remindBeforeHours``).
public struct EscalationStep: Sendable, Hashable, Codable {
    /// Working hours after the deadline; 0 for the deadline itself.
    public var afterHours: Double
    /// Who is told.
    public var target: EscalationTarget

    /// Creates a step.
    public init(afterHours: Double, target: EscalationTarget) {
        self.afterHours = afterHours
        self.target = target
    }

    private enum CodingKeys: String, CodingKey {
        case afterHours = "after_hours"
        case target = "to"
    }

    /// Reads `{ "after_hours": 4, "to": "coordinator" }`; `after_hours` must be 0 or more.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hours = try container.decode(Double.self, forKey: .afterHours)
        guard hours >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .afterHours, in: container,
                debugDescription: "after_hours must be 0 or more (working hours after the deadline), not \(hours.clockText)")
        }
        self.init(afterHours: hours, target: try container.decode(EscalationTarget.self, forKey: .target))
    }
}

/// What the response clock does around a case's deadline: remind the OPD before it, and
/// escalate up a ladder after it. All hours are working hours of the bot's
/// ``ResponseCalendar``.
///
/// In a bot file (both keys optional; a missing one takes the ``standard`` value):
///
/// ```json
/// "remind_before_hours": [4, 1],
/// "escalation": [ { "after_hours": 0, "to": "head" }, { "after_hours": 4, "to": "coordinator" },
///                 { "after_hours": 24, "to": "leadership" } ]
/// ```
///
/// The instants themselves come from ``alarms(due:calendar:)``.
public struct ClockPolicy: Sendable, Hashable, Codable {
    /// Working hours before the deadline at which the OPD is reminded, e.g. `[4, 1]`.
    public var remindBeforeHours: [Double]
    /// The escalation ladder, counted from the deadline; each step's position is its number.
    public var escalation: [EscalationStep]

    /// Creates a policy.
    public init(remindBeforeHours: [Double], escalation: [EscalationStep]) {
        self.remindBeforeHours = remindBeforeHours
        self.escalation = escalation
    }

    /// A reminder 4 working hours before the deadline; at the deadline the OPD head is told, 4
    /// working hours later the coordinator, 24 working hours later the regional leadership.
    public static let standard = ClockPolicy(
        remindBeforeHours: [4],
        escalation: [
            .init(afterHours: 0, target: .head),
            .init(afterHours: 4, target: .coordinator),
            .init(afterHours: 24, target: .leadership),
        ])

    private enum CodingKeys: String, CodingKey {
        case remindBeforeHours = "remind_before_hours"
        case escalation
    }

    /// Reads `remind_before_hours` and `escalation`, each optional (missing → the ``standard``
    /// value); reminder hours must be 0 or more.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hours = try container.decodeIfPresent([Double].self, forKey: .remindBeforeHours)
            ?? Self.standard.remindBeforeHours
        if let negative = hours.first(where: { !($0 >= 0) }) {
            throw DecodingError.dataCorruptedError(
                forKey: .remindBeforeHours, in: container,
                debugDescription: "remind_before_hours must be 0 or more (working hours before the deadline), "
                    + "not \(negative.clockText)")
        }
        let escalation = try container.decodeIfPresent([EscalationStep].self, forKey: .escalation)
            ?? Self.standard.escalation
        self.init(remindBeforeHours: hours, escalation: escalation)
    }

    /// Writes both keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(remindBeforeHours, forKey: .remindBeforeHours)
        try container.encode(escalation, forKey: .escalation)
    }
}

extension Double {
    /// `-2` rather than `-2.0` for whole numbers, in messages.
    fileprivate var clockText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
