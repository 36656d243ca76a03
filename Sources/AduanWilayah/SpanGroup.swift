/// The best matches of one span: the kecamatan and the desa it names, equally well.
struct SpanGroup: Sendable {
    /// Index into `LocationQuery.spans`.
    var span: Int
    /// Edits between the span and these names.
    var distance: Int
    /// Whether a marker announced the kind of place of one of these matches.
    var hinted: Bool
    /// The kecamatan the span names.
    var kecamatan: [PlaceRef]
    /// The desa the span names.
    var desa: [PlaceRef]

    /// One group per span, keeping only the span's nearest matches; in span order.
    static func groups(of matches: [SpanMatch], entries: [NameEntry]) -> [SpanGroup] {
        var nearest: [Int: Int] = [:]
        for m in matches { nearest[m.span] = min(nearest[m.span] ?? .max, m.distance) }
        var groups: [Int: SpanGroup] = [:]
        for m in matches where m.distance == nearest[m.span] {
            var group = groups[m.span] ?? SpanGroup(span: m.span, distance: m.distance, hinted: false, kecamatan: [], desa: [])
            let place = entries[m.entry].place
            group.hinted = group.hinted || m.hinted
            if place.isKecamatan {
                if !group.kecamatan.contains(place) { group.kecamatan.append(place) }
            } else if !group.desa.contains(place) {
                group.desa.append(place)
            }
            groups[m.span] = group
        }
        return groups.values.sorted { $0.span < $1.span }
    }
}
