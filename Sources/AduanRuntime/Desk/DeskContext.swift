import AduanCore
import AduanDesk
import AduanDialog
import AduanStore
import AduanWilayah
import Foundation

/// What the staff desk, the citizens' follow-ups and the clock share for one piece of work: the
/// bot as loaded now, the database, the time, and how to word and address messages.
struct DeskContext {
    let bot: BotFile
    let database: AduanDatabase
    let now: Date
    /// The transport that carries staff channels (`terminal`, `irc`, `matrix`).
    let staffTransport: String

    init(bot: BotFile, database: AduanDatabase, now: Date, staffTransport: String) {
        self.bot = bot
        self.database = database
        self.now = now
        self.staffTransport = staffTransport
    }

    var configuration: BotConfiguration { bot.configuration }
    var messages: CitizenMessages { bot.desk.messages }
    var calendar: ResponseCalendar { bot.desk.calendar }
    var policy: ClockPolicy { bot.desk.policy }
    var timeZone: TimeZone { bot.catalog.timeZone }

    // MARK: Names

    func agency(_ id: String) -> Agency? {
        configuration.agencies.first { $0.id == id }
    }

    func agencyName(_ id: String, language: String = "id") -> String {
        agency(id)?.name.text(in: language) ?? id
    }

    /// The short name staff read: the part in brackets ("Dinas … (PUPR)" → "PUPR"), else the name.
    func agencyShortName(_ id: String) -> String {
        let name = agencyName(id)
        if let open = name.lastIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            return String(name[name.index(after: open)..<close])
        }
        return name
    }

    func categoryLabel(_ id: String, language: String = "id") -> String {
        bot.catalog.category(id)?.label.text(in: language) ?? id
    }

    func place(of record: CaseRecord) -> String {
        bot.catalog.gazetteer.displayName(of: Place(kecamatan: record.kecamatan, desa: record.desa))
    }

    /// A date and time as staff read it, short: `24 Nov 2026 09.00 WITA`.
    func dateTime(_ date: Date) -> String {
        DateText.short(date, timeZone: timeZone, language: "id")
    }

    var today: LocalDate { LocalDate(now, timeZone: timeZone) }

    // MARK: Clock

    /// The response hours of a case: its category's, else its agency's, else the bot's.
    func responseHours(for record: CaseRecord) -> Int {
        bot.catalog.category(record.category)?.responseHours ?? agency(record.opd)?.responseHours
            ?? configuration.responseHours
    }

    /// A fresh deadline counted from now (a reopened case).
    func freshDeadline(for record: CaseRecord) -> Date {
        bot.desk.deadline(from: now, hours: responseHours(for: record))
    }

    /// When the next alarm of a case with this deadline and stage fires.
    func nextAlarm(due: Date?, stage: Int) -> Date? {
        guard let due else { return nil }
        return policy.nextAlarm(due: due, calendar: calendar, stage: stage)?.at
    }

    // MARK: Addressing

    /// A message into a staff channel, through the outbox.
    func toChannel(_ channel: String, _ text: String, caseID: Int64?) -> OutboxMessage {
        OutboxMessage(botID: bot.id, transport: staffTransport, destination: .channel, target: channel,
                      text: text, caseID: caseID, createdAt: now)
    }

    /// A message to the citizen who filed `record`, in their language, through the outbox; nil
    /// once the case's personal data is removed.
    func toCitizen(_ record: CaseRecord, _ key: String, _ values: [String: String] = [:]) -> OutboxMessage? {
        guard record.redactedAt == nil, let address = Self.address(ofConversation: record.conversationKey) else { return nil }
        var all = values
        all["tracking"] = all["tracking"] ?? record.tracking
        all["opd"] = all["opd"] ?? agencyName(record.opd, language: record.language)
        return OutboxMessage(botID: bot.id, transport: address.transport, destination: .user, target: address.sender,
                             text: messages.render(key, language: record.language, all), caseID: record.id, createdAt: now)
    }

    /// The transport and sender of a conversation key `bot|transport:sender`.
    static func address(ofConversation key: String) -> (transport: String, sender: String)? {
        guard let bar = key.firstIndex(of: "|") else { return nil }
        let rest = key[key.index(after: bar)...]
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let sender = rest[rest.index(after: colon)...]
        guard !sender.isEmpty else { return nil }
        return (String(rest[..<colon]), String(sender))
    }

    /// The channel of an agency (nil when it has none).
    func channel(of opd: String) -> String? {
        agency(opd)?.channel
    }

    /// The coordinators' and the leadership's channels, where every case may be discussed.
    func isCoordinationChannel(_ channel: String) -> Bool {
        [configuration.coordinatorChannel, configuration.leadershipChannel].contains { $0?.lowercased() == channel.lowercased() }
    }

    /// The agencies whose own channel (or head channel) `channel` is.
    func agencies(inChannel channel: String) -> Set<String> {
        Set(configuration.agencies.filter { a in
            [a.channel, a.headChannel].contains { $0?.lowercased() == channel.lowercased() }
        }.map(\.id))
    }

    /// The channels where a case's details may be shown: its agency's and the coordinators'.
    func detailChannels(of record: CaseRecord) -> [String] {
        var channels = [agency(record.opd)?.channel, agency(record.opd)?.headChannel,
                        configuration.coordinatorChannel, configuration.leadershipChannel].compactMap { $0 }
        var seen: Set<String> = []
        channels = channels.filter { seen.insert($0.lowercased()).inserted }
        return channels
    }

    /// Whether a case's details may be shown in `channel`.
    func showsDetails(of record: CaseRecord, in channel: String) -> Bool {
        detailChannels(of: record).contains { $0.lowercased() == channel.lowercased() }
    }

    /// Every channel where staff commands are taken.
    var staffChannels: Set<String> {
        var channels = Set(configuration.agencies.flatMap { [$0.channel, $0.headChannel].compactMap { $0 } })
        if let c = configuration.coordinatorChannel { channels.insert(c) }
        if let c = configuration.leadershipChannel { channels.insert(c) }
        return Set(channels.map { $0.lowercased() })
    }

    // MARK: History

    func event(_ record: CaseRecord, actor: String, channel: String, kind: String,
               from: CaseStatus? = nil, to: CaseStatus? = nil, note: String? = nil) -> CaseEventRecord {
        CaseEventRecord(id: nil, caseID: record.id ?? 0, at: now, actor: actor, channel: channel, kind: kind,
                        fromStatus: from?.rawValue, toStatus: to?.rawValue, note: note)
    }
}
