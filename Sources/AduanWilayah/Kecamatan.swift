/// A kecamatan (district) with its desa and kelurahan, in the order of the data file.
public struct Kecamatan: Sendable, Hashable {
    /// The official name, e.g. "Kintamani".
    public var name: String
    /// The desa and kelurahan of this kecamatan.
    public var desa: [Desa]

    /// A kecamatan with its desa.
    public init(name: String, desa: [Desa]) {
        self.name = name
        self.desa = desa
    }
}
