/// One problem found in a file, ready to show to an admin, compiler-style.
///
/// Every part except the file and the message is optional; ``description`` leaves out the parts
/// that are nil:
///
/// ```swift
/// let diagnostic = Diagnostic(
///     file: "Dialogs/pengaduan.json", position: SourcePosition(line: 12, column: 17),
///     path: ["states", 3, "next"], context: "state \"lokasi\"",
///     message: "unknown state \"lokas\"", hint: "did you mean \"lokasi\"?")
/// print(diagnostic)
/// // Dialogs/pengaduan.json:12:17: error: state "lokasi": states[3].next: unknown state "lokas" (did you mean "lokasi"?)
/// ```
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, CustomStringConvertible {
        /// The file cannot be used as it is.
        case error
        /// The file can be used, but something looks wrong (for example an unknown field).
        case warning

        /// `error` or `warning`.
        public var description: String { rawValue }
    }

    /// Whether this is an error or a warning.
    public var severity: Severity
    /// The file, as the admin knows it, for example `Dialogs/pengaduan.json`.
    public var file: String
    /// Line and column in the file, when known.
    public var position: SourcePosition?
    /// Where in the JSON structure, when known, for example `states[3].next`.
    public var path: JSONPath?
    /// What the problem is part of, in words, for example `state "lokasi"`.
    public var context: String?
    /// What is wrong, for example `unknown state "lokas"`.
    public var message: String
    /// A suggestion, for example `did you mean "lokasi"?`; shown in parentheses.
    public var hint: String?

    /// Creates a diagnostic; the parameters follow the order of the rendered line.
    ///
    /// ```swift
    /// Diagnostic(file: "bots/desa.json", position: SourcePosition(line: 3, column: 5),
    ///            message: "unknown field \"nxt\"", hint: "did you mean \"next\"?", severity: .warning)
    /// ```
    public init(
        file: String, position: SourcePosition? = nil, path: JSONPath? = nil, context: String? = nil,
        message: String, hint: String? = nil, severity: Severity = .error
    ) {
        self.severity = severity
        self.file = file
        self.position = position
        self.path = path
        self.context = context
        self.message = message
        self.hint = hint
    }

    /// Creates a diagnostic about the value at `path`, its position looked up in `map`
    /// (the nearest existing value when `path` itself is absent, for example a missing key).
    ///
    /// ```swift
    /// Diagnostic(file: file, path: ["states", 3, "next"], in: map,
    ///            context: "state \"lokasi\"", message: "unknown state \"lokas\"",
    ///            hint: "did you mean \"lokasi\"?")
    /// ```
    public init(
        file: String, path: JSONPath, in map: JSONSourceMap, context: String? = nil,
        message: String, hint: String? = nil, severity: Severity = .error
    ) {
        self.init(
            file: file, position: map.position(of: path), path: path, context: context,
            message: message, hint: hint, severity: severity)
    }

    /// One line: `file:line:column: severity: context: path: message (hint)`, without the parts that
    /// are nil (and without the file when it is empty).
    public var description: String {
        var location = file
        if let position {
            location += location.isEmpty ? "\(position)" : ":\(position)"
        }
        var parts: [String] = []
        if !location.isEmpty { parts.append(location) }
        parts.append(severity.rawValue)
        if let context { parts.append(context) }
        if let path { parts.append(path.description) }
        parts.append(message + (hint.map { " (\($0))" } ?? ""))
        return parts.joined(separator: ": ")
    }
}
