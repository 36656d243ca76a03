import Foundation

@testable import AduanDesk

/// Western Indonesian Time (WIB), the time zone of most tests.
let jakarta = TimeZone(identifier: "Asia/Jakarta")!

/// One hour, in seconds.
let hour: TimeInterval = 3600

/// A fixed local time in `zone` (WIB unless told), built with a Gregorian calendar.
func at(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0,
    in zone: TimeZone = jakarta
) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    return calendar.date(from: components)!
}

/// Monday to Friday, 08:00–16:00.
let officeHours = WorkingHours(days: [1, 2, 3, 4, 5], startMinute: 8 * 60, endMinute: 16 * 60)

/// A calendar of ``officeHours`` in `zone` (WIB unless told), with `holidays`.
func officeCalendar(_ zone: TimeZone = jakarta, holidays: Set<String> = []) -> ResponseCalendar {
    ResponseCalendar(timeZone: zone, workingHours: officeHours, holidays: holidays)
}

/// A calendar in WIB that counts every hour of every day.
let aroundTheClockCalendar = ResponseCalendar(timeZone: jakarta, workingHours: nil, holidays: [])

/// The message and path of the `DecodingError.dataCorrupted` thrown for `json`, nil if it decodes.
func decodingFailure<T: Decodable>(_ type: T.Type, _ json: String) -> (message: String, path: String)? {
    do {
        _ = try JSONDecoder().decode(T.self, from: Data(json.utf8))
        return nil
    } catch let DecodingError.dataCorrupted(context) {
        return (context.debugDescription, context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            .joined(separator: "."))
    } catch {
        return ("\(error)", "?")
    }
}
