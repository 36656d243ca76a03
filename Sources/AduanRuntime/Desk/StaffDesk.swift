import AduanCore
import AduanDesk
import AduanStore
import Foundation

/// The staff desk: turns a staff member's command in a staff channel into a change of a case,
/// its history and its messages (to the citizen, to other channels), written in one
/// transaction; answers in the channel.
///
/// Rules: only accounts the network vouches for and the bot file names may run commands, and
/// only on their own agency's cases unless they are coordinators. A message that does not start
/// with a command word is chatter and gets no answer; a malformed command gets its usage.
struct StaffDesk {
    let context: DeskContext
    let directory: StaffDirectory

    /// What handling a staff message did.
    struct Outcome {
        /// Lines to post in the channel the command came from.
        var replies: [String] = []
        /// A conversation whose citizen was asked something (their next message answers it).
        var prompted: String?
    }

    /// Handles a message said in a staff channel; nil when it is not a command.
    ///
    /// Only staff get the help and the usage of a command typed wrong (the help is some 25
    /// lines: anyone who can join the channel could otherwise make the bot send it over and
    /// over); others get the one-line refusal.
    func handle(_ message: InboundMessage, channel: String) throws -> Outcome? {
        let parsed = StaffCommandParser.parse(message.text, today: context.today)
        switch parsed {
        case .notACommand:
            return nil
        case .malformed(let verb, _):
            if verb != .list, verb != .help,
               Self.isChatter(message.text, trackingPrefix: context.configuration.trackingPrefix) { return nil }
        case .command:
            break
        }
        guard let account = message.account else {
            return Outcome(replies: ["Perintah staf hanya diterima dari akun yang terverifikasi jaringan; "
                + "masuk (login) ke akun Anda dulu, lalu ulangi. (Staff commands need an account the network vouches for; "
                + "log in and try again.)"])
        }
        guard let role = directory.role(of: account) else {
            return Outcome(replies: ["Akun \(account) tidak terdaftar sebagai staf di bot ini; hubungi admin. "
                + "(This account is not listed as staff.)"])
        }
        let command: StaffCommand
        switch parsed {
        case .notACommand:
            return nil
        case .malformed(let verb, let problem):
            return Outcome(replies: [problem + "\n" + StaffHelp.usage(verb, language: "id")])
        case .command(let understood):
            command = understood
        }
        if case .help(let verb) = command {
            // "help" gets the English help, "bantuan" the Indonesian.
            let words = TextMatching.normalize(message.text).split(separator: " ")
            let language = words.contains("help") && !words.contains("bantuan") ? "en" : "id"
            return Outcome(replies: [verb.map { StaffHelp.usage($0, language: language) } ?? StaffHelp.text(language: language)])
        }
        let actor = Actor(account: account, role: role, transport: message.transport, channel: channel)
        if case .list(let filter) = command {
            return Outcome(replies: [try list(filter, actor: actor)])
        }
        guard let tracking = command.tracking else { return nil }
        guard let record = try context.database.case(tracking: tracking), record.botID == context.bot.id else {
            return Outcome(replies: ["Aduan \(TrackingNumber.display(tracking)) tidak ditemukan. (No such complaint.)"])
        }
        guard role.mayAct(onCaseOf: record.opd) else {
            return Outcome(replies: ["\(record.tracking) bukan aduan OPD Anda; hanya koordinator atau "
                + "\(context.agencyShortName(record.opd)) yang dapat menanganinya. (Not your agency's complaint.)"])
        }
        if command.revealsDetails, !context.showsDetails(of: record, in: channel) {
            let places = context.detailChannels(of: record).joined(separator: " atau ")
            return Outcome(replies: ["Detail \(record.tracking) hanya dibuka di \(places), supaya staf OPD lain tidak ikut membacanya. "
                + "(Case details are shown only in the handling agency's or the coordinators' channel.)"])
        }
        return try perform(command, on: record, actor: actor)
    }

    /// Whether a message that starts with a command word but does not parse is ordinary talk
    /// ("tunggu sebentar ya", "selesai rapat nanti") rather than a command typed wrong: it was
    /// not marked as a command (`!`, or addressed to the bot) and none of its words could be a
    /// tracking number. A lone command word ("ambil") is a command typed wrong.
    static func isChatter(_ text: String, trackingPrefix: String) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count > 1, let first = words.first, !first.hasPrefix("!"), !first.hasSuffix(":"),
              !first.hasSuffix(","), !first.hasPrefix("@") else { return false }
        let prefix = trackingPrefix.lowercased()
        return !words.dropFirst().contains { word in
            word.contains(where: \.isNumber) || word.lowercased().hasPrefix(prefix)
        }
    }

    /// Who runs a command, and where.
    struct Actor {
        var account: String
        var role: StaffDirectory.Role
        var transport: String
        var channel: String
        var name: String { StaffDirectory.displayName(account) }
        /// Where a command came from, as the history records it: `irc #opd-pupr`.
        var source: String { "\(transport) \(channel)" }
    }
}

extension StaffCommand {
    /// Whether the answer shows a case's details or the citizen's contact.
    var revealsDetails: Bool {
        switch self {
        case .show, .contact: return true
        default: return false
        }
    }

    /// The case a command is about, if any.
    var tracking: String? {
        switch self {
        case .help, .list: return nil
        case .take(let t), .show(let t): return t
        case .verify(let t, _), .start(let t, _), .reply(let t, _), .ask(let t, _), .note(let t, _),
             .forward(let t, _, _), .wait(let t, _, _), .resolve(let t, _), .reject(let t, _, _),
             .duplicate(let t, _), .reopen(let t, _), .close(let t, _), .contact(let t, _):
            return t
        }
    }
}

extension TrackingNumber {
    /// A normalized tracking number as people read it: `BGLK7M4QX` → `BGL-K7M-4QX`.
    static func display(_ normalized: String) -> String {
        guard normalized.count > 6 else { return normalized }
        let chars = Array(normalized)
        let prefix = String(chars[..<(chars.count - 6)])
        return "\(prefix)-\(String(chars[(chars.count - 6)..<(chars.count - 3)]))-\(String(chars[(chars.count - 3)...]))"
    }
}
