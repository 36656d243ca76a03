import AduanCore

/// Collects the problems found in one file, each with where it is: the JSON path, the line and
/// column from the file's source map, and the state it belongs to.
struct DiagnosticReporter {
    let file: String
    let map: JSONSourceMap?
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, map: JSONSourceMap?) {
        self.file = file
        self.map = map
    }

    /// Reports a problem at `path`, e.g. `[.key("states"), .index(3), .key("next")]`.
    ///
    /// - Parameter atKey: point at the member's key rather than its value (for a misspelt key).
    mutating func error(_ message: String, at path: [JSONPathComponent], state: String? = nil, hint: String? = nil,
                        atKey: Bool = false) {
        let jsonPath = JSONPath(path)
        diagnostics.append(Diagnostic(
            file: file,
            position: (atKey ? map?.keyPosition(of: jsonPath) : nil) ?? map?.position(of: jsonPath),
            path: jsonPath,
            context: state.map { "state \"\($0)\"" },
            message: message,
            hint: hint,
            severity: .error))
    }

    /// Reports fields the format does not know (usually a misspelling), with the closest known name.
    mutating func unknownFields(at path: [JSONPathComponent], allowed: [String], state: String? = nil, what: String) {
        guard let map else { return }
        for key in map.keys(at: JSONPath(path)) where !allowed.contains(key) {
            error("unknown field \"\(key)\" in \(what)", at: path + [.key(key)], state: state,
                  hint: Self.didYouMean(key, among: allowed), atKey: true)
        }
    }

    /// `did you mean "lokasi"?` when a close name exists.
    static func didYouMean(_ name: String, among candidates: [String]) -> String? {
        TextMatching.closest(to: name, among: candidates, limit: 1).first.map { "did you mean \"\($0)\"?" }
    }
}
