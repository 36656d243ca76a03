import AduanCore

/// Matching spans of a query against the names, and deciding what the matches mean.
extension LocationResolver {

    /// Spans whose compact form is exactly a name's compact form.
    func exactMatches(_ query: LocationQuery) -> [SpanMatch] {
        var result: [SpanMatch] = []
        for (s, span) in query.spans.enumerated() {
            guard let ids = index.exact[span.key] else { continue }
            result += preferringHint(ids.map { match(span: s, entry: $0, distance: 0, hint: span.hint) }, span.hint)
        }
        return result
    }

    /// For each of `spanIndices`, the names nearest to it within the allowed edits (which grow
    /// with the length of both the span and the name). `pool` limits the names searched.
    func fuzzyMatches(_ query: LocationQuery, spans spanIndices: [Int], pool: [Int]?) -> [SpanMatch] {
        var result: [SpanMatch] = []
        for s in spanIndices {
            let span = query.spans[s]
            let length = span.codes.count
            guard length >= 4 else { continue }
            let limit = TextMatching.defaultMaxDistance(forLength: length)
            let candidates: [Int]
            if let pool {
                candidates = pool.filter { abs(index.entries[$0].codes.count - length) <= limit }
            } else {
                candidates = (max(1, length - limit)...(length + limit)).flatMap { index.byLength[$0] ?? [] }
            }
            var best = limit
            var found: [SpanMatch] = []
            for e in candidates {
                let entry = index.entries[e]
                let bound = min(best, TextMatching.defaultMaxDistance(forLength: entry.codes.count))
                guard let distance = TextMatching.editDistance(span.codes, entry.codes, atMost: bound) else {
                    continue
                }
                if distance < best {
                    found.removeAll()
                    best = distance
                }
                found.append(match(span: s, entry: e, distance: distance, hint: span.hint))
            }
            result += preferringHint(found, span.hint)
        }
        return result
    }

    /// What a set of matches means: a desa with its kecamatan in another span, one or more
    /// equally good places, or a desa that contradicts the kecamatan named with it.
    func decide(_ input: [SpanMatch], in query: LocationQuery) -> Resolution? {
        guard !input.isEmpty else { return nil }
        let spans = query.spans
        let entries = index.entries
        func isDesa(_ m: SpanMatch) -> Bool { !entries[m.entry].isKecamatan }
        func place(_ m: SpanMatch) -> PlaceRef { entries[m.entry].place }

        var matches = pruned(input, in: query)
        // "abuan, bangli": a bare regency name next to a desa is the regency, not the kecamatan.
        let withRegency = matches
        matches.removeAll { m in
            !isDesa(m) && !m.hinted && entries[m.entry].key == index.regencyKey
                && withRegency.contains { isDesa($0) && !spans[$0.span].overlaps(spans[m.span]) }
        }

        // A desa and its kecamatan in separate spans.
        var bestPair: (distance: Int, covered: Int)?
        var paired: [PlaceRef] = []
        for d in matches where isDesa(d) {
            for k in matches where !isDesa(k) {
                guard place(d).kecamatan == place(k).kecamatan, !spans[d.span].overlaps(spans[k.span]) else { continue }
                let distance = d.distance + k.distance
                let covered = spans[d.span].codes.count + spans[k.span].codes.count
                if let best = bestPair, (best.distance, -best.covered) < (distance, -covered) { continue }
                if let best = bestPair, best.distance == distance, best.covered == covered {
                    paired.append(place(d))
                } else {
                    bestPair = (distance, covered)
                    paired = [place(d)]
                }
            }
        }
        if !paired.isEmpty { return .candidates(paired) }

        let groups = SpanGroup.groups(of: matches, entries: entries)
        guard let minimum = groups.map(\.distance).min() else { return nil }

        // A desa and a kecamatan that do not go together: ask, or suggest.
        let firm = groups.filter { $0.distance == 0 || $0.hinted }
        let desaOnly = firm.filter(\.kecamatan.isEmpty)
        if let desaMinimum = desaOnly.map(\.distance).min() {
            let bestDesa = desaOnly.filter { $0.distance == desaMinimum }
            let kecamatanGroups = firm.filter { !$0.kecamatan.isEmpty }.sorted { ($0.distance, $0.span) < ($1.distance, $1.span) }
            for group in kecamatanGroups {
                let apart = bestDesa.filter { !spans[$0.span].overlaps(spans[group.span]) }
                guard !apart.isEmpty, let kecamatan = group.kecamatan.min()?.kecamatan else { continue }
                return conflict(apart.flatMap(\.desa), kecamatan: kecamatan, spans: apart.map { spans[$0.span] })
            }
        }

        // Equally good places, in any span.
        var refs: [PlaceRef] = []
        for group in groups where group.distance == minimum {
            let kecamatan = Set(group.kecamatan.map(\.kecamatan))
            refs += group.kecamatan
            refs += group.desa.filter { !kecamatan.contains($0.kecamatan) }
        }
        return .candidates(refs)
    }

    /// Drops the matches that other matches outdo.
    func pruned(_ input: [SpanMatch], in query: LocationQuery) -> [SpanMatch] {
        let spans = query.spans
        let entries = index.entries
        func isDesa(_ m: SpanMatch) -> Bool { !entries[m.entry].isKecamatan }
        var matches = input
        // "desa X …": once a marker announced a desa (or kecamatan), unannounced ones are noise.
        if matches.contains(where: { $0.hinted && isDesa($0) }) { matches.removeAll { isDesa($0) && !$0.hinted } }
        if matches.contains(where: { $0.hinted && !isDesa($0) }) { matches.removeAll { !isDesa($0) && !$0.hinted } }
        // "batur selatan" beats a name matched by a part of it, and "btur selatn" (2 edits) beats
        // "selatn" (1 edit from "Selat"): each extra edit must buy at least 3 more characters.
        let before = matches
        matches.removeAll { m in
            before.contains { n in
                let outer = spans[n.span], inner = spans[m.span]
                return outer.strictlyContains(inner)
                    && 3 * (n.distance - m.distance) <= outer.codes.count - inner.codes.count
            }
        }
        return matches
    }

    /// A desa named together with a kecamatan it is not in.
    private func conflict(_ desa: [PlaceRef], kecamatan: Int, spans: [LocationQuery.Span]) -> Resolution {
        let elsewhere = Array(Set(desa)).sorted()
        if elsewhere.count >= 2 { return .places(elsewhere) }
        let near = suggestions(for: spans, pool: index.desaEntriesByKecamatan[kecamatan]).filter { !elsewhere.contains($0) }
        return .notFound(elsewhere + near)
    }

    /// The places whose names are closest to any of `spans`, best first: names that start with
    /// the span, then by edit distance (up to half the span's length, 2 to 3 edits).
    func suggestions(for spans: [LocationQuery.Span], pool: [Int]?) -> [PlaceRef] {
        var best: [PlaceRef: Int] = [:]
        let allowed = pool.map(Set.init)
        func offer(_ e: Int, _ score: Int) {
            guard allowed?.contains(e) ?? true else { return }
            let place = index.entries[e].place
            if score < best[place] ?? .max { best[place] = score }
        }
        for span in spans {
            let length = span.codes.count
            guard length >= 3 else { continue }
            for e in index.prefixes[span.key] ?? [] { offer(e, 1) }
            let bound = min(3, max(2, length / 2))
            for other in max(1, length - bound)...(length + bound) {
                for e in index.byLength[other] ?? [] where allowed?.contains(e) ?? true {
                    if let distance = TextMatching.editDistance(span.codes, index.entries[e].codes, atMost: bound) {
                        offer(e, 2 * distance)
                    }
                }
            }
        }
        var ordered = best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        // "Kecamatan Kintamani" already leads to desa Kintamani; do not offer both.
        let kecamatanOffered = Set(ordered.filter(\.isKecamatan).map(\.kecamatan))
        ordered.removeAll { ref in
            guard let d = ref.desa, kecamatanOffered.contains(ref.kecamatan) else { return false }
            let kecamatan = index.gazetteer.kecamatan[ref.kecamatan]
            return TextMatching.compact(kecamatan.desa[d].name) == TextMatching.compact(kecamatan.name)
        }
        return Array(ordered.prefix(Self.maxSuggestions))
    }

    private func match(span: Int, entry: Int, distance: Int, hint: LocationQuery.Hint) -> SpanMatch {
        let isKecamatan = index.entries[entry].isKecamatan
        let hinted = (hint == .desa && !isKecamatan) || (hint == .kecamatan && isKecamatan)
        return SpanMatch(span: span, entry: entry, distance: distance, hinted: hinted)
    }

    /// After "desa" keep only desa (after "kec" only kecamatan), when there are any.
    private func preferringHint(_ matches: [SpanMatch], _ hint: LocationQuery.Hint) -> [SpanMatch] {
        guard hint != .none, matches.contains(where: \.hinted) else { return matches }
        return matches.filter(\.hinted)
    }
}
