import AduanCore
import Foundation
import Testing

@Suite("Durations and dates for citizens")
struct DateTextTests {
    @Test("hours read as hours, whole days past two as days, working time as working hours", arguments: [
        (24, "id", false, "24 jam"), (24, "en", false, "24 hours"), (1, "en", false, "1 hour"),
        (72, "id", false, "3 hari"), (72, "en", false, "3 days"), (48, "id", false, "48 jam"), (30, "id", false, "30 jam"),
        (24, "id", true, "24 jam kerja"), (24, "en", true, "24 working hours"), (1, "en", true, "1 working hour"),
        (72, "id", true, "72 jam kerja"),
    ])
    func hours(_ hours: Int, _ language: String, _ working: Bool, _ expected: String) {
        #expect(DateText.hours(hours, language: language, working: working) == expected)
    }
}
