import AduanCore
import AduanDialog
import AduanStore

/// The text posted in staff channels when a case is filed, from the bot's `new_case` template.
enum StaffAnnouncement {
    static func newCase(_ filing: CaseFiling, bot: BotFile) -> String {
        let configuration = bot.configuration
        let catalog = bot.catalog
        let summary = filing.details.split(whereSeparator: \.isNewline).joined(separator: " ")
        let short = summary.count > 200 ? String(summary.prefix(199)) + "…" : summary
        let values: [String: String] = [
            "tracking": filing.tracking.code,
            "category": catalog.category(filing.category)?.label.text(in: "id") ?? filing.category,
            "opd": catalog.agencyNames[filing.opd]?.text(in: "id") ?? filing.opd,
            "location": catalog.gazetteer.displayName(of: filing.place),
            "summary": short,
            "due": DateText.dateTime(filing.dueAt, timeZone: catalog.timeZone, language: "id"),
            "contact": filing.contact.map(maskedContact) ?? "-",
            "confidential": filing.confidential ? " · RAHASIA (data sensitif, jangan disebarkan)" : "",
        ]
        return Template.render(configuration.staffMessages.newCase) { values[$0] }
    }

    /// A phone number with its middle hidden, e.g. `+6281234567890` → `0812****7890`.
    static func maskedContact(_ contact: String) -> String {
        var local = contact
        if local.hasPrefix("+62") { local = "0" + local.dropFirst(3) }
        guard local.count > 7 else { return String(repeating: "*", count: local.count) }
        return String(local.prefix(4)) + String(repeating: "*", count: local.count - 8) + String(local.suffix(4))
    }

    /// The channels a new case is announced in: its agency's and the coordinators'.
    static func channels(for filing: CaseFiling, bot: BotFile) -> [String] {
        var channels: [String] = []
        if let channel = bot.configuration.agencies.first(where: { $0.id == filing.opd })?.channel {
            channels.append(channel)
        }
        if let coordinator = bot.configuration.coordinatorChannel, !channels.contains(coordinator) {
            channels.append(coordinator)
        }
        return channels
    }
}
