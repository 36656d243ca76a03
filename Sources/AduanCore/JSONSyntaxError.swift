/// A JSON file that cannot be read as JSON at all: where, and what is wrong in plain words.
///
/// Thrown by `JSONSourceMap.parse(_:)`.
///
/// ```swift
/// do { _ = try JSONSourceMap.parse("{\"a\": 1,}") }
/// catch { print(error) }   // 1:8: trailing comma before '}' (remove the last ',')
/// ```
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Line and column of the problem.
    public var position: SourcePosition
    /// The 0-based UTF-8 byte offset of the problem in the file (a byte order mark counts as 3 bytes).
    public var byteOffset: Int
    /// What is wrong, for example `unterminated string`.
    public var message: String
    /// A suggestion, for example `is a comma missing?`, or nil.
    public var hint: String?

    /// Creates a syntax error.
    public init(position: SourcePosition, byteOffset: Int, message: String, hint: String? = nil) {
        self.position = position
        self.byteOffset = byteOffset
        self.message = message
        self.hint = hint
    }

    /// `line:column: message (hint)`.
    public var description: String {
        "\(position): \(message)" + (hint.map { " (\($0))" } ?? "")
    }

    /// This error as a ``Diagnostic`` for `file`.
    ///
    /// ```swift
    /// error.diagnostic(file: "Dialogs/pengaduan.json").description
    /// // Dialogs/pengaduan.json:3:5: error: unterminated string (no closing " before the end of the line ...)
    /// ```
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(file: file, position: position, message: message, hint: hint)
    }
}
