/// Several ``Diagnostic``s thrown together, for example everything a validator found in one file.
///
/// ```swift
/// let list = DiagnosticList([missingState, unknownField])
/// if list.hasErrors { throw list }
/// print(list)   // one diagnostic per line
/// ```
public struct DiagnosticList: Sendable, Hashable, Error, CustomStringConvertible, RandomAccessCollection {
    /// The diagnostics, in the order they were reported.
    public var diagnostics: [Diagnostic]

    /// Creates a list.
    public init(_ diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
    }

    /// The index of the first diagnostic.
    public var startIndex: Int { diagnostics.startIndex }
    /// The index after the last diagnostic.
    public var endIndex: Int { diagnostics.endIndex }
    /// The diagnostic at `position`.
    public subscript(position: Int) -> Diagnostic { diagnostics[position] }

    /// The diagnostics of severity `.error`.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The diagnostics of severity `.warning`.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Adds a diagnostic at the end.
    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The same diagnostics ordered by file, then line and column (those without a position first
    /// within a file); diagnostics at the same place keep their order.
    public func sortedByLocation() -> DiagnosticList {
        let sorted = diagnostics.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.file != b.file { return a.file < b.file }
            switch (a.position, b.position) {
            case (nil, .some): return true
            case (.some, nil): return false
            case let (.some(p), .some(q)) where p != q: return p < q
            default: return left.offset < right.offset
            }
        }
        return DiagnosticList(sorted.map(\.element))
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
