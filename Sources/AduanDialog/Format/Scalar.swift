/// A plain JSON value that a branch compares a collected answer with: a text, a number or true/false.
public enum Scalar: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A text, e.g. a choice's value `"jalan"`.
    case text(String)
    /// A number.
    case number(Double)
    /// `true` or `false`, e.g. the answer to a yes/no question.
    case bool(Bool)

    /// Decodes a JSON string, number or boolean.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .text(s)
        } else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "expected a text, a number, or true/false")
        }
    }

    /// Encodes as the matching JSON value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        }
    }

    /// The value as written in JSON.
    public var description: String {
        switch self {
        case .text(let s): return "\"\(s)\""
        case .number(let n): return n == n.rounded() ? String(Int(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        }
    }
}
