/// The bot's standard sentences that do not belong to one state: help, cancel, re-ask messages,
/// location follow-ups and status answers. Every dialog file has them all under `messages`, so
/// an admin can change every word the bot says without touching code.
public struct SystemMessages: Sendable, Hashable, Codable {
    /// The messages by key.
    public var texts: [String: LocalizedText]

    /// The keys a dialog must define, and the `{{values}}` each may use.
    public enum Key: String, Sendable, CaseIterable {
        /// The answer to *bantuan*; the current question is asked again after it.
        case help
        /// After *batal*.
        case cancelled
        /// After *ulang*, before the dialog starts again.
        case restarted
        /// After *kembali* at the first question.
        case backAtFirst = "back_at_first"
        /// After a language change; written in the new language.
        case languageChanged = "language_changed"
        /// After *bahasa* without a language.
        case languageOptions = "language_options"
        /// A text answer shorter than the question's `min_length` (`{{min}}`).
        case retryTextTooShort = "retry_text_too_short"
        /// A text answer longer than `max_length` (`{{max}}`).
        case retryTextTooLong = "retry_text_too_long"
        /// An answer that is none of the choices.
        case retryChoice = "retry_choice"
        /// An answer that is neither yes nor no.
        case retryYesNo = "retry_yes_no"
        /// Not a phone number.
        case retryPhone = "retry_phone"
        /// Not a number, or out of range.
        case retryNumber = "retry_number"
        /// No place matched and nothing is close.
        case locationNotFound = "location_not_found"
        /// No place matched exactly; close names follow as a numbered list (`{{options}}`).
        case locationSuggestions = "location_suggestions"
        /// The name exists in several kecamatan (`{{options}}`).
        case locationAmbiguous = "location_ambiguous"
        /// Only a kecamatan was named (`{{kecamatan}}`): which desa?
        case locationWhichDesa = "location_which_desa"
        /// One line per case in a status answer.
        case statusCase = "status_case"
        /// A tracking number that is not among the citizen's cases (`{{tracking}}`).
        case statusNotFound = "status_not_found"
        /// *status* from a citizen who has filed nothing.
        case statusNone = "status_none"
        /// A broken dialog script stopped the conversation.
        case scriptError = "script_error"

        /// The template values this message may use.
        public var values: [String] {
            switch self {
            case .retryTextTooShort: return ["min"]
            case .retryTextTooLong: return ["max"]
            case .locationSuggestions, .locationAmbiguous: return ["options"]
            case .locationWhichDesa: return ["kecamatan"]
            case .statusCase: return ["tracking", "status", "category", "location", "filed", "updated", "opd"]
            case .statusNotFound: return ["tracking"]
            default: return []
            }
        }
    }

    /// Makes messages from a dictionary keyed by ``Key`` raw values.
    public init(_ texts: [String: LocalizedText]) {
        self.texts = texts
    }

    /// The message for `key` (empty when missing, which validation reports).
    public subscript(key: Key) -> LocalizedText {
        texts[key.rawValue] ?? LocalizedText([:])
    }

    /// Decodes the object of key → text.
    public init(from decoder: any Decoder) throws {
        texts = try decoder.singleValueContainer().decode([String: LocalizedText].self)
    }

    /// Encodes as an object of key → text.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(texts)
    }
}
