/// Where a value sits inside a JSON document: a list of object keys and list indexes from the top.
///
/// Rendered the way people read it: `states[3].input.options[0].next`. Keys that are not plain
/// words (letters, digits, `_`, `-`, not starting with a digit) are written in brackets and quotes,
/// `labels["kata kunci"]`; the top level itself is `(top level)`.
///
/// ```swift
/// let path: JSONPath = ["states", 3, "next"]
/// print(path)                        // states[3].next
/// print(path.appending(key: "id"))   // states[3].next.id
/// ```
public struct JSONPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One step of a path: an object key or a 0-based list index.
    ///
    /// String and integer literals make components: `["states", 3]`.
    public enum Component: Sendable, Hashable, CustomStringConvertible,
        ExpressibleByStringLiteral, ExpressibleByIntegerLiteral
    {
        /// The member of an object with this key.
        case key(String)
        /// The element of a list at this 0-based index.
        case index(Int)

        /// Creates a `.key` component from a string literal.
        public init(stringLiteral value: String) { self = .key(value) }

        /// Creates an `.index` component from an integer literal.
        public init(integerLiteral value: Int) { self = .index(value) }

        /// The component as it appears in a rendered path: `[3]`, `next`, or `["two words"]`.
        public var description: String {
            switch self {
            case .index(let index): return "[\(index)]"
            case .key(let key): return JSONPath.isPlainWord(key) ? key : "[\(JSONPath.quoted(key))]"
            }
        }
    }

    /// The steps from the top of the document, outermost first.
    public var components: [Component]

    /// The top level of the document (no components).
    public static let root = JSONPath()

    /// Creates a path from its components, outermost first.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Creates a path from a literal list of components: `["states", 3, "next"]`.
    public init(arrayLiteral elements: Component...) {
        self.components = elements
    }

    /// Creates a path from a `DecodingError` coding path.
    ///
    /// `JSONDecoder` names list positions `"Index 3"` with `intValue` 3; such keys become
    /// `.index(3)`. Every other key becomes `.key(stringValue)`, so a dictionary key `"5"` stays a key.
    ///
    /// ```swift
    /// // context.codingPath from DecodingError.keyNotFound(_, context)
    /// JSONPath(codingPath: context.codingPath).description   // "states[3].input"
    /// ```
    public init(codingPath: [any CodingKey]) {
        self.components = codingPath.map { key in
            if let index = key.intValue, key.stringValue == "Index \(index)" {
                return .index(index)
            }
            return .key(key.stringValue)
        }
    }

    /// True for the top level of the document.
    public var isRoot: Bool { components.isEmpty }

    /// The last step, or nil at the top level.
    public var last: Component? { components.last }

    /// The path without its last step, or nil at the top level.
    public var parent: JSONPath? {
        isRoot ? nil : JSONPath(Array(components.dropLast()))
    }

    /// This path followed by one more step.
    public func appending(_ component: Component) -> JSONPath {
        JSONPath(components + [component])
    }

    /// This path followed by an object key: `states[3]` → `states[3].next`.
    public func appending(key: String) -> JSONPath { appending(.key(key)) }

    /// This path followed by a list index: `states` → `states[3]`.
    public func appending(index: Int) -> JSONPath { appending(.index(index)) }

    /// The path as people read it, for example `states[3].input.options[0].next`;
    /// `(top level)` for the root.
    public var description: String {
        if components.isEmpty { return "(top level)" }
        var text = ""
        for component in components {
            if case .key(let key) = component, JSONPath.isPlainWord(key), !text.isEmpty {
                text += "."
            }
            text += component.description
        }
        return text
    }

    /// True when a key can be written without quotes: letters, digits, `_` and `-`,
    /// not empty and not starting with a digit.
    static func isPlainWord(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || scalar == "-" || scalar.properties.isAlphabetic
                || ("0"..."9").contains(scalar)
        }
    }

    /// A key written as a JSON string: `"two words"`.
    static func quoted(_ key: String) -> String {
        var text = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}

/// One step of a ``JSONPath``: `.key("next")` or `.index(3)`.
public typealias JSONPathComponent = JSONPath.Component
