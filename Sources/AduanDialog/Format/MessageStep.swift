/// A `message` state: the bot says `text` and goes straight on to `next`.
///
/// ```json
/// { "id": "sapa", "type": "message",
///   "text": { "id": "Selamat datang!", "en": "Welcome!" },
///   "next": "lokasi" }
/// ```
public struct MessageStep: Sendable, Hashable, Codable {
    /// What the bot says; may use `{{value}}` templates.
    public var text: LocalizedText
    /// The state that follows.
    public var next: String

    /// Makes a message step.
    public init(text: LocalizedText, next: String) {
        self.text = text
        self.next = next
    }

    static let fields = ["text", "next"]
}
