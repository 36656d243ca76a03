/// A span of the query that spells (or nearly spells) one name.
struct SpanMatch: Sendable, Hashable {
    /// Index into `LocationQuery.spans`.
    var span: Int
    /// Index into `NameIndex.entries`.
    var entry: Int
    /// Edits between the span and the name; 0 for a match of the compact forms.
    var distance: Int
    /// Whether a marker before the span announced this kind of place ("desa …", "kec …").
    var hinted: Bool
}
