import AduanCore

/// Finds the kecamatan and desa a citizen means from what they typed: any case, with or
/// without diacritics and spaces, small typos, prefixes like "desa", "ds.", "kel.", "kec.",
/// "di", a kecamatan after the desa ("desa X kecamatan Y", "X kec Y", "X, Y", "X - Y"),
/// a 5-digit postcode, and extra words around the name.
///
/// When the text fits several places equally well the answer is `.ambiguous`: the bot asks, it
/// never guesses. Everything is computed from the gazetteer once, in `init`; `resolve` is pure
/// and takes well under a millisecond for a chat message.
public struct LocationResolver: Sendable {
    /// The most suggestions a `.notFound` carries.
    static let maxSuggestions = 5
    /// The most candidates listed for a postcode shared by many desa.
    static let maxListed = 9

    let index: NameIndex

    /// Prepares the lookup tables for `gazetteer`.
    public init(gazetteer: Gazetteer) {
        index = NameIndex(gazetteer: gazetteer)
    }

    /// The gazetteer this resolver searches.
    public var gazetteer: Gazetteer { index.gazetteer }

    /// What place `text` names in the whole regency.
    ///
    /// - a desa → `.found`; a desa named in several kecamatan → `.ambiguous` listing each;
    /// - a kecamatan (also when it has a desa of the same name) → `.kecamatanOnly`;
    ///   a kecamatan name that is also a desa in *another* kecamatan → `.ambiguous` listing the
    ///   whole kecamatan (desa nil) and that desa;
    /// - "X kec Y": the desa X in kecamatan Y; when X is not in Y, `.ambiguous` if X is in
    ///   several other kecamatan, otherwise `.notFound` suggesting X where it is, then desa of Y
    ///   that look like X. A bare regency name ("abuan, bangli") does not count as a kecamatan;
    ///   with a marker ("kec. bangli") it does;
    /// - a postcode → its desa (found or ambiguous, at most 9 listed; when it covers more, the
    ///   kecamatan it covers instead); next to a name, the postcode only narrows an ambiguous
    ///   answer, a named desa wins;
    /// - otherwise `.notFound` with the closest names; empty text gives no suggestions.
    public func resolve(_ text: String) -> LocationMatch {
        resolution(of: text).match(in: index)
    }

    /// Resolve a desa inside one kecamatan (the follow-up after .kecamatanOnly or when a citizen
    /// picks the kecamatan of an ambiguous desa).
    ///
    /// A desa of `kecamatan` → `.found` (`.ambiguous` if the text fits several equally). A desa
    /// that exists only elsewhere → `.ambiguous` among those places when there are several,
    /// otherwise `.notFound` suggesting it first and then the closest desa of `kecamatan`.
    /// When the text names another kecamatan with a marker ("kec. susut"), or `kecamatan` is not
    /// in the gazetteer, this is `resolve(_:)` of the whole regency.
    public func resolve(_ text: String, inKecamatan kecamatan: String) -> LocationMatch {
        guard let k = index.kecamatanByKey[TextMatching.compact(kecamatan)] else { return resolve(text) }
        return resolution(of: text, inKecamatan: k).match(in: index)
    }

    // MARK: - Whole regency

    func resolution(of text: String) -> Resolution {
        let query = LocationQuery(text, index: index)
        guard !query.isEmpty else { return .notFound([]) }
        let byName = resolveNames(query)
        if let narrowed = narrow(byName, byPostcodes: query.postcodes) { return narrowed }
        return .notFound(suggestions(for: query.spans, pool: nil))
    }

    private func resolveNames(_ query: LocationQuery) -> Resolution? {
        let exact = exactMatches(query)
        let byExact = decide(exact, in: query)
        var settled = false
        if case .places(let refs) = byExact, refs.count == 1, refs[0].desa != nil { settled = true }
        let spans = query.spans
        let open = spans.indices.filter { s in
            let span = spans[s]
            return span.codes.count >= 4 && !index.namePrefixes.contains(span.key)
                && !exact.contains { spans[$0.span].overlaps(span) }
                && (!settled || span.hint != .none)
        }
        let fuzzy = fuzzyMatches(query, spans: open, pool: nil).filter { trustsFuzzy($0, in: query) }
        if fuzzy.isEmpty { return byExact }
        return decide(exact + fuzzy, in: query)
    }

    /// Whether a near spelling may count as the place, rather than only be suggested: when a
    /// marker announced a name ("desa batur selatn"), or in a short answer where it is close
    /// enough. In a sentence, a word one or two letters from some desa is usually just a word
    /// ("selatan" is not "Sekaan"), so only exact names count there.
    func trustsFuzzy(_ match: SpanMatch, in query: LocationQuery) -> Bool {
        if match.hinted { return true }
        let words = query.tokens.filter { if case .word = $0 { return true } else { return false } }.count
        if words > 3 { return false }
        return match.distance <= 1 || query.spans[match.span].codes.count >= 8
    }

    /// Applies the postcodes of the text to what the names gave.
    private func narrow(_ byName: Resolution?, byPostcodes codes: [Int]) -> Resolution? {
        let coded = Array(Set(codes.flatMap { index.postcodes[$0] ?? [] })).sorted()
        guard !coded.isEmpty else { return byName }
        guard case .places(let refs) = byName else { return byPostcodes(coded) }
        if refs.count == 1, refs[0].desa != nil { return byName }
        let kecamatan = Set(refs.filter(\.isKecamatan).map(\.kecamatan))
        let both = coded.filter { refs.contains($0) || kecamatan.contains($0.kecamatan) }
        if both.isEmpty { return byName }
        if refs.count == 1, both.count > Self.maxListed { return byName }
        return byPostcodes(both)
    }

    private func byPostcodes(_ refs: [PlaceRef]) -> Resolution {
        if refs.count <= Self.maxListed { return .places(refs) }
        let kecamatan = Array(Set(refs.map(\.kecamatan))).sorted()
        if kecamatan.count <= Self.maxListed {
            return .places(kecamatan.map { PlaceRef(kecamatan: $0, desa: nil) })
        }
        return .places(Array(refs.prefix(Self.maxListed)))
    }

    // MARK: - Inside one kecamatan

    func resolution(of text: String, inKecamatan k: Int) -> Resolution {
        let query = LocationQuery(text, index: index)
        guard !query.isEmpty else { return .notFound([]) }
        let spans = query.spans
        let all = exactMatches(query)
        let entries = index.entries
        if all.contains(where: { $0.hinted && entries[$0.entry].isKecamatan && entries[$0.entry].place.kecamatan != k }) {
            return resolution(of: text)
        }
        let poolList = index.desaEntriesByKecamatan[k]
        let pool = Set(poolList)
        let ownName = Set(all.filter { entries[$0.entry].isKecamatan && entries[$0.entry].place.kecamatan == k }.map(\.span))
        let inside = all.filter { pool.contains($0.entry) && spans[$0.span].hint != .kecamatan }
        let away = inside.filter { !ownName.contains($0.span) }

        var result: Resolution?
        // Names that are only near a desa elsewhere ("btur selatan" asked in Susut) are suggested.
        var nearElsewhere: [PlaceRef] = []
        if !away.isEmpty {
            result = decide(away, in: query)
        } else {
            let open = spans.indices.filter { s in
                spans[s].codes.count >= 4 && spans[s].hint != .kecamatan && !index.namePrefixes.contains(spans[s].key)
                    && !all.contains { spans[$0.span].overlaps(spans[s]) }
            }
            let fuzzy = pruned(fuzzyMatches(query, spans: open, pool: nil).filter { !entries[$0.entry].isKecamatan }, in: query)
            result = decide(fuzzy.filter { pool.contains($0.entry) && trustsFuzzy($0, in: query) }, in: query)
                ?? decide(inside, in: query)
            nearElsewhere = fuzzy.sorted { ($0.distance, entries[$0.entry].place) < ($1.distance, entries[$1.entry].place) }
                .map { entries[$0.entry].place }
        }

        let coded = Array(Set(query.postcodes.flatMap { index.postcodes[$0] ?? [] })).filter { $0.kecamatan == k }.sorted()
        if !coded.isEmpty {
            if let current = result {
                if case .places(let refs) = current, refs.count > 1 {
                    let both = refs.filter(coded.contains)
                    if !both.isEmpty { result = .places(both) }
                }
            } else {
                result = .places(Array(coded.prefix(Self.maxListed)))
            }
        }
        if let result { return result }

        let elsewhere = Array(Set(all.map { entries[$0.entry].place }.filter { !$0.isKecamatan && $0.kecamatan != k })).sorted()
        if elsewhere.count >= 2 { return .places(elsewhere) }
        let named = spans.indices.filter { !ownName.contains($0) }.map { spans[$0] }
        var offered = elsewhere
        for ref in nearElsewhere + suggestions(for: named, pool: poolList) where !offered.contains(ref) {
            offered.append(ref)
        }
        return .notFound(offered)
    }
}
