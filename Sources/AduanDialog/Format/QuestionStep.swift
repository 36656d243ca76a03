/// A `question` state: the bot asks `text`, waits for the answer, checks it against `input`,
/// saves it under the name in `save` and goes on to `next`.
///
/// When the answer does not fit, the bot says `retry` (or the dialog's standard message for that
/// kind of question) and asks again. With `"optional": true` the citizen may answer *lewati*
/// (skip) and the value stays empty.
///
/// ```json
/// { "id": "uraian", "type": "question",
///   "text": { "id": "Ceritakan masalahnya.", "en": "Describe the problem." },
///   "input": { "type": "text", "min_length": 10, "max_length": 2000 },
///   "save": "uraian",
///   "next": "mau_kontak" }
/// ```
public struct QuestionStep: Sendable, Hashable, Codable {
    /// The question; may use `{{value}}` templates. Choices are listed below it automatically.
    public var text: LocalizedText
    /// What kind of answer is expected.
    public var input: QuestionInput
    /// The name the answer is saved under, for templates, branches and the case.
    public var save: String?
    /// The state that follows; a choice option's own `next` takes precedence.
    public var next: String?
    /// Said when the answer does not fit, before asking again.
    public var retry: LocalizedText?
    /// Whether the citizen may skip the question.
    public var optional: Bool

    /// Makes a question step.
    public init(text: LocalizedText, input: QuestionInput, save: String?, next: String?,
                retry: LocalizedText? = nil, optional: Bool = false) {
        self.text = text
        self.input = input
        self.save = save
        self.next = next
        self.retry = retry
        self.optional = optional
    }

    private enum CodingKeys: String, CodingKey {
        case text, input, save, next, retry, optional
    }

    /// Decodes a question; `optional` defaults to false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(LocalizedText.self, forKey: .text)
        input = try c.decode(QuestionInput.self, forKey: .input)
        save = try c.decodeIfPresent(String.self, forKey: .save)
        next = try c.decodeIfPresent(String.self, forKey: .next)
        retry = try c.decodeIfPresent(LocalizedText.self, forKey: .retry)
        optional = try c.decodeIfPresent(Bool.self, forKey: .optional) ?? false
    }

    static let fields = ["text", "input", "save", "next", "retry", "optional"]
}
