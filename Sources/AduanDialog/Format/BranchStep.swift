/// A `branch` state: the bot looks at answers already given and goes to the `next` of the first
/// rule that holds, or to `otherwise`. It says nothing.
///
/// ```json
/// { "id": "cek_kontak", "type": "branch",
///   "rules": [ { "when": "mau_dihubungi", "equals": true, "next": "kontak" } ],
///   "otherwise": "ringkasan" }
/// ```
public struct BranchStep: Sendable, Hashable, Codable {
    /// The rules, tried in order.
    public var rules: [BranchRule]
    /// Where to go when no rule holds.
    public var otherwise: String

    /// Makes a branch step.
    public init(rules: [BranchRule], otherwise: String) {
        self.rules = rules
        self.otherwise = otherwise
    }

    static let fields = ["rules", "otherwise"]
}

/// One rule of a branch: `when` names a saved value, and one test says what must hold:
/// `"equals": X`, `"is_one_of": [X, Y]`, or `"is_set": true|false`.
public struct BranchRule: Sendable, Hashable {
    /// The saved value to look at.
    public var when: String
    /// The test.
    public var test: Test
    /// Where to go when the test holds.
    public var next: String

    /// A rule's test.
    public enum Test: Sendable, Hashable {
        /// The value equals this (a yes/no answer equals `true` or `false`; a choice its option `value`).
        case equals(Scalar)
        /// The value is one of these.
        case isOneOf([Scalar])
        /// The value has (or has not) been given.
        case isSet(Bool)
    }

    /// Makes a rule.
    public init(when: String, test: Test, next: String) {
        self.when = when
        self.test = test
        self.next = next
    }

    /// A short form for graphs, e.g. `mau_dihubungi = true`.
    public var summary: String {
        switch test {
        case .equals(let v): return "\(when) = \(v)"
        case .isOneOf(let vs): return "\(when) ∈ {" + vs.map(\.description).joined(separator: ", ") + "}"
        case .isSet(let set): return set ? "\(when) given" : "\(when) not given"
        }
    }

    /// The values the rule compares with.
    public var comparedValues: [Scalar] {
        switch test {
        case .equals(let v): return [v]
        case .isOneOf(let vs): return vs
        case .isSet: return []
        }
    }

    /// The fields a rule may have.
    public static let fields = ["when", "equals", "is_one_of", "is_set", "next"]
}

extension BranchRule: Codable {
    private enum CodingKeys: String, CodingKey {
        case when, equals, next
        case isOneOf = "is_one_of"
        case isSet = "is_set"
    }

    /// Decodes a rule; exactly one test must be present.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        when = try c.decode(String.self, forKey: .when)
        next = try c.decode(String.self, forKey: .next)
        var tests: [Test] = []
        if let v = try c.decodeIfPresent(Scalar.self, forKey: .equals) { tests.append(.equals(v)) }
        if let vs = try c.decodeIfPresent([Scalar].self, forKey: .isOneOf) { tests.append(.isOneOf(vs)) }
        if let s = try c.decodeIfPresent(Bool.self, forKey: .isSet) { tests.append(.isSet(s)) }
        guard tests.count == 1, let only = tests.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: c.codingPath,
                debugDescription: "a rule needs exactly one test: \"equals\", \"is_one_of\" or \"is_set\""))
        }
        test = only
    }

    /// Encodes with its one test.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(when, forKey: .when)
        switch test {
        case .equals(let v): try c.encode(v, forKey: .equals)
        case .isOneOf(let vs): try c.encode(vs, forKey: .isOneOf)
        case .isSet(let s): try c.encode(s, forKey: .isSet)
        }
        try c.encode(next, forKey: .next)
    }
}
