/// An `end` state: the conversation is over. The bot says `text` if there is one; the citizen's
/// next message starts a new conversation.
///
/// ```json
/// { "id": "selesai", "type": "end", "text": { "id": "Terima kasih.", "en": "Thank you." } }
/// ```
public struct EndStep: Sendable, Hashable, Codable {
    /// The last word, optional.
    public var text: LocalizedText?

    /// Makes an end step.
    public init(text: LocalizedText?) {
        self.text = text
    }

    static let fields = ["text"]
}
