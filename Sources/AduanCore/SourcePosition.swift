/// A place in a text file, as a person finds it in an editor: a 1-based line and a 1-based column.
///
/// Columns count the *characters a reader sees* (Swift `Character`s, that is extended grapheme
/// clusters), not bytes and not UTF-16 code units: `é` is one column whether it is stored as one
/// scalar (U+00E9) or two (`e` + U+0301), an emoji such as 👩‍👩‍👧 is one column, and a tab is one
/// column (editors that expand tabs to several spaces may show a larger number there).
///
/// Lines end at `\n`, `\r\n` or a lone `\r`. A UTF-8 byte order mark at the start of a file is
/// not counted.
///
/// ```swift
/// let position = SourcePosition(line: 12, column: 17)
/// print(position)   // 12:17
/// ```
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line number, starting at 1.
    public var line: Int
    /// The column number, starting at 1, counted in characters as an editor shows them.
    public var column: Int

    /// Creates a position from a 1-based line and a 1-based column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`, for example `12:17`.
    public var description: String { "\(line):\(column)" }

    /// Orders positions as they appear in a file: by line, then by column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
