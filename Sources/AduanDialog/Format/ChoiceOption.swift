/// One option of a `choice` question.
///
/// The citizen may answer with its number in the list, its text, its `value`, or one of its
/// `synonyms`. An option with its own `next` leads there instead of the question's `next`.
///
/// ```json
/// { "value": "lokasi", "text": { "id": "Lokasi", "en": "Location" },
///   "synonyms": ["tempat", "alamat"], "next": "lokasi" }
/// ```
public struct ChoiceOption: Sendable, Hashable, Codable {
    /// The stable value saved and compared in branches, e.g. `"jalan"`.
    public var value: String
    /// What the citizen reads in the list.
    public var text: LocalizedText
    /// Other words that pick this option.
    public var synonyms: [String]
    /// Where this option leads, if not to the question's `next`.
    public var next: String?

    /// Makes an option.
    public init(value: String, text: LocalizedText, synonyms: [String] = [], next: String? = nil) {
        self.value = value
        self.text = text
        self.synonyms = synonyms
        self.next = next
    }

    private enum CodingKeys: String, CodingKey {
        case value, text, synonyms, next
    }

    /// Decodes an option; `synonyms` defaults to none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(String.self, forKey: .value)
        text = try c.decode(LocalizedText.self, forKey: .text)
        synonyms = try c.decodeIfPresent([String].self, forKey: .synonyms) ?? []
        next = try c.decodeIfPresent(String.self, forKey: .next)
    }

    /// The fields an option may have.
    public static let fields = ["value", "text", "synonyms", "next"]
}
