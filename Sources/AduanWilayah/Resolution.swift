/// The resolver's answer before it is turned into a public `LocationMatch`.
enum Resolution: Sendable, Equatable {
    /// Candidates, sorted and distinct: one desa is found, one kecamatan is kecamatan-only,
    /// several are ambiguous.
    case places([PlaceRef])
    /// Nothing matched; suggestions best first.
    case notFound([PlaceRef])

    /// Candidates sorted in gazetteer order, repeats removed.
    static func candidates<S: Sequence>(_ refs: S) -> Resolution where S.Element == PlaceRef {
        .places(Array(Set(refs)).sorted())
    }

    /// The public form.
    func match(in index: NameIndex) -> LocationMatch {
        switch self {
        case .places(let refs):
            guard let first = refs.first else { return .notFound(suggestions: []) }
            if refs.count > 1 { return .ambiguous(refs.map(index.place)) }
            if first.isKecamatan { return .kecamatanOnly(index.gazetteer.kecamatan[first.kecamatan].name) }
            return .found(index.place(first))
        case .notFound(let refs):
            return .notFound(suggestions: refs.prefix(LocationResolver.maxSuggestions).map(index.place))
        }
    }
}
