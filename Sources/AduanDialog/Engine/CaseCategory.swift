/// A kind of complaint in a bot configuration, and the agency (OPD) that handles it.
///
/// ```json
/// { "id": "jalan", "label": { "id": "Jalan atau jembatan rusak", "en": "Damaged road or bridge" },
///   "synonyms": ["jalan", "jembatan", "lubang", "aspal"], "opd": "pupr", "response_hours": 24 }
/// ```
public struct CaseCategory: Sendable, Hashable, Codable {
    /// The stable identifier, stored with the case.
    public var id: String
    /// What the citizen reads in the list.
    public var label: LocalizedText
    /// Other words that pick this category.
    public var synonyms: [String]
    /// The identifier of the agency that handles it.
    public var opd: String
    /// The response deadline in hours, if not the bot's default.
    public var responseHours: Int?
    /// Whether cases of this category are confidential by default (health, crime, abuse).
    public var sensitive: Bool

    /// Makes a category.
    public init(id: String, label: LocalizedText, synonyms: [String] = [], opd: String,
                responseHours: Int? = nil, sensitive: Bool = false) {
        self.id = id
        self.label = label
        self.synonyms = synonyms
        self.opd = opd
        self.responseHours = responseHours
        self.sensitive = sensitive
    }

    private enum CodingKeys: String, CodingKey {
        case id, label, synonyms, opd, sensitive
        case responseHours = "response_hours"
    }

    /// Decodes a category; `synonyms` default to none and `sensitive` to false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(LocalizedText.self, forKey: .label)
        synonyms = try c.decodeIfPresent([String].self, forKey: .synonyms) ?? []
        opd = try c.decode(String.self, forKey: .opd)
        responseHours = try c.decodeIfPresent(Int.self, forKey: .responseHours)
        sensitive = try c.decodeIfPresent(Bool.self, forKey: .sensitive) ?? false
    }

    /// The fields a category may have.
    public static let fields = ["id", "label", "synonyms", "opd", "response_hours", "sensitive"]

    /// The category as a choice option.
    public var option: ChoiceOption {
        ChoiceOption(value: id, text: label, synonyms: synonyms)
    }
}
