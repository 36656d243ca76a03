/// An `action` state: the bot does something and goes on to `next`.
///
/// The one action today is `file_case`: it files the complaint with a tracking number. Its `case`
/// object names which collected values hold the category, the location, the details and
/// (optionally) the contact and the citizen's privacy choice. After it, templates can use
/// `{{tracking}}` (the tracking number), `{{opd}}` (the agency that handles it),
/// `{{response_time}}` (e.g. "24 jam") and `{{due}}` (the deadline as a date and time).
///
/// ```json
/// { "id": "ajukan", "type": "action", "action": "file_case",
///   "case": { "category": "kategori", "location": "lokasi", "details": "uraian", "contact": "kontak",
///             "privacy": "identitas" },
///   "next": "terkirim" }
/// ```
public struct ActionStep: Sendable, Hashable {
    /// What to do.
    public var action: Action
    /// The state that follows.
    public var next: String

    /// The actions a dialog can call.
    public enum Action: Sendable, Hashable {
        /// File the case from the named values.
        case fileCase(FileCaseFields)
    }

    /// Makes an action step.
    public init(action: Action, next: String) {
        self.action = action
        self.next = next
    }

    /// The action names, as written in the `action` field.
    public static let actionNames = ["file_case"]
    /// The values an action makes available to later templates.
    public static let fileCaseOutputs = ["tracking", "opd", "response_time", "due"]

    static let fields = ["action", "case", "next"]
}

/// Which collected values make up a case.
public struct FileCaseFields: Sendable, Hashable, Codable {
    /// The value holding the category (a `choice` question with `"options_from": "categories"`).
    public var category: String
    /// The value holding the location (a `location` question).
    public var location: String
    /// The value holding the citizen's description (a `text` question).
    public var details: String
    /// The value holding a phone number (a `phone` question), if the dialog asks for one.
    public var contact: String?
    /// The value holding the citizen's privacy choice, if the dialog asks for one: a `choice`
    /// question whose option values are among ``CasePrivacy`` (`biasa`, `rahasia`, `anonim`).
    /// Not answered (or no such field) files the case normally; a category marked `sensitive`
    /// is confidential whatever the choice.
    public var privacy: String?

    /// Names the values.
    public init(category: String, location: String, details: String, contact: String?, privacy: String? = nil) {
        self.category = category
        self.location = location
        self.details = details
        self.contact = contact
        self.privacy = privacy
    }

    /// The field names a `case` object may have.
    public static let fieldNames = ["category", "location", "details", "contact", "privacy"]

    /// The fields as (name in the file, value name).
    public var named: [(field: String, value: String)] {
        var result = [("category", category), ("location", location), ("details", details)]
        if let contact { result.append(("contact", contact)) }
        if let privacy { result.append(("privacy", privacy)) }
        return result
    }
}

/// How a citizen wants their case handled, as the option values of the question that a
/// `file_case`'s `"privacy"` names (the LAPOR! flags).
public enum CasePrivacy: String, Sendable, Hashable, CaseIterable {
    /// Normal: the handling officer sees who filed it.
    case normal = "biasa"
    /// *Rahasia*: the content (and the citizen) are kept from the public; only the handling
    /// officer sees them. The case is filed as confidential.
    case confidential = "rahasia"
    /// *Anonim*: nobody at the government sees who filed it; no contact is filed. The case is
    /// also confidential. The citizen can still follow it in their own conversation.
    case anonymous = "anonim"

    /// The option values a privacy question may have, in order.
    public static let optionValues = allCases.map(\.rawValue)
}

extension ActionStep: Codable {
    private enum CodingKeys: String, CodingKey {
        case action, next
        case caseFields = "case"
    }

    /// Decodes by the `action` field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        next = try c.decode(String.self, forKey: .next)
        let name = try c.decode(String.self, forKey: .action)
        switch name {
        case "file_case":
            action = .fileCase(try c.decode(FileCaseFields.self, forKey: .caseFields))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .action, in: c,
                debugDescription: "unknown action \"\(name)\"; the actions are: "
                    + Self.actionNames.joined(separator: ", "))
        }
    }

    /// Encodes with the `action` field.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(next, forKey: .next)
        switch action {
        case .fileCase(let fields):
            try c.encode("file_case", forKey: .action)
            try c.encode(fields, forKey: .caseFields)
        }
    }
}
