/// The strict JSON parser behind ``JSONSourceMap``: one pass over UTF-8 bytes, no recursion
/// (nesting is an explicit stack, limited by `maxDepth`), recording where each value and key starts.
///
/// Error messages are written for admins who are not programmers: they name the likely mistake
/// (a missing comma, a comment, curly quotes from a word processor, ...) rather than the grammar.
struct JSONSourceParser {
    /// A syntax problem at a byte offset; ``JSONSourceMap`` turns it into a ``JSONSyntaxError``.
    struct Failure: Error {
        var offset: Int
        var message: String
        var hint: String?
    }

    /// What the parser produced.
    struct Output {
        var nodes: [JSONSourceMap.Node]
        var children: [JSONSourceMap.ChildKey: Int]
    }

    /// An object or list that is open (its closing bracket not yet seen).
    private struct Frame {
        var node: Int
        var isObject: Bool
        /// Index of the element being parsed (lists).
        var index = 0
        /// The last node added to this container, or -1.
        var lastChild = -1
        /// The key of the member being parsed (objects).
        var key = ""
        var keyOffset = -1
    }

    private let buffer: UnsafeBufferPointer<UInt8>
    private let end: Int
    private let locator: SourceLocator
    private let maxDepth: Int
    private var offset = 0
    private var nodes: [JSONSourceMap.Node] = []
    private var children: [JSONSourceMap.ChildKey: Int] = [:]
    private var stack: [Frame] = []
    /// Where the last complete value ended, and its kind (for hints about what follows it).
    private var lastValueEnd = -1
    private var lastValueKind = JSONValueKind.null

    init(buffer: UnsafeBufferPointer<UInt8>, locator: SourceLocator, maxDepth: Int) {
        self.buffer = buffer
        self.end = buffer.count
        self.locator = locator
        self.maxDepth = maxDepth
        nodes.reserveCapacity(buffer.count / 16 + 1)
    }

    // MARK: - Bytes

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let comma = UInt8(ascii: ",")
    private static let colon = UInt8(ascii: ":")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let minus = UInt8(ascii: "-")
    private static let zero = UInt8(ascii: "0")
    private static let nine = UInt8(ascii: "9")

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || isDigit(byte) || byte == 0x5F
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
    }

    private func byte(at index: Int) -> UInt8? { index < end ? buffer[index] : nil }

    private mutating func skipWhitespace() {
        while offset < end {
            let byte = buffer[offset]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            offset += 1
        }
    }

    private func position(_ offset: Int) -> String { locator.position(ofByteOffset: offset).description }

    // MARK: - Driver

    mutating func parse() throws(Failure) -> Output {
        if end >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
            throw Failure(offset: 0, message: "the file is saved as UTF-16", hint: "save it with UTF-8 encoding")
        }
        if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { offset = 3 }
        skipWhitespace()
        if offset == end {
            throw Failure(offset: offset, message: "the file is empty", hint: "a JSON file holds one value, such as {} or []")
        }
        var expectingValue = true
        while true {
            if expectingValue {
                expectingValue = try parseValue()
            } else if stack.isEmpty {
                break
            } else {
                expectingValue = try parseAfterValue()
            }
        }
        skipWhitespace()
        if offset < end {
            try checkCommonMistakes()
            let found = describeToken(at: offset)
            let byte = buffer[offset]
            let hint = byte == Self.closeBrace || byte == Self.closeBracket
                ? "is there an extra closing bracket?"
                : "a file holds one JSON value; put several values in a list [ ... ]"
            throw Failure(offset: offset, message: "unexpected \(found) after the end of the JSON data", hint: hint)
        }
        return Output(nodes: nodes, children: children)
    }

    /// Parses the value at `offset` (after whitespace). Returns true when a new value is expected
    /// next (an object or list was opened and is not empty), false when a value is complete.
    private mutating func parseValue() throws(Failure) -> Bool {
        skipWhitespace()
        guard offset < end else { throw endOfFile() }
        let start = offset
        switch buffer[offset] {
        case Self.quote:
            try scanString()
            addNode(.string, at: start)
        case Self.openBrace, Self.openBracket:
            let isObject = buffer[offset] == Self.openBrace
            if stack.count >= maxDepth {
                throw Failure(
                    offset: start,
                    message: "too deeply nested: more than \(maxDepth) levels of '{' and '['",
                    hint: nil)
            }
            let node = addNode(isObject ? .object : .array, at: start)
            stack.append(Frame(node: node, isObject: isObject))
            offset += 1
            skipWhitespace()
            guard offset < end else { throw endOfFile() }
            if buffer[offset] == (isObject ? Self.closeBrace : Self.closeBracket) {
                offset += 1
                closeContainer()
                return false
            }
            if isObject { try parseKey(afterComma: nil) }
            return true
        case Self.minus, Self.zero...Self.nine:
            try scanNumber()
            addNode(.number, at: start)
        case _ where Self.isLetter(buffer[offset]):
            let kind = try scanWord()
            addNode(kind, at: start)
        default:
            throw try unexpectedValueStart()
        }
        lastValueEnd = offset
        lastValueKind = nodes[nodes.count - 1].kind
        return false
    }

    /// After a value inside an open object or list: a comma and the next member, or the closing bracket.
    private mutating func parseAfterValue() throws(Failure) -> Bool {
        skipWhitespace()
        guard offset < end else { throw endOfFile() }
        let frame = stack[stack.count - 1]
        let closer = frame.isObject ? Self.closeBrace : Self.closeBracket
        let byte = buffer[offset]
        if byte == closer {
            offset += 1
            closeContainer()
            lastValueEnd = offset
            lastValueKind = frame.isObject ? .object : .array
            return false
        }
        if byte == Self.comma {
            let commaOffset = offset
            offset += 1
            skipWhitespace()
            guard offset < end else { throw endOfFile() }
            if buffer[offset] == closer {
                throw Failure(
                    offset: commaOffset,
                    message: "trailing comma before '\(Character(Unicode.Scalar(closer)))'",
                    hint: "remove the last ','")
            }
            if frame.isObject {
                try parseKey(afterComma: commaOffset)
            } else {
                stack[stack.count - 1].index += 1
            }
            return true
        }
        try checkCommonMistakes()
        let closerText = frame.isObject ? "'}'" : "']'"
        let what: String
        if frame.isObject {
            what = "the value of \(JSONPath.quoted(frame.key))"
        } else {
            var container = "the list"
            if case .key(let key) = nodes[frame.node].component, nodes[frame.node].parent >= 0 {
                container += " \(JSONPath.quoted(key))"
            }
            what = "item [\(frame.index)] of \(container)"
        }
        let message = "expected ',' or \(closerText) after \(what)"
        let looksLikeAValue = byte == Self.quote || byte == Self.openBrace || byte == Self.openBracket
            || byte == Self.minus || Self.isWordByte(byte)
        let adjacentWord = offset == lastValueEnd && Self.isWordByte(byte)
        if looksLikeAValue && !adjacentWord {
            throw Failure(offset: offset, message: message, hint: "is a comma missing?")
        }
        var hint: String?
        if byte == Self.closeBrace || byte == Self.closeBracket {
            let opener = frame.isObject ? "{" : "["
            hint = "brackets do not match: the '\(opener)' at \(position(nodes[frame.node].offset)) must be closed with \(closerText)"
        }
        throw Failure(offset: offset, message: message + " but found \(describeToken(at: offset))", hint: hint)
    }

    /// Parses `"key" :` of an object member and checks that the key is not a duplicate.
    private mutating func parseKey(afterComma commaOffset: Int?) throws(Failure) {
        guard offset < end else { throw endOfFile() }
        let keyStart = offset
        let byte = buffer[offset]
        guard byte == Self.quote else {
            try checkCommonMistakes()
            if byte == UInt8(ascii: "'") {
                throw Failure(offset: offset, message: "single quotes are not allowed in JSON", hint: "write keys and texts in double quotes \"...\"")
            }
            if Self.isDigit(byte), let commaOffset, commaOffset == lastValueEnd, lastValueKind == .number {
                throw Failure(
                    offset: offset,
                    message: "expected a key in double quotes but found \(describeToken(at: offset))",
                    hint: "JSON writes decimals with a dot: 1.5, not 1,5")
            }
            if Self.isWordByte(byte) {
                let word = wordText(at: offset)
                throw Failure(
                    offset: offset,
                    message: "expected a key in double quotes but found \(word)",
                    hint: "write \"\(word)\"")
            }
            if byte == Self.comma {
                throw Failure(offset: offset, message: "expected a key in double quotes but found ','", hint: "is there an extra comma?")
            }
            throw Failure(offset: offset, message: "expected a key in double quotes but found \(describeToken(at: offset))", hint: nil)
        }
        let hasEscapes = try scanString()
        let key = decodeString(from: keyStart + 1, to: offset - 1, hasEscapes: hasEscapes)
        let frame = stack[stack.count - 1]
        if let earlier = children[JSONSourceMap.ChildKey(parent: frame.node, component: .key(key))] {
            throw Failure(
                offset: keyStart,
                message: "duplicate key \(JSONPath.quoted(key)) in the same object",
                hint: "the earlier one is at \(position(nodes[earlier].keyOffset))")
        }
        stack[stack.count - 1].key = key
        stack[stack.count - 1].keyOffset = keyStart
        skipWhitespace()
        guard offset < end else { throw endOfFile() }
        if buffer[offset] == Self.colon {
            offset += 1
            return
        }
        try checkCommonMistakes()
        let message = "expected ':' after the key \(JSONPath.quoted(key)) but found \(describeToken(at: offset))"
        let hint: String? = switch buffer[offset] {
        case UInt8(ascii: "="): "use ':' between a key and its value"
        case Self.quote, Self.openBrace, Self.openBracket, Self.minus, Self.zero...Self.nine: "is a ':' missing?"
        default: nil
        }
        throw Failure(offset: offset, message: message, hint: hint)
    }

    @discardableResult
    private mutating func addNode(_ kind: JSONValueKind, at start: Int) -> Int {
        let index = nodes.count
        var node = JSONSourceMap.Node(kind: kind, offset: start)
        if !stack.isEmpty {
            let top = stack.count - 1
            let frame = stack[top]
            node.parent = frame.node
            if frame.isObject {
                node.component = .key(frame.key)
                node.keyOffset = frame.keyOffset
            } else {
                node.component = .index(frame.index)
            }
            children[JSONSourceMap.ChildKey(parent: frame.node, component: node.component)] = index
            if frame.lastChild >= 0 {
                nodes[frame.lastChild].nextSibling = index
            } else {
                nodes[frame.node].firstChild = index
            }
            nodes[frame.node].childCount += 1
            stack[top].lastChild = index
        }
        nodes.append(node)
        return index
    }

    private mutating func closeContainer() {
        stack.removeLast()
    }

    // MARK: - Scalars

    /// Scans the string whose opening quote is at `offset`; leaves `offset` after the closing quote.
    /// Returns whether the string contains escapes.
    @discardableResult
    private mutating func scanString() throws(Failure) -> Bool {
        let open = offset
        var index = offset + 1
        var hasEscapes = false
        while true {
            guard index < end else {
                throw Failure(offset: open, message: "unterminated string", hint: "no closing \" before the end of the file")
            }
            let byte = buffer[index]
            if byte == Self.quote {
                offset = index + 1
                return hasEscapes
            }
            if byte == Self.backslash {
                hasEscapes = true
                index = try scanEscape(at: index, stringStart: open)
                continue
            }
            if byte < 0x20 {
                if byte == 0x0A || byte == 0x0D {
                    let curly = containsCurlyQuote(from: open + 1, to: index)
                    throw Failure(
                        offset: open, message: "unterminated string",
                        hint: curly
                            ? "no closing \" on this line; a curly quote ” cannot end a text, use a straight \""
                            : "no closing \" on this line; to put a line break inside a text, write \\n")
                }
                let name = byte == 0x09 ? " (tab)" : ""
                throw Failure(
                    offset: index,
                    message: "control character \(Self.scalarName(UInt32(byte)))\(name) is not allowed inside a string",
                    hint: byte == 0x09 ? "write \\t instead" : "remove it, or write it as \\u\(Self.hex4(UInt32(byte)))")
            }
            if byte >= 0x80 {
                let length = utf8SequenceLength(at: index)
                guard length > 0 else { throw invalidUTF8(at: index) }
                index += length
                continue
            }
            index += 1
        }
    }

    /// Checks the escape whose backslash is at `index`; returns the index after it.
    private func scanEscape(at index: Int, stringStart: Int) throws(Failure) -> Int {
        guard index + 1 < end else {
            throw Failure(offset: stringStart, message: "unterminated string", hint: "no closing \" before the end of the file")
        }
        switch buffer[index + 1] {
        case Self.quote, Self.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            guard let unit = hexValue(at: index + 2) else {
                var shown = ""
                var cursor = index + 2
                while cursor < end, cursor < index + 6, buffer[cursor] >= 0x21, buffer[cursor] < 0x7F,
                    buffer[cursor] != Self.quote
                {
                    shown.append(Character(Unicode.Scalar(buffer[cursor])))
                    cursor += 1
                }
                throw Failure(
                    offset: index, message: "invalid escape \\u\(shown)",
                    hint: "\\u must be followed by 4 hexadecimal digits (0-9, A-F)")
            }
            if unit >= 0xD800 && unit <= 0xDBFF {
                if index + 7 < end, buffer[index + 6] == Self.backslash, buffer[index + 7] == UInt8(ascii: "u"),
                    let low = hexValue(at: index + 8), low >= 0xDC00 && low <= 0xDFFF
                {
                    return index + 12
                }
            } else if !(unit >= 0xDC00 && unit <= 0xDFFF) {
                return index + 6
            }
            throw Failure(
                offset: index, message: "invalid escape \\u\(Self.hex4(unit)): half of a surrogate pair",
                hint: "write the character itself, or both halves such as \\uD83D\\uDE00")
        default:
            let next = index + 1
            let shown: String
            if buffer[next] >= 0x20 && buffer[next] < 0x7F {
                shown = String(Character(Unicode.Scalar(buffer[next])))
            } else if buffer[next] >= 0x80, utf8SequenceLength(at: next) > 0 {
                shown = String(decoding: UnsafeBufferPointer(rebasing: buffer[next..<next + utf8SequenceLength(at: next)]), as: UTF8.self)
            } else {
                shown = ""
            }
            throw Failure(
                offset: index, message: "invalid escape \\\(shown)",
                hint: "to write a backslash inside a text, write \\\\; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
    }

    /// The value of four hexadecimal digits at `index`, or nil.
    private func hexValue(at index: Int) -> UInt32? {
        guard index + 4 <= end else { return nil }
        var value: UInt32 = 0
        for cursor in index..<index + 4 {
            let byte = buffer[cursor]
            let digit: UInt8
            switch byte {
            case Self.zero...Self.nine: digit = byte - Self.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The text of the string between `start` and `end` (exclusive), escapes decoded.
    /// The string was already checked by ``scanString()``.
    private func decodeString(from start: Int, to stop: Int, hasEscapes: Bool) -> String {
        if !hasEscapes {
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<stop]), as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stop - start)
        var index = start
        while index < stop {
            let byte = buffer[index]
            guard byte == Self.backslash else {
                bytes.append(byte)
                index += 1
                continue
            }
            let escape = buffer[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hexValue(at: index) ?? 0xFFFD
                index += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF, let low = hexValue(at: index + 2) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                bytes.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
            default: bytes.append(escape)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Scans a number at `offset` (RFC 8259 grammar); leaves `offset` after it.
    private mutating func scanNumber() throws(Failure) {
        let start = offset
        var index = offset
        if buffer[index] == Self.minus {
            index += 1
            guard index < end, Self.isDigit(buffer[index]) else {
                throw Failure(offset: index, message: "expected a digit after '-'", hint: nil)
            }
        }
        if buffer[index] == Self.zero {
            index += 1
            if index < end, Self.isDigit(buffer[index]) {
                throw Failure(
                    offset: start, message: "a number cannot start with 0",
                    hint: "to keep a leading 0, as in a phone number, write it as a text in double quotes: \"0812...\"")
            }
        } else {
            while index < end, Self.isDigit(buffer[index]) { index += 1 }
        }
        let integerDigits = index - start
        var hasExponent = false
        if index < end, buffer[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end, Self.isDigit(buffer[index]) else {
                throw Failure(offset: index, message: "expected a digit after '.' in a number", hint: "write 1.0 or 1, not 1.")
            }
            while index < end, Self.isDigit(buffer[index]) { index += 1 }
        }
        if index < end, buffer[index] == UInt8(ascii: "e") || buffer[index] == UInt8(ascii: "E") {
            hasExponent = true
            index += 1
            if index < end, buffer[index] == UInt8(ascii: "+") || buffer[index] == Self.minus { index += 1 }
            guard index < end, Self.isDigit(buffer[index]) else {
                throw Failure(offset: index, message: "expected a digit in the exponent of the number", hint: nil)
            }
            while index < end, Self.isDigit(buffer[index]) { index += 1 }
        }
        if hasExponent || integerDigits > 300 {
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)
            if let value = Double(text), value.isInfinite {
                throw Failure(offset: start, message: "the number \(text) is too large", hint: nil)
            }
        }
        offset = index
    }

    /// Scans `true`, `false` or `null` at `offset`; anything else made of letters is an error.
    private mutating func scanWord() throws(Failure) -> JSONValueKind {
        let word = wordText(at: offset)
        switch word {
        case "true", "false":
            offset += word.utf8.count
            return .bool
        case "null":
            offset += 4
            return .null
        default:
            break
        }
        let lower = word.lowercased()
        if ["true", "false", "null"].contains(lower) {
            throw Failure(offset: offset, message: "unknown word \(word)", hint: "write \(lower) in lowercase")
        }
        if word.count >= 2, let meant = ["true", "false", "null"].first(where: { $0.hasPrefix(lower) }) {
            throw Failure(offset: offset, message: "unknown word \(word)", hint: "did you mean \(meant)?")
        }
        throw Failure(offset: offset, message: "unknown word \(word)", hint: "write texts in double quotes: \"\(word)\"")
    }

    /// The run of ASCII letters, digits and `_` at `index` (at most 40 bytes).
    private func wordText(at index: Int) -> String {
        var stop = index
        while stop < end, stop - index < 40, Self.isWordByte(buffer[stop]) { stop += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<stop]), as: UTF8.self)
    }

    // MARK: - Errors

    /// The error for a byte that cannot start a value.
    private func unexpectedValueStart() throws(Failure) -> Failure {
        try checkCommonMistakes()
        let byte = buffer[offset]
        var context = ""
        if let frame = stack.last {
            context = frame.isObject ? " for \(JSONPath.quoted(frame.key))" : " in the list"
        }
        switch byte {
        case UInt8(ascii: "'"):
            return Failure(offset: offset, message: "single quotes are not allowed in JSON", hint: "write texts in double quotes \"...\"")
        case UInt8(ascii: "."):
            return Failure(offset: offset, message: "a number cannot start with '.'", hint: "write 0.5, not .5")
        case UInt8(ascii: "+"):
            return Failure(offset: offset, message: "a number cannot start with '+'", hint: "write 5, not +5")
        case Self.comma:
            return Failure(offset: offset, message: "expected a value\(context) but found ','", hint: "is there an extra comma, or a missing value?")
        default:
            return Failure(offset: offset, message: "expected a value\(context) but found \(describeToken(at: offset))", hint: nil)
        }
    }

    /// Throws for mistakes that look the same wherever they happen: comments, curly quotes,
    /// invisible characters and bytes that are not UTF-8.
    private func checkCommonMistakes() throws(Failure) {
        guard offset < end else { return }
        let byte = buffer[offset]
        if byte == UInt8(ascii: "/"), let next = self.byte(at: offset + 1), next == UInt8(ascii: "/") || next == UInt8(ascii: "*") {
            throw Failure(offset: offset, message: "comments are not allowed in JSON", hint: "remove the comment")
        }
        if byte == UInt8(ascii: "#") {
            throw Failure(offset: offset, message: "comments are not allowed in JSON", hint: "remove the comment")
        }
        guard byte >= 0x80 else { return }
        let length = utf8SequenceLength(at: offset)
        guard length > 0 else { throw invalidUTF8(at: offset) }
        let scalar = decodeScalar(at: offset, length: length)
        switch scalar {
        case 0x201C, 0x201D, 0x2018, 0x2019, 0x201E, 0x00AB, 0x00BB:
            let character = String(Character(Unicode.Scalar(scalar)!))
            throw Failure(
                offset: offset,
                message: "curly quote \(character) cannot be used here; JSON needs straight double quotes \"",
                hint: "a word processor probably changed the quotes; replace “ and ” with \"")
        case 0x00A0, 0x2007, 0x202F:
            throw Failure(
                offset: offset, message: "a non-breaking space (\(Self.scalarName(scalar))) is not allowed here",
                hint: "replace it with a normal space")
        case 0xFEFF:
            throw Failure(
                offset: offset, message: "an invisible byte order mark (U+FEFF) is not allowed here",
                hint: "delete it; it is often left over from pasting two files together")
        case 0x200B, 0x200C, 0x200D, 0x2060:
            throw Failure(
                offset: offset, message: "an invisible character (\(Self.scalarName(scalar))) is not allowed here",
                hint: "delete it")
        default:
            return
        }
    }

    private func invalidUTF8(at index: Int) -> Failure {
        Failure(
            offset: index, message: "invalid UTF-8 byte 0x\(String(buffer[index], radix: 16, uppercase: true))",
            hint: "save the file with UTF-8 encoding")
    }

    /// The error for the end of the file while objects or lists are still open.
    private func endOfFile() -> Failure {
        guard let innermost = stack.last else {
            return Failure(offset: end, message: "unexpected end of file", hint: nil)
        }
        let count = stack.count
        let opener = innermost.isObject ? "{" : "["
        return Failure(
            offset: end,
            message: "unexpected end of file: \(count) bracket\(count == 1 ? "" : "s") still open (the '\(opener)' at \(position(nodes[innermost.node].offset)))",
            hint: nil)
    }

    /// A short description of the token at `index` for messages: `'}'`, `name`, `'é' (U+00E9)`.
    private func describeToken(at index: Int) -> String {
        guard index < end else { return "the end of the file" }
        let byte = buffer[index]
        if Self.isWordByte(byte) { return wordText(at: index) }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return "control character \(Self.scalarName(UInt32(byte)))" }
        let length = utf8SequenceLength(at: index)
        guard length > 0 else { return "invalid byte 0x\(String(byte, radix: 16, uppercase: true))" }
        let scalar = decodeScalar(at: index, length: length)
        return "'\(Character(Unicode.Scalar(scalar)!))' (\(Self.scalarName(scalar)))"
    }

    private func containsCurlyQuote(from start: Int, to stop: Int) -> Bool {
        var index = start
        while index + 2 < stop + 1, index + 2 < end {
            if buffer[index] == 0xE2, buffer[index + 1] == 0x80, buffer[index + 2] == 0x9D || buffer[index + 2] == 0x9C {
                return true
            }
            index += 1
        }
        return false
    }

    // MARK: - UTF-8

    /// The length of the valid UTF-8 sequence at `index` (Unicode Table 3-7), or 0 when invalid.
    private func utf8SequenceLength(at index: Int) -> Int {
        let lead = buffer[index]
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < end && buffer[index + offset] >= low && buffer[index + offset] <= high
        }
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    /// The scalar value of a valid UTF-8 sequence.
    private func decodeScalar(at index: Int, length: Int) -> UInt32 {
        let lead = UInt32(buffer[index])
        var value: UInt32 = switch length {
        case 1: lead
        case 2: lead & 0x1F
        case 3: lead & 0x0F
        default: lead & 0x07
        }
        for offset in 1..<max(length, 1) {
            value = value << 6 | UInt32(buffer[index + offset] & 0x3F)
        }
        return value
    }

    private static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `U+0009`.
    private static func scalarName(_ value: UInt32) -> String { "U+" + hex4(value) }
}
