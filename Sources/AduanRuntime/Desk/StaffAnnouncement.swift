import AduanCore
import AduanDialog
import AduanStore
import Foundation

/// The text posted in staff channels about a case, from the bot's `new_case` template: when it
/// is filed, and when it is forwarded to another agency. Staff see a masked contact, and nothing
/// of the citizen's identity when they filed anonymously.
enum StaffAnnouncement {
    static func newCase(_ filing: CaseFiling, bot: BotFile) -> String {
        let catalog = bot.catalog
        return render(bot: bot, values: [
            "tracking": filing.tracking.code,
            "category": catalog.category(filing.category)?.label.text(in: "id") ?? filing.category,
            "opd": catalog.agencyNames[filing.opd]?.text(in: "id") ?? filing.opd,
            "location": catalog.gazetteer.displayName(of: filing.place),
            "summary": summary(filing.details),
            "due": DateText.dateTime(filing.dueAt, timeZone: catalog.timeZone, language: "id"),
            "contact": contactShown(filing.contact, anonymous: filing.anonymous),
            "confidential": confidentialMark(filing.confidential, anonymous: filing.anonymous),
        ])
    }

    /// The announcement of a stored case (forwarded to another agency).
    static func announcement(of record: CaseRecord, context c: DeskContext) -> String {
        render(bot: c.bot, values: [
            "tracking": record.tracking,
            "category": c.categoryLabel(record.category),
            "opd": c.agencyName(record.opd),
            "location": c.place(of: record),
            "summary": summary(record.details),
            "due": record.dueAt.map { c.dateTime($0) } ?? "-",
            "contact": contactShown(record.contact, anonymous: record.anonymous),
            "confidential": confidentialMark(record.confidential, anonymous: record.anonymous),
        ])
    }

    private static func render(bot: BotFile, values: [String: String]) -> String {
        let text = Template.render(bot.configuration.staffMessages.newCase) { values[$0] }
        let tracking = values["tracking"] ?? ""
        return text + "\nKetik: ambil \(tracking)"
    }

    private static func summary(_ details: String) -> String {
        let line = details.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }

    /// What staff see of the contact: masked; that there is none; nothing at all when anonymous.
    static func contactShown(_ contact: String?, anonymous: Bool) -> String {
        if anonymous { return "anonim (identitas pelapor dirahasiakan)" }
        return contact.map(maskedContact) ?? "tidak ada"
    }

    private static func confidentialMark(_ confidential: Bool, anonymous: Bool) -> String {
        if anonymous { return " · ANONIM · RAHASIA (jangan disebarkan)" }
        return confidential ? " · RAHASIA (data sensitif, jangan disebarkan)" : ""
    }

    /// A phone number with its middle hidden, e.g. `+6281234567890` → `0812*****890`.
    static func maskedContact(_ contact: String) -> String {
        var local = contact
        if local.hasPrefix("+62") { local = "0" + local.dropFirst(3) }
        guard local.count > 7 else { return String(repeating: "*", count: local.count) }
        return String(local.prefix(4)) + String(repeating: "*", count: local.count - 7) + String(local.suffix(3))
    }

    /// The channels a new case is announced in: its agency's and the coordinators'.
    static func channels(for opd: String, bot: BotFile) -> [String] {
        var channels: [String] = []
        if let channel = bot.configuration.agencies.first(where: { $0.id == opd })?.channel {
            channels.append(channel)
        }
        if let coordinator = bot.configuration.coordinatorChannel,
           !channels.contains(where: { $0.lowercased() == coordinator.lowercased() }) {
            channels.append(coordinator)
        }
        return channels
    }
}
