import Foundation

/// A parsed JSON file that remembers where every value and every object key starts.
///
/// `parse` checks the file strictly (RFC 8259: no comments, no trailing commas, no duplicate
/// keys) and throws a ``JSONSyntaxError`` with a line, a column and a plain message otherwise.
/// The map does not keep the values themselves (decode those with `JSONDecoder`, or use
/// ``JSONFile``); it answers "where is `states[3].next`?" so that errors found later can point
/// into the file.
///
/// ```swift
/// let map = try JSONSourceMap.parse(data)
/// map.position(of: ["states", 3, "next"])     // 14:15, the value
/// map.keyPosition(of: ["states", 3, "next"])  // 14:7, its key
/// map.position(of: ["states", 3, "nope"])     // the `{` of states[3] (nearest existing value)
/// map.keys(at: ["states", 3])                 // ["id", "say", "next"], in file order
/// ```
public struct JSONSourceMap: Sendable {
    /// One parsed value.
    struct Node: Sendable {
        var kind: JSONValueKind
        /// Byte offset of the first byte of the value.
        var offset: Int
        /// Byte offset of the opening quote of the key, or -1 when the value is not an object member.
        var keyOffset: Int = -1
        /// Index of the enclosing object or list in `nodes`, or -1 for the top-level value.
        var parent: Int = -1
        /// The step from the parent to this value (`.key("")` for the top-level value).
        var component: JSONPath.Component = .key("")
        /// First member or element, in file order, or -1.
        var firstChild: Int = -1
        /// The next member or element of the same parent, or -1.
        var nextSibling: Int = -1
        /// Number of members or elements.
        var childCount: Int = 0
    }

    /// A member or element of a parsed container.
    struct ChildKey: Hashable, Sendable {
        var parent: Int
        var component: JSONPath.Component
    }

    /// The default limit on nesting of objects and lists.
    public static let defaultMaxDepth = 512

    /// Turns byte offsets of this file into lines and columns.
    public let locator: SourceLocator
    /// Every value, in file order; `nodes[0]` is the top-level value.
    let nodes: [Node]
    /// Members and elements by (parent node, key or index).
    let children: [ChildKey: Int]

    init(locator: SourceLocator, nodes: [Node], children: [ChildKey: Int]) {
        self.locator = locator
        self.nodes = nodes
        self.children = children
    }

    /// Parses the bytes of a JSON file (UTF-8, with or without a byte order mark).
    ///
    /// - Parameter maxDepth: how deeply objects and lists may nest; deeper files are a syntax
    ///   error rather than a crash.
    /// - Throws: ``JSONSyntaxError`` for the first problem in the file.
    public static func parse(_ data: Data, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONSourceMap {
        try parse(bytes: [UInt8](data), maxDepth: maxDepth)
    }

    /// Parses a JSON text.
    ///
    /// ```swift
    /// let map = try JSONSourceMap.parse(#"{"a": [1, 2]}"#)
    /// map.position(of: ["a", 1])   // 1:11
    /// ```
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONSourceMap {
        try parse(bytes: Array(text.utf8), maxDepth: maxDepth)
    }

    /// Parses UTF-8 bytes.
    public static func parse(bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONSourceMap {
        let locator = SourceLocator(bytes: bytes)
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<JSONSourceParser.Output, JSONSourceParser.Failure> in
            var parser = JSONSourceParser(buffer: buffer, locator: locator, maxDepth: maxDepth)
            do throws(JSONSourceParser.Failure) {
                return .success(try parser.parse())
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let output):
            return JSONSourceMap(locator: locator, nodes: output.nodes, children: output.children)
        case .failure(let failure):
            throw JSONSyntaxError(
                position: locator.position(ofByteOffset: failure.offset),
                byteOffset: failure.offset, message: failure.message, hint: failure.hint)
        }
    }

    // MARK: - Looking up paths

    /// The node at `path`, or the nearest existing ancestor and how many steps matched.
    private func lookUp(_ path: JSONPath) -> (node: Int, matched: Int) {
        var node = 0
        for (depth, component) in path.components.enumerated() {
            guard let child = children[ChildKey(parent: node, component: component)] else {
                return (node, depth)
            }
            node = child
        }
        return (node, path.components.count)
    }

    /// The node exactly at `path`, or nil.
    private func node(at path: JSONPath) -> Node? {
        let (node, matched) = lookUp(path)
        return matched == path.components.count ? nodes[node] : nil
    }

    /// True when the file has a value at `path`.
    public func contains(_ path: JSONPath) -> Bool {
        lookUp(path).matched == path.components.count
    }

    /// Where the value at `path` starts; when there is no such value (for example a missing key),
    /// where its nearest existing ancestor starts. The top level always exists.
    ///
    /// ```swift
    /// map.position(of: ["states", 3, "next"])   // the first character of the value
    /// ```
    public func position(of path: JSONPath) -> SourcePosition {
        locator.position(ofByteOffset: nodes[lookUp(path).node].offset)
    }

    /// Where the value at exactly `path` starts, or nil when the file has no value there.
    public func exactPosition(of path: JSONPath) -> SourcePosition? {
        node(at: path).map { locator.position(ofByteOffset: $0.offset) }
    }

    /// Where the key of the object member at `path` starts (its opening quote), or nil when
    /// `path` is not an existing object member. Useful to point at an unknown or misspelled key.
    public func keyPosition(of path: JSONPath) -> SourcePosition? {
        guard let node = node(at: path), node.keyOffset >= 0 else { return nil }
        return locator.position(ofByteOffset: node.keyOffset)
    }

    /// The longest prefix of `path` that exists in the file.
    ///
    /// ```swift
    /// map.nearestExistingPath(to: ["states", 3, "nope", "x"])   // states[3]
    /// ```
    public func nearestExistingPath(to path: JSONPath) -> JSONPath {
        JSONPath(Array(path.components.prefix(lookUp(path).matched)))
    }

    /// The kind of the value at `path`, or nil when there is none.
    public func kind(at path: JSONPath) -> JSONValueKind? {
        node(at: path)?.kind
    }

    /// The keys of the object at `path` in file order; empty when `path` is not an object.
    ///
    /// ```swift
    /// // {"id": "lokasi", "nxt": "selesai"}
    /// map.keys(at: ["states", 3])   // ["id", "nxt"]: "nxt" is unknown — did you mean "next"?
    /// ```
    public func keys(at path: JSONPath) -> [String] {
        guard let node = node(at: path), node.kind == .object else { return [] }
        var keys: [String] = []
        keys.reserveCapacity(node.childCount)
        var child = node.firstChild
        while child >= 0 {
            if case .key(let key) = nodes[child].component { keys.append(key) }
            child = nodes[child].nextSibling
        }
        return keys
    }

    /// The number of members of the object or elements of the list at `path`;
    /// nil when `path` is absent or not an object or list.
    public func count(at path: JSONPath) -> Int? {
        guard let node = node(at: path), node.kind == .object || node.kind == .array else { return nil }
        return node.childCount
    }

    // MARK: - Module internals

    /// The path of a node.
    func path(ofNode index: Int) -> JSONPath {
        var components: [JSONPath.Component] = []
        var node = index
        while node > 0 {
            components.append(nodes[node].component)
            node = nodes[node].parent
        }
        return JSONPath(components.reversed())
    }

    /// The byte range of the number that starts at node `index`.
    func numberRange(ofNode index: Int) -> Range<Int> {
        let start = nodes[index].offset
        var end = start
        let bytes = locator.bytes
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                end += 1
            default:
                return start..<end
            }
        }
        return start..<end
    }

    /// The byte offset of the value at `path` (or its nearest existing ancestor).
    func byteOffset(of path: JSONPath) -> Int {
        nodes[lookUp(path).node].offset
    }
}
