/// One spelling of one place's name, prepared for matching (a place with a name like
/// "Jalenjaya (Jejalenjaya)" has several).
struct NameEntry: Sendable {
    /// The place this spelling names.
    var place: PlaceRef
    /// `TextMatching.compact` of the spelling.
    var key: String
    /// `key` as character codes, for edit distances.
    var codes: [UInt32]

    var isKecamatan: Bool { place.isKecamatan }

    /// One number per `Character` (its scalar, or a hash for the rare multi-scalar character):
    /// edit distances on these equal those on characters, and are several times faster.
    static func codes(of text: String) -> [UInt32] {
        text.map { character in
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first { return scalar.value }
            var hasher = Hasher()
            hasher.combine(character)
            return 0x11_0000 | UInt32(truncatingIfNeeded: hasher.finalize()) & 0x7FFF_FFFF
        }
    }
}
