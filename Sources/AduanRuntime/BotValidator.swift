import AduanCore
import AduanDialog

/// Checks a bot configuration's meaning: unknown fields, categories routed to agencies that do
/// not exist, duplicate identifiers, channel names, the tracking prefix, texts in Indonesian.
struct BotValidator {
    let configuration: BotConfiguration
    let file: String
    let map: JSONSourceMap
    var problems: [Diagnostic] = []

    init(configuration: BotConfiguration, file: String, map: JSONSourceMap) {
        self.configuration = configuration
        self.file = file
        self.map = map
    }

    mutating func error(_ message: String, at path: JSONPath, hint: String? = nil) {
        problems.append(Diagnostic(file: file, path: path, in: map, context: nil, message: message, hint: hint))
    }

    mutating func unknownFields(at path: JSONPath, allowed: [String], what: String) {
        for key in map.keys(at: path) where !allowed.contains(key) {
            error("unknown field \"\(key)\" in \(what)", at: path.appending(key: key),
                  hint: TextMatching.closest(to: key, among: allowed, limit: 1).first.map { "did you mean \"\($0)\"?" })
        }
    }

    mutating func validate() -> [Diagnostic] {
        let c = configuration
        unknownFields(at: .root, allowed: BotConfiguration.fields, what: "the bot configuration")
        if c.format != 1 {
            error("this is format \(c.format), but this version of Aduan reads format 1", at: ["format"])
        }
        if c.id.isEmpty || !c.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            error("the bot id must be letters, digits, - or _ (it is part of every conversation's key)", at: ["id"])
        }
        if (c.name.translations["id"] ?? "").isEmpty {
            error("the name in Bahasa Indonesia (\"id\") is missing", at: ["name"])
        }
        let prefix = c.trackingPrefix
        if !(2...4).contains(prefix.count) || !prefix.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            error("\"tracking_prefix\" must be 2 to 4 capital letters, e.g. \"BGL\"", at: ["tracking_prefix"])
        }
        if c.responseHours < 1 {
            error("\"response_hours\" must be at least 1", at: ["response_hours"])
        }
        if let channel = c.coordinatorChannel, !Self.isChannel(channel) {
            error("a channel name starts with # and has no spaces", at: ["coordinator_channel"])
        }
        unknownFields(at: ["staff_messages"], allowed: ["new_case"], what: "staff_messages")
        for placeholder in Template.placeholders(in: c.staffMessages.newCase)
        where !StaffMessages.newCaseValues.contains(placeholder.name) {
            error("\"new_case\" cannot use {{\(placeholder.name)}}; it may use "
                  + StaffMessages.newCaseValues.map { "{{\($0)}}" }.joined(separator: ", "),
                  at: ["staff_messages", "new_case"],
                  hint: TextMatching.closest(to: placeholder.name, among: StaffMessages.newCaseValues, limit: 1).first
                    .map { "did you mean \"\($0)\"?" })
        }
        var agencyIDs: Set<String> = []
        for (i, agency) in c.agencies.enumerated() {
            let path = JSONPath(["agencies", .index(i)])
            unknownFields(at: path, allowed: Agency.fields, what: "an agency")
            if !agencyIDs.insert(agency.id).inserted {
                error("agency id \"\(agency.id)\" is used twice", at: path.appending(key: "id"))
            }
            if (agency.name.translations["id"] ?? "").isEmpty {
                error("the agency's name in Bahasa Indonesia (\"id\") is missing", at: path.appending(key: "name"))
            }
            if let channel = agency.channel, !Self.isChannel(channel) {
                error("a channel name starts with # and has no spaces", at: path.appending(key: "channel"))
            }
            if let channel = agency.headChannel, !Self.isChannel(channel) {
                error("a channel name starts with # and has no spaces", at: path.appending(key: "head_channel"))
            }
            if let hours = agency.responseHours, hours < 1 {
                error("\"response_hours\" must be at least 1", at: path.appending(key: "response_hours"))
            }
            identities(agency.staff, at: path.appending(key: "staff"))
            identities(agency.head, at: path.appending(key: "head"))
        }
        identities(c.coordinators ?? [], at: ["coordinators"])
        if let channel = c.leadershipChannel, !Self.isChannel(channel) {
            error("a channel name starts with # and has no spaces", at: ["leadership_channel"])
        }
        if let days = c.retentionDays, days < 1 {
            error("\"retention_days\" must be at least 1 (or leave it out to keep personal data)", at: ["retention_days"])
        }
        validateClock()
        validateCitizenMessages()
        if c.categories.isEmpty {
            error("the bot needs at least one category", at: ["categories"])
        }
        var categoryIDs: Set<String> = []
        for (i, category) in c.categories.enumerated() {
            let path = JSONPath(["categories", .index(i)])
            unknownFields(at: path, allowed: CaseCategory.fields, what: "a category")
            if !categoryIDs.insert(category.id).inserted {
                error("category id \"\(category.id)\" is used twice", at: path.appending(key: "id"))
            }
            if !agencyIDs.contains(category.opd) {
                error("category \"\(category.id)\" goes to agency \"\(category.opd)\", which is not in \"agencies\"",
                      at: path.appending(key: "opd"),
                      hint: TextMatching.closest(to: category.opd, among: Array(agencyIDs).sorted(), limit: 1).first
                        .map { "did you mean \"\($0)\"?" })
            }
            if (category.label.translations["id"] ?? "").isEmpty {
                error("the label in Bahasa Indonesia (\"id\") is missing", at: path.appending(key: "label"))
            }
            if let hours = category.responseHours, hours < 1 {
                error("\"response_hours\" must be at least 1", at: path.appending(key: "response_hours"))
            }
        }
        return problems
    }

    /// Staff identities must be accounts a network vouches for, never a bare nick.
    mutating func identities(_ list: [String], at path: JSONPath) {
        for (i, identity) in list.enumerated() where !StaffDirectory.isVouchedIdentity(identity) {
            let hint = identity.hasPrefix("irc:")
                ? "a nick proves nothing (anyone can take it); name the services account: \"irc-account:\(identity.dropFirst(4))\""
                : "write irc-account:NAME (IRC services account), matrix:@user:server, or terminal:NAME"
            error("\"\(identity)\" is not an account the network vouches for", at: path.appending(index: i), hint: hint)
        }
    }

    mutating func validateClock() {
        guard let clock = configuration.clock else { return }
        unknownFields(at: ["clock"], allowed: ClockSettings.fields, what: "clock")
        for (i, day) in (clock.holidays ?? []).enumerated() {
            let parts = day.split(separator: "-")
            let valid = parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { Int($0) != nil }
                && (1...12).contains(Int(parts[1]) ?? 0) && (1...31).contains(Int(parts[2]) ?? 0)
            if !valid {
                error("holiday \"\(day)\" is not a date written YYYY-MM-DD", at: ["clock", "holidays", .index(i)])
            }
        }
        if clock.holidays?.isEmpty == false, clock.workingHours == nil {
            error("holidays only stop a clock with \"working_hours\"; without them the clock runs around the clock",
                  at: ["clock", "holidays"], hint: "add \"working_hours\" or remove \"holidays\"")
        }
        for (i, hours) in (clock.remindBeforeHours ?? []).enumerated() where hours <= 0 {
            error("a reminder comes a positive number of hours before the deadline", at: ["clock", "remind_before_hours", .index(i)])
        }
        for (i, step) in (clock.escalation ?? []).enumerated() where step.afterHours < 0 {
            error("\"after_hours\" counts from the deadline and cannot be negative", at: ["clock", "escalation", .index(i), "after_hours"])
        }
    }

    mutating func validateCitizenMessages() {
        guard let messages = configuration.citizenMessages else { return }
        let keys = CitizenMessages.values.keys.sorted()
        for (key, text) in messages.sorted(by: { $0.key < $1.key }) {
            let path = JSONPath(["citizen_messages", .key(key)])
            guard let extra = CitizenMessages.values[key] else {
                error("unknown citizen message \"\(key)\"; the messages are: " + keys.joined(separator: ", "), at: path,
                      hint: TextMatching.closest(to: key, among: keys, limit: 1).first.map { "did you mean \"\($0)\"?" })
                continue
            }
            if (text.translations["id"] ?? "").isEmpty {
                error("the text in Bahasa Indonesia (\"id\") is missing", at: path)
            }
            let allowed = ["tracking", "opd"] + extra
            for (language, template) in text.translations.sorted(by: { $0.key < $1.key }) {
                for placeholder in Template.placeholders(in: template) where !allowed.contains(placeholder.name) {
                    error("\"\(key)\" cannot use {{\(placeholder.name)}}; it may use " + allowed.map { "{{\($0)}}" }.joined(separator: ", "),
                          at: path.appending(key: language),
                          hint: TextMatching.closest(to: placeholder.name, among: allowed, limit: 1).first.map { "did you mean \"\($0)\"?" })
                }
            }
        }
    }

    static func isChannel(_ name: String) -> Bool {
        name.hasPrefix("#") && name.count > 1 && !name.contains(" ") && !name.contains(",")
    }
}
