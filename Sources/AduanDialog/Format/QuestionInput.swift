import AduanCore

/// The kind of answer a question expects, written as the question's `input` object.
///
/// | `type` | accepts | other fields |
/// |---|---|---|
/// | `text` | free text | `min_length`, `max_length` (characters) |
/// | `choice` | a number from the list, the option's words or a synonym | `options` or `"options_from": "categories"` |
/// | `yes_no` | ya, iya, y, ok, betul … / tidak, gak, nggak, bukan, no … | |
/// | `phone` | an Indonesian number: +62…, 62…, 08… | |
/// | `number` | a number | `min`, `max`, `integer` |
/// | `location` | a desa/kelurahan and kecamatan of the bot's regency | `level`: `desa` (default) or `kecamatan` |
public enum QuestionInput: Sendable, Hashable {
    /// Free text of a bounded length.
    case text(minLength: Int, maxLength: Int)
    /// One of a list.
    case choice(ChoiceSource)
    /// Yes or no.
    case yesNo
    /// A phone number.
    case phone
    /// A number in a range.
    case number(min: Double?, max: Double?, integer: Bool)
    /// A place in the bot's regency.
    case location(level: LocationLevel)

    /// Where a choice's options come from.
    public enum ChoiceSource: Sendable, Hashable {
        /// Options written in the dialog.
        case options([ChoiceOption])
        /// A list from the bot configuration; today only `categories`.
        case fromCatalog(String)
    }

    /// How precise a location answer must be.
    public enum LocationLevel: String, Sendable, Hashable, Codable {
        /// A desa or kelurahan (and so its kecamatan).
        case desa
        /// A kecamatan is enough.
        case kecamatan
    }

    /// The input types, as written in the `type` field.
    public static let typeNames = ["text", "choice", "yes_no", "phone", "number", "location"]
    /// The lists a choice can take from the bot configuration.
    public static let catalogSources = ["categories"]

    /// The type as written in the `type` field.
    public var typeName: String {
        switch self {
        case .text: return "text"
        case .choice: return "choice"
        case .yesNo: return "yes_no"
        case .phone: return "phone"
        case .number: return "number"
        case .location: return "location"
        }
    }

    /// The default upper bound of a text answer, in characters.
    public static let defaultMaxLength = 2000
}

extension QuestionInput: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, options, level, min, max, integer
        case optionsFrom = "options_from"
        case minLength = "min_length"
        case maxLength = "max_length"
    }

    /// Decodes by the `type` field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "text":
            self = .text(minLength: try c.decodeIfPresent(Int.self, forKey: .minLength) ?? 1,
                         maxLength: try c.decodeIfPresent(Int.self, forKey: .maxLength) ?? Self.defaultMaxLength)
        case "choice":
            if let source = try c.decodeIfPresent(String.self, forKey: .optionsFrom) {
                self = .choice(.fromCatalog(source))
            } else if c.contains(.options) {
                self = .choice(.options(try c.decode([ChoiceOption].self, forKey: .options)))
            } else {
                throw DecodingError.keyNotFound(CodingKeys.options, DecodingError.Context(
                    codingPath: c.codingPath,
                    debugDescription: "a choice needs \"options\" (a list) or \"options_from\": \"categories\""))
            }
        case "yes_no":
            self = .yesNo
        case "phone":
            self = .phone
        case "number":
            self = .number(min: try c.decodeIfPresent(Double.self, forKey: .min),
                           max: try c.decodeIfPresent(Double.self, forKey: .max),
                           integer: try c.decodeIfPresent(Bool.self, forKey: .integer) ?? false)
        case "location":
            self = .location(level: try c.decodeIfPresent(LocationLevel.self, forKey: .level) ?? .desa)
        default:
            let hint = TextMatching.closest(to: type, among: Self.typeNames, limit: 1).first
                .map { " (did you mean \"\($0)\"?)" } ?? ""
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown input type \"\(type)\"\(hint); the types are: "
                    + Self.typeNames.joined(separator: ", "))
        }
    }

    /// Encodes with the `type` field.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(typeName, forKey: .type)
        switch self {
        case .text(let minLength, let maxLength):
            try c.encode(minLength, forKey: .minLength)
            try c.encode(maxLength, forKey: .maxLength)
        case .choice(.options(let options)):
            try c.encode(options, forKey: .options)
        case .choice(.fromCatalog(let source)):
            try c.encode(source, forKey: .optionsFrom)
        case .yesNo, .phone:
            break
        case .number(let min, let max, let integer):
            try c.encodeIfPresent(min, forKey: .min)
            try c.encodeIfPresent(max, forKey: .max)
            try c.encode(integer, forKey: .integer)
        case .location(let level):
            try c.encode(level, forKey: .level)
        }
    }

    /// The fields an input of this type may have (used to report misspelt fields).
    public var allowedFields: [String] {
        switch self {
        case .text: return ["type", "min_length", "max_length"]
        case .choice: return ["type", "options", "options_from"]
        case .yesNo, .phone: return ["type"]
        case .number: return ["type", "min", "max", "integer"]
        case .location: return ["type", "level"]
        }
    }
}
