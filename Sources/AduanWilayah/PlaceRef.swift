/// A place by position in the gazetteer: a kecamatan, or a desa in it. Orders as the gazetteer
/// does, a whole kecamatan before its desa.
struct PlaceRef: Sendable, Hashable, Comparable {
    /// Index into `Gazetteer.kecamatan`.
    var kecamatan: Int
    /// Index into that kecamatan's `desa`; nil for the whole kecamatan.
    var desa: Int?

    var isKecamatan: Bool { desa == nil }

    static func < (lhs: PlaceRef, rhs: PlaceRef) -> Bool {
        (lhs.kecamatan, lhs.desa ?? -1) < (rhs.kecamatan, rhs.desa ?? -1)
    }
}
