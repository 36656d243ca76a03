import AduanCore

/// Picking one place from a list the bot offered.
extension LocationResolver {

    /// Pick from a previously offered list: "2", or a kecamatan/desa name that singles one out ("susut").
    ///
    /// Numbers count from 1 and may come with words like "no.", "nomor", "pilihan", "yang ke-";
    /// Indonesian and English number words ("dua", "kedua", "second") work when no offered name
    /// matches the word (Bangli has a desa "Tiga"). A name picks the candidate that it matches on
    /// most (desa and kecamatan); "desa …" and "kec …" say which. Small typos are forgiven when
    /// nothing matches exactly. Nil when nothing, or more than one candidate equally, fits.
    public func choose(_ text: String, among candidates: [Place]) -> Place? {
        guard !candidates.isEmpty else { return nil }
        let words = TextMatching.normalize(text).split(separator: " ").map(String.init)
        let meaningful = words.filter { !Self.choiceFillers.contains($0) }
        let range = 1...candidates.count
        if meaningful.count == 1, meaningful[0].allSatisfy(\.isASCII), let number = Int(meaningful[0]) {
            return range.contains(number) ? candidates[number - 1] : nil
        }
        let query = LocationQuery(text, index: index)
        if let byName = choose(query, among: candidates, fuzzy: false) { return byName }
        if meaningful.count == 1, let number = Self.numberWords[meaningful[0]] {
            return range.contains(number) ? candidates[number - 1] : nil
        }
        return choose(query, among: candidates, fuzzy: true)
    }

    private func choose(_ query: LocationQuery, among candidates: [Place], fuzzy: Bool) -> Place? {
        func names(_ spans: [LocationQuery.Span], _ name: String) -> Bool {
            let keys = NameIndex.spellings(of: name).map { NameEntry.codes(of: TextMatching.compact($0)) }
            return spans.contains { span in
                keys.contains { key in
                    if span.codes == key { return true }
                    guard fuzzy, span.codes.count >= 4 else { return false }
                    let bound = min(
                        TextMatching.defaultMaxDistance(forLength: span.codes.count),
                        TextMatching.defaultMaxDistance(forLength: key.count))
                    return TextMatching.editDistance(span.codes, key, atMost: bound) != nil
                }
            }
        }
        let desaSpans = query.spans.filter { $0.hint != .kecamatan }
        let kecamatanSpans = query.spans.filter { $0.hint != .desa }
        var best = 0
        var chosen: [Place] = []
        for candidate in candidates {
            var score = 0
            if let desa = candidate.desa, names(desaSpans, desa) { score += 1 }
            if names(kecamatanSpans, candidate.kecamatan) { score += 1 }
            guard score > 0, score >= best else { continue }
            if score > best { chosen.removeAll() }
            best = score
            if !chosen.contains(candidate) { chosen.append(candidate) }
        }
        return chosen.count == 1 ? chosen[0] : nil
    }

    static let choiceFillers: Set<String> = [
        "no", "nomor", "nomer", "nmr", "nr", "pilihan", "pilih", "opsi", "yang", "ke", "angka", "urutan",
        "saya", "aku", "mau", "itu", "number", "option", "choice", "choose", "the", "i",
    ]

    static let numberWords: [String: Int] = [
        "satu": 1, "pertama": 1, "kesatu": 1, "one": 1, "first": 1,
        "dua": 2, "kedua": 2, "two": 2, "second": 2,
        "tiga": 3, "ketiga": 3, "three": 3, "third": 3,
        "empat": 4, "keempat": 4, "four": 4, "fourth": 4,
        "lima": 5, "kelima": 5, "five": 5, "fifth": 5,
        "enam": 6, "keenam": 6, "six": 6, "sixth": 6,
        "tujuh": 7, "ketujuh": 7, "seven": 7, "seventh": 7,
        "delapan": 8, "kedelapan": 8, "eight": 8, "eighth": 8,
        "sembilan": 9, "kesembilan": 9, "nine": 9, "ninth": 9,
        "sepuluh": 10, "kesepuluh": 10, "ten": 10, "tenth": 10,
    ]
}
