import Foundation

/// Reads admin-edited JSON files into `Decodable` values, turning every failure into a
/// ``Diagnostic`` that says where (file, line, column and JSON path) and what, in plain words.
///
/// The file is first checked by ``JSONSourceMap`` (strict JSON, so a syntax error gets a line and
/// column), then decoded by a plain `JSONDecoder`: keys are used as written (no snake-case
/// conversion), so a `DecodingError`'s coding path names real keys of the file.
///
/// ```swift
/// do {
///     let (dialog, map) = try JSONFile.load(DialogFile.self, from: url, file: "Dialogs/pengaduan.json")
///     // later checks point into the file with map.position(of: path)
/// } catch {
///     print(error)   // Dialogs/pengaduan.json:12:17: error: states[3]: missing required field "next"
/// }
/// ```
public enum JSONFile {
    /// Parses `data` and decodes a `T` from it.
    ///
    /// - Parameter file: the name shown in diagnostics, for example `Dialogs/pengaduan.json`.
    /// - Returns: the value and the source map, for later checks that need positions.
    /// - Throws: a ``Diagnostic``: a syntax error with its line and column, or a decoding problem
    ///   (missing field, wrong kind of value, unknown value) with its JSON path and position.
    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, file: String
    ) throws(Diagnostic) -> (value: T, map: JSONSourceMap) {
        let bytes = [UInt8](data)
        let map: JSONSourceMap
        do {
            map = try JSONSourceMap.parse(bytes: bytes)
        } catch {
            throw error.diagnostic(file: file)
        }
        do {
            let value = try JSONDecoder().decode(T.self, from: data)
            return (value, map)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                let node = unfitNumber(T.self, bytes: bytes, map: map)
            {
                throw numberDiagnostic(node: node, map: map, file: file)
            }
            throw diagnostic(for: error, in: map, file: file)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(file: file, message: String(describing: error))
        }
    }

    /// Reads the file at `url`, then decodes it like ``decode(_:from:file:)``.
    ///
    /// - Parameter file: the name shown in diagnostics; the URL's path when nil.
    /// - Throws: a ``Diagnostic``; a missing file is `cannot read file: no such file`.
    public static func load<T: Decodable>(
        _ type: T.Type, from url: URL, file: String? = nil
    ) throws(Diagnostic) -> (value: T, map: JSONSourceMap) {
        let data = try read(url, file: file)
        return try decode(type, from: data, file: file ?? url.path(percentEncoded: false))
    }

    /// Parses `data` without decoding it, for files that are checked value by value.
    ///
    /// - Throws: a ``Diagnostic`` with the line and column of the syntax error.
    public static func parse(_ data: Data, file: String) throws(Diagnostic) -> JSONSourceMap {
        do {
            return try JSONSourceMap.parse(data)
        } catch {
            throw error.diagnostic(file: file)
        }
    }

    /// Reads the bytes of the file at `url`.
    ///
    /// - Throws: a ``Diagnostic`` such as `cannot read file: no such file`.
    public static func read(_ url: URL, file: String? = nil) throws(Diagnostic) -> Data {
        let name = file ?? url.path(percentEncoded: false)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path(percentEncoded: false), isDirectory: &isDirectory) else {
            throw Diagnostic(file: name, message: "cannot read file: no such file")
        }
        if isDirectory.boolValue {
            throw Diagnostic(file: name, message: "cannot read file: it is a folder, not a file")
        }
        do {
            return try Data(contentsOf: url)
        } catch let error as CocoaError where error.code == .fileReadNoPermission {
            throw Diagnostic(file: name, message: "cannot read file: permission denied")
        } catch {
            throw Diagnostic(file: name, message: "cannot read file: \(error.localizedDescription)")
        }
    }

    /// Describes a `DecodingError` in plain words, with its JSON path and its position in `map`.
    ///
    /// - `keyNotFound`: path and position of the enclosing object, `missing required field "next"`;
    /// - `typeMismatch`: `expected a text but found a number` (text, number, true or false, list, object);
    /// - `valueNotFound`: `expected a text but found null`;
    /// - `dataCorrupted`: the decoder's own message, for example for a value that is not one of an enum's.
    public static func diagnostic(for error: DecodingError, in map: JSONSourceMap, file: String) -> Diagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            let path = JSONPath(codingPath: context.codingPath)
            return Diagnostic(file: file, path: path, in: map,
                message: "missing required field \(JSONPath.quoted(key.stringValue))")
        case .typeMismatch(let type, let context):
            let path = JSONPath(codingPath: context.codingPath)
            guard let found = foundDescription(at: path, in: map) else {
                return Diagnostic(file: file, path: path, in: map, message: context.debugDescription)
            }
            return Diagnostic(file: file, path: path, in: map,
                message: "expected \(plainName(of: type)) but found \(found)")
        case .valueNotFound(let type, let context):
            let path = JSONPath(codingPath: context.codingPath)
            guard map.kind(at: path) == .null else {
                return Diagnostic(file: file, path: path, in: map, message: context.debugDescription)
            }
            return Diagnostic(file: file, path: path, in: map, message: "expected \(plainName(of: type)) but found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return Diagnostic(file: file, message: context.debugDescription)
            }
            let path = JSONPath(codingPath: context.codingPath)
            return Diagnostic(file: file, path: path, in: map, message: context.debugDescription)
        @unknown default:
            return Diagnostic(file: file, message: String(describing: error))
        }
    }

    /// Plain words for what a Swift type expects: "a text", "a number", "true or false", "a list", "an object".
    static func plainName(of type: Any.Type) -> String {
        if type == String.self || type == Substring.self || type == Character.self || type == URL.self {
            return JSONValueKind.string.plainName
        }
        if type is any BinaryInteger.Type || type is any BinaryFloatingPoint.Type || type == Decimal.self {
            return JSONValueKind.number.plainName
        }
        if type == Bool.self { return JSONValueKind.bool.plainName }
        let name = String(describing: type)
        if name.hasPrefix("Array<") || name.hasPrefix("Set<") || name.hasPrefix("ContiguousArray<") {
            return JSONValueKind.array.plainName
        }
        if name.hasPrefix("Dictionary<") { return JSONValueKind.object.plainName }
        return "a value of type \(name)"
    }

    /// "a number", "a list", ... or the literal itself for `true`, `false` and `null`.
    private static func foundDescription(at path: JSONPath, in map: JSONSourceMap) -> String? {
        guard let kind = map.kind(at: path) else { return nil }
        switch kind {
        case .bool:
            return map.locator.bytes[map.byteOffset(of: path)] == UInt8(ascii: "t") ? "true" : "false"
        case .null:
            return "null"
        default:
            return kind.plainName
        }
    }

    // MARK: - Numbers that do not fit

    /// `JSONDecoder` reports a number that does not fit its type (3.5 for an `Int`, 300 for a
    /// `UInt8`) as "not valid JSON" with no coding path. Finds the first such number in file
    /// order by decoding copies in which numbers are replaced by `0` (padded with spaces, so
    /// offsets stay the same): a binary search over how many numbers keep their real text.
    private static func unfitNumber<T: Decodable>(_ type: T.Type, bytes: [UInt8], map: JSONSourceMap) -> Int? {
        let numbers = map.nodes.indices.filter { map.nodes[$0].kind == .number }
        guard !numbers.isEmpty else { return nil }
        func fails(keepingFirst kept: Int) -> Bool {
            var copy = bytes
            for node in numbers[kept...] {
                let range = map.numberRange(ofNode: node)
                copy[range.lowerBound] = UInt8(ascii: "0")
                for index in range.dropFirst() { copy[index] = UInt8(ascii: " ") }
            }
            do {
                _ = try JSONDecoder().decode(T.self, from: Data(copy))
                return false
            } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
                return true
            } catch {
                return false
            }
        }
        guard !fails(keepingFirst: 0) else { return nil }
        var low = 0  // keeping `low` numbers decodes
        var high = numbers.count  // keeping `high` numbers fails (the original file)
        while high - low > 1 {
            let middle = (low + high) / 2
            if fails(keepingFirst: middle) { high = middle } else { low = middle }
        }
        return numbers[high - 1]
    }

    private static func numberDiagnostic(node: Int, map: JSONSourceMap, file: String) -> Diagnostic {
        let text = String(decoding: map.locator.bytes[map.numberRange(ofNode: node)], as: UTF8.self)
        let path = map.path(ofNode: node)
        let message = text.contains(".")
            ? "expected a whole number but found \(text)"
            : "the number \(text) is out of range here"
        return Diagnostic(file: file, path: path, in: map, message: message)
    }
}
