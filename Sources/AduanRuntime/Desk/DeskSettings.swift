import AduanDesk
import Foundation

/// What a bot file says about the desk, prepared once when the file is loaded: the response
/// calendar, the reminders and escalation ladder, and the texts for citizens.
struct DeskSettings: Sendable {
    let calendar: ResponseCalendar
    let policy: ClockPolicy
    let messages: CitizenMessages

    init(_ configuration: BotConfiguration, timeZone: TimeZone) {
        let clock = configuration.clock ?? ClockSettings()
        calendar = clock.calendar(timeZone: timeZone)
        policy = clock.policy
        messages = CitizenMessages(overrides: configuration.citizenMessages)
    }

    /// A deadline `hours` of working time after `start`.
    func deadline(from start: Date, hours: Int) -> Date {
        calendar.adding(TimeInterval(hours) * 3600, to: start)
    }
}
