/// What `LocationResolver` made of a citizen's description of a place.
public enum LocationMatch: Sendable, Hashable {
    /// Exactly one desa (with its kecamatan).
    case found(Place)
    /// Only a kecamatan was named: the dialog will ask for the desa in it.
    case kecamatanOnly(String)
    /// The same desa name in several kecamatan, or several equally good candidates: the bot must
    /// ask, not guess. In gazetteer order. A candidate whose `desa` is nil stands for a whole
    /// kecamatan (a name that is a kecamatan and also a desa elsewhere, e.g. Bojonegoro's
    /// "Ngraho"); choosing it means the same as `.kecamatanOnly`.
    case ambiguous([Place])
    /// Nothing matched; the closest names (desa or kecamatan), best first, at most 5.
    case notFound(suggestions: [Place])
}
