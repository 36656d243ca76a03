import AduanWilayah

/// Where one citizen's conversation stands: everything the engine needs to resume it.
///
/// The runtime stores it (as JSON) after every step, with the dialog revision it belongs to.
public struct ConversationState: Sendable, Hashable, Codable {
    /// The citizen's language; nil means the dialog's default.
    public var language: String?
    /// The question waiting for an answer; nil when no conversation is in progress.
    public var current: String?
    /// The answers so far, by name.
    public var values: [String: CollectedValue]
    /// The questions answered, oldest first, so that *kembali* can undo them.
    public var trail: [Checkpoint]
    /// A follow-up inside a location question (which kecamatan? which desa?).
    public var pending: PendingLocation?

    /// A conversation that has not started.
    public static let idle = ConversationState(language: nil, current: nil, values: [:], trail: [], pending: nil)

    /// Makes a state.
    public init(language: String?, current: String?, values: [String: CollectedValue],
                trail: [Checkpoint], pending: PendingLocation?) {
        self.language = language
        self.current = current
        self.values = values
        self.trail = trail
        self.pending = pending
    }

    /// Whether a conversation is in progress.
    public var isActive: Bool { current != nil }

    /// An answered question and what its answer replaced.
    public struct Checkpoint: Sendable, Hashable, Codable {
        /// The question's state id.
        public var state: String
        /// The name the answer was saved under.
        public var key: String?
        /// The value under that name before the answer.
        public var previous: CollectedValue?

        /// Makes a checkpoint.
        public init(state: String, key: String?, previous: CollectedValue?) {
            self.state = state
            self.key = key
            self.previous = previous
        }
    }

    /// A follow-up inside a location question.
    public enum PendingLocation: Sendable, Hashable, Codable {
        /// The citizen was offered these places, as a numbered list, to pick one.
        case choose([Place])
        /// The citizen named only this kecamatan; the bot asked which desa.
        case desaIn(String)
    }
}
