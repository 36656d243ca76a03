/// The kind of a JSON value, with the plain words used for it in messages to admins.
///
/// ```swift
/// "expected \(JSONValueKind.string.plainName) but found \(JSONValueKind.number.plainName)"
/// // expected a text but found a number
/// ```
public enum JSONValueKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `{ ... }`
    case object
    /// `[ ... ]`
    case array
    /// `"..."`
    case string
    /// `12`, `-3.5`, `1e6`
    case number
    /// `true` or `false`
    case bool
    /// `null`
    case null

    /// Plain words for the kind: "an object", "a list", "a text", "a number", "true or false", "null".
    public var plainName: String {
        switch self {
        case .object: "an object"
        case .array: "a list"
        case .string: "a text"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }

    /// Same as ``plainName``.
    public var description: String { plainName }
}
