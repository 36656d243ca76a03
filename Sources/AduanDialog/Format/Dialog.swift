import AduanCore

/// A dialog: the state machine that walks a citizen through an intake, as read from a file in
/// `Dialogs/`. See `Dialogs/README.md` for the format, written for admins.
///
/// ```json
/// { "format": 1, "id": "pengaduan", "languages": ["id", "en"], "start": "sapa",
///   "messages": { … }, "states": [ … ] }
/// ```
public struct Dialog: Sendable, Hashable {
    /// The version of the file format; this program reads ``Dialog/currentFormat``.
    public var format: Int
    /// The dialog's name, e.g. `"pengaduan"`.
    public var id: String
    /// A title for admins.
    public var title: LocalizedText?
    /// The languages every text is written in; the first is the default, and `id` is required.
    public var languages: [String]
    /// The first state.
    public var start: String
    /// The most states the bot may pass through for one message (guards against loops).
    public var maxStepsPerMessage: Int
    /// Replacements for the standard command words.
    public var commandOverrides: [String: [String]]
    /// The standard sentences.
    public var messages: SystemMessages
    /// The states, in file order.
    public var states: [DialogState]

    private var indexByID: [String: Int]

    /// The file format this program reads.
    public static let currentFormat = 1
    /// The default for ``maxStepsPerMessage``.
    public static let defaultMaxSteps = 50
    /// The top-level fields of a dialog file.
    public static let fields = ["format", "id", "title", "languages", "start", "limits", "commands", "messages", "states", "note"]

    /// Makes a dialog.
    public init(format: Int = Dialog.currentFormat, id: String, title: LocalizedText? = nil,
                languages: [String], start: String, maxStepsPerMessage: Int = Dialog.defaultMaxSteps,
                commandOverrides: [String: [String]] = [:], messages: SystemMessages,
                states: [DialogState]) {
        self.format = format
        self.id = id
        self.title = title
        self.languages = languages
        self.start = start
        self.maxStepsPerMessage = maxStepsPerMessage
        self.commandOverrides = commandOverrides
        self.messages = messages
        self.states = states
        self.indexByID = Self.index(states)
    }

    private static func index(_ states: [DialogState]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, state) in states.enumerated() where index[state.id] == nil {
            index[state.id] = i
        }
        return index
    }

    /// The state named `id`.
    public func state(_ id: String) -> DialogState? {
        indexByID[id].map { states[$0] }
    }

    /// The position of the state named `id` in ``states``.
    public func stateIndex(_ id: String) -> Int? {
        indexByID[id]
    }

    /// The default language.
    public var defaultLanguage: String { languages.first ?? "id" }

    /// The command words in force.
    public var commandWords: CommandWords { CommandWords(overrides: commandOverrides) }
}

extension Dialog: Codable {
    private enum CodingKeys: String, CodingKey {
        case format, id, title, languages, start, limits, commands, messages, states
    }

    private struct Limits: Codable {
        var maxStepsPerMessage: Int?
        enum CodingKeys: String, CodingKey { case maxStepsPerMessage = "max_steps_per_message" }
    }

    /// Decodes a dialog file.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(Int.self, forKey: .format)
        guard format == Self.currentFormat else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: c,
                debugDescription: "this is format \(format), but this version of Aduan reads format \(Self.currentFormat)")
        }
        self.init(
            format: format,
            id: try c.decode(String.self, forKey: .id),
            title: try c.decodeIfPresent(LocalizedText.self, forKey: .title),
            languages: try c.decode([String].self, forKey: .languages),
            start: try c.decode(String.self, forKey: .start),
            maxStepsPerMessage: try c.decodeIfPresent(Limits.self, forKey: .limits)?.maxStepsPerMessage
                ?? Self.defaultMaxSteps,
            commandOverrides: try c.decodeIfPresent([String: [String]].self, forKey: .commands) ?? [:],
            messages: try c.decode(SystemMessages.self, forKey: .messages),
            states: try c.decode([DialogState].self, forKey: .states))
    }

    /// Encodes a dialog file.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encode(languages, forKey: .languages)
        try c.encode(start, forKey: .start)
        if maxStepsPerMessage != Self.defaultMaxSteps {
            try c.encode(Limits(maxStepsPerMessage: maxStepsPerMessage), forKey: .limits)
        }
        if !commandOverrides.isEmpty {
            try c.encode(commandOverrides, forKey: .commands)
        }
        try c.encode(messages, forKey: .messages)
        try c.encode(states, forKey: .states)
    }
}
