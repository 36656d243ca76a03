import AduanCore

/// One state of a dialog: a place in the conversation, found by its `id`.
///
/// The `type` field says what the state does:
/// - `message`: the bot says something and goes on to `next`;
/// - `question`: the bot asks, waits for the citizen's answer, checks it, saves it and goes on;
/// - `branch`: the bot goes one way or another depending on an answer already given;
/// - `action`: the bot does something, such as filing the case;
/// - `end`: the conversation is over (the bot may say a last word).
public struct DialogState: Sendable, Hashable {
    /// The state's name, unique in its dialog, e.g. `"lokasi"`.
    public var id: String
    /// What the state does.
    public var kind: Kind

    /// What a state does, with the fields of its type.
    public enum Kind: Sendable, Hashable {
        /// Say something and go on.
        case message(MessageStep)
        /// Ask and wait for an answer.
        case question(QuestionStep)
        /// Choose the next state from the answers collected so far.
        case branch(BranchStep)
        /// Do something (file the case) and go on.
        case action(ActionStep)
        /// End the conversation.
        case end(EndStep)
    }

    /// Makes a state.
    public init(id: String, kind: Kind) {
        self.id = id
        self.kind = kind
    }

    /// The state types, as written in the `type` field.
    public static let typeNames = ["message", "question", "branch", "action", "end"]

    /// The type as written in the `type` field.
    public var typeName: String {
        switch kind {
        case .message: return "message"
        case .question: return "question"
        case .branch: return "branch"
        case .action: return "action"
        case .end: return "end"
        }
    }

    /// The fields a state of this type may have (used to report misspelt fields).
    public var allowedFields: [String] {
        let common = ["id", "type", "note"]
        switch kind {
        case .message: return common + MessageStep.fields
        case .question: return common + QuestionStep.fields
        case .branch: return common + BranchStep.fields
        case .action: return common + ActionStep.fields
        case .end: return common + EndStep.fields
        }
    }

    /// Every state this one can lead to, each with a label for graphs and the JSON path of the
    /// field that names it (relative to the state).
    public var targets: [(target: String, label: String, path: [JSONPathComponent])] {
        switch kind {
        case .message(let m):
            return [(m.next, "", [.key("next")])]
        case .question(let q):
            var result: [(String, String, [JSONPathComponent])] = []
            if case .choice(.options(let options)) = q.input {
                for (i, option) in options.enumerated() {
                    if let next = option.next {
                        result.append((next, option.value, [.key("input"), .key("options"), .index(i), .key("next")]))
                    }
                }
            }
            if let next = q.next {
                result.append((next, "", [.key("next")]))
            }
            return result
        case .branch(let b):
            var result: [(String, String, [JSONPathComponent])] = b.rules.enumerated().map { i, rule in
                (rule.next, rule.summary, [.key("rules"), .index(i), .key("next")])
            }
            result.append((b.otherwise, "otherwise", [.key("otherwise")]))
            return result
        case .action(let a):
            return [(a.next, "", [.key("next")])]
        case .end:
            return []
        }
    }
}

extension DialogState: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, type
    }

    /// Decodes a state by its `type` field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "message": kind = .message(try MessageStep(from: decoder))
        case "question": kind = .question(try QuestionStep(from: decoder))
        case "branch": kind = .branch(try BranchStep(from: decoder))
        case "action": kind = .action(try ActionStep(from: decoder))
        case "end": kind = .end(try EndStep(from: decoder))
        default:
            let hint = TextMatching.closest(to: type, among: Self.typeNames, limit: 1).first
                .map { " (did you mean \"\($0)\"?)" } ?? ""
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown state type \"\(type)\"\(hint); the types are: "
                    + Self.typeNames.joined(separator: ", "))
        }
    }

    /// Encodes the state with its `type` field.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(typeName, forKey: .type)
        switch kind {
        case .message(let s): try s.encode(to: encoder)
        case .question(let s): try s.encode(to: encoder)
        case .branch(let s): try s.encode(to: encoder)
        case .action(let s): try s.encode(to: encoder)
        case .end(let s): try s.encode(to: encoder)
        }
    }
}
