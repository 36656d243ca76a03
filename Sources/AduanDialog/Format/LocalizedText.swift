/// A text that a person reads, in several languages.
///
/// In a dialog file it is an object keyed by language code; Bahasa Indonesia (`id`) is required:
/// ```json
/// { "id": "Di mana lokasinya?", "en": "Where is it?" }
/// ```
/// A plain string is read as the Indonesian text only.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The texts by language code, e.g. `["id": "…", "en": "…"]`.
    public var translations: [String: String]

    /// Makes a text from its translations.
    public init(_ translations: [String: String]) {
        self.translations = translations
    }

    /// The text in `language`, else in Bahasa Indonesia, else any.
    public func text(in language: String) -> String {
        translations[language] ?? translations["id"] ?? translations.values.sorted().first ?? ""
    }

    /// Decodes from an object of language → text, or from a plain string (Indonesian).
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let plain = try? single.decode(String.self) {
            translations = ["id": plain]
        } else {
            translations = try single.decode([String: String].self)
        }
    }

    /// Encodes as an object of language → text.
    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(translations)
    }
}
