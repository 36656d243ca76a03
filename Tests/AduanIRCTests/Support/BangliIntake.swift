import Foundation
import Testing

/// The shipped Bangli dialog as the IRC tests go through it: what a citizen says, and pieces of
/// the bot's answers to wait for.
enum BangliIntake {
    /// The intake up to the description question, each message with a piece of the last line of
    /// the bot's answer.
    static let untilDescription: [(say: String, expect: String)] = [
        ("halo", "Contoh: Cempaga, Bangli"),
        ("kintamni", "Tulis nama desanya."),
        ("batur selatan", "14. Lainnya"),
        ("jalan", "Contoh: _Jalan berlubang"),
    ]

    static let trackingPattern = "BGL-[0-9A-Z]{3}-[0-9A-Z]{3}"

    /// A piece of the last line of the privacy question (asked after the description).
    static let privacyQuestion = "3. Anonim (tanpa nama)"
    /// A piece of the contact question (asked after the privacy question).
    static let contactQuestion = "Balas *ya* atau *tidak*"

    /// The tracking number in the bot's `lines`.
    static func trackingNumber(in lines: [String]) throws -> String {
        let joined = lines.joined(separator: "\n")
        let range = try #require(joined.range(of: trackingPattern, options: .regularExpression))
        return String(joined[range])
    }
}

extension IRCTestClient {
    /// Goes through the intake with the bot `aduan` up to the description question.
    func answerUntilDescription() async throws {
        for step in BangliIntake.untilDescription {
            try await say(step.say, to: "aduan", expect: step.expect)
        }
    }

    /// After the privacy question: chooses *Biasa*, gives no contact and confirms the summary;
    /// returns the tracking number.
    func confirmWithoutContact() async throws -> String {
        try await say("1", to: "aduan", expect: BangliIntake.contactQuestion)
        try await say("tidak", to: "aduan", expect: "Sudah benar?")
        let done = try await say("ya", to: "aduan", expect: "status BGL-")
        return try BangliIntake.trackingNumber(in: done)
    }

    /// Files a pothole complaint in private messages (privacy *Biasa*, no contact); returns its
    /// tracking number.
    func fileComplaint(description: String = "Jalan berlubang besar di depan SD 2, motor sering jatuh.") async throws -> String {
        try await answerUntilDescription()
        try await say(description, to: "aduan", expect: BangliIntake.privacyQuestion)
        return try await confirmWithoutContact()
    }
}
