/// A desa or kelurahan (village or urban ward), the smallest unit the gazetteer knows.
public struct Desa: Sendable, Hashable {
    /// The official name as in the data file, e.g. "Batur Selatan" or "Jalenjaya (Jejalenjaya)".
    public var name: String
    /// The five-digit postcode (kode pos), when the data file gives one.
    public var postcode: Int?

    /// A desa with its name and, when known, its postcode.
    public init(name: String, postcode: Int? = nil) {
        self.name = name
        self.postcode = postcode
    }
}
