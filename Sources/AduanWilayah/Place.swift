/// A resolved place; desa nil means only the kecamatan is known.
public struct Place: Sendable, Hashable, Codable {
    /// The kecamatan's official name, e.g. "Kintamani".
    public var kecamatan: String
    /// The desa's official name, e.g. "Abuan"; nil when only the kecamatan is known.
    public var desa: String?

    /// A place in a kecamatan, down to the desa when `desa` is given.
    public init(kecamatan: String, desa: String? = nil) {
        self.kecamatan = kecamatan
        self.desa = desa
    }

    /// "Desa Abuan, Kecamatan Kintamani" / "Kecamatan Kintamani" (Indonesian; used in both
    /// languages since these are proper names).
    ///
    /// The data does not tell desa from kelurahan, so this always says "Desa"; for a kota use
    /// `Gazetteer.displayName(of:)`, which says "Kelurahan".
    public var displayName: String {
        if let desa { return "Desa \(desa), Kecamatan \(kecamatan)" }
        return "Kecamatan \(kecamatan)"
    }
}
