import AduanCore

/// Everything the resolver looks up, computed once per gazetteer: every spelling of every name
/// in compact form, by key and by length, the postcodes, and the words that must not be taken
/// for filler because they occur in names.
struct NameIndex: Sendable {
    let gazetteer: Gazetteer
    /// All spellings of all kecamatan and desa names.
    let entries: [NameEntry]
    /// Compact key → indices into `entries`.
    let exact: [String: [Int]]
    /// Length of the compact key → indices into `entries`.
    let byLength: [Int: [Int]]
    /// Per kecamatan, the indices into `entries` of its desa's spellings.
    let desaEntriesByKecamatan: [[Int]]
    /// Compact kecamatan name → kecamatan index.
    let kecamatanByKey: [String: Int]
    /// Postcode → the desa with that postcode, in gazetteer order.
    let postcodes: [Int: [PlaceRef]]
    /// Compact regency name without "Kabupaten"/"Kota" ("bangli").
    let regencyKey: String
    /// Compact province name ("bali").
    let provinceKey: String
    /// Every normalized word that occurs in some name.
    let nameWords: Set<String>
    /// The first words of longer names, run together ("batur" of "Batur Selatan"): a span that
    /// spells one is the start of a name, not a typo of another name.
    let namePrefixes: Set<String>
    /// The most words a query span may have (the longest name plus one, for a stray space).
    let maxSpanWords: Int
    /// Every proper prefix (of at least 3 characters) of every compact key → indices into
    /// `entries` of the longer names it starts.
    let prefixes: [String: [Int]]

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        var entries: [NameEntry] = []
        var desaEntries: [[Int]] = []
        var kecamatanByKey: [String: Int] = [:]
        var postcodes: [Int: [PlaceRef]] = [:]
        var nameWords = Set<String>()
        var namePrefixes = Set<String>()
        var maxWords = 1

        func add(_ name: String, _ place: PlaceRef) -> [Int] {
            var added: [Int] = []
            var keys = Set<String>()
            for spelling in Self.spellings(of: name) {
                let normalized = TextMatching.normalize(spelling)
                let key = normalized.replacingOccurrences(of: " ", with: "")
                guard !key.isEmpty, keys.insert(key).inserted else { continue }
                let words = normalized.split(separator: " ").map(String.init)
                nameWords.formUnion(words)
                for count in words.indices.dropLast() { namePrefixes.insert(words[...count].joined()) }
                maxWords = max(maxWords, words.count)
                added.append(entries.count)
                entries.append(NameEntry(place: place, key: key, codes: NameEntry.codes(of: key)))
            }
            return added
        }

        for (k, kecamatan) in gazetteer.kecamatan.enumerated() {
            _ = add(kecamatan.name, PlaceRef(kecamatan: k, desa: nil))
            let key = TextMatching.compact(kecamatan.name)
            if kecamatanByKey[key] == nil { kecamatanByKey[key] = k }
            var own: [Int] = []
            for (d, desa) in kecamatan.desa.enumerated() {
                let place = PlaceRef(kecamatan: k, desa: d)
                own += add(desa.name, place)
                if let postcode = desa.postcode { postcodes[postcode, default: []].append(place) }
            }
            desaEntries.append(own)
        }

        var exact: [String: [Int]] = [:]
        var byLength: [Int: [Int]] = [:]
        var prefixes: [String: [Int]] = [:]
        for (i, entry) in entries.enumerated() {
            exact[entry.key, default: []].append(i)
            let characters = Array(entry.key)
            byLength[characters.count, default: []].append(i)
            for length in stride(from: 3, to: characters.count, by: 1) {
                prefixes[String(characters[..<length]), default: []].append(i)
            }
        }
        self.prefixes = prefixes
        self.entries = entries
        self.exact = exact
        self.byLength = byLength
        self.desaEntriesByKecamatan = desaEntries
        self.kecamatanByKey = kecamatanByKey
        self.postcodes = postcodes
        self.nameWords = nameWords
        self.namePrefixes = namePrefixes
        self.maxSpanWords = min(maxWords + 1, 6)

        let regencyWords = TextMatching.normalize(gazetteer.regency).split(separator: " ").map(String.init)
        let bare = regencyWords.drop { ["kabupaten", "kab", "kota", "kotamadya"].contains($0) }
        self.regencyKey = bare.isEmpty ? regencyWords.joined() : bare.joined()
        self.provinceKey = TextMatching.compact(gazetteer.province)
    }

    /// The spellings a name is known by: the name itself and, for "Jalenjaya (Jejalenjaya)",
    /// the part outside the parentheses and each part inside.
    static func spellings(of name: String) -> [String] {
        guard name.contains("(") else { return [name] }
        var outside = ""
        var inside: [String] = []
        var current = ""
        var depth = 0
        for character in name {
            switch character {
            case "(":
                if depth == 0 { outside += " " } else { current.append(character) }
                depth += 1
            case ")" where depth > 0:
                depth -= 1
                if depth == 0 { inside.append(current); current = "" } else { current.append(character) }
            default:
                if depth == 0 { outside.append(character) } else { current.append(character) }
            }
        }
        if !current.isEmpty { inside.append(current) }
        return [name, outside] + inside
    }

    /// The public form of a place.
    func place(_ ref: PlaceRef) -> Place {
        let kecamatan = gazetteer.kecamatan[ref.kecamatan]
        return Place(kecamatan: kecamatan.name, desa: ref.desa.map { kecamatan.desa[$0].name })
    }
}
