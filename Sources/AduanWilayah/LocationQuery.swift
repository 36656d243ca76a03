import AduanCore

/// A citizen's text cut into words, with the words that say what follows ("desa", "kec"), filler
/// ("di", "jalan"), mentions of the regency or province ("kabupaten bangli"), postcodes, and the
/// spans of consecutive words that may name a place.
struct LocationQuery: Sendable {
    /// What a word of the text is.
    enum Token: Sendable, Equatable {
        case word(String)
        case desaMarker
        case kecamatanMarker
        case breaker
        case postcode(Int)
    }

    /// What the word before a span says the span names.
    enum Hint: Sendable, Equatable {
        case none, desa, kecamatan
    }

    /// Consecutive words `start..<end` of `tokens` that may name a place.
    struct Span: Sendable {
        var start: Int
        var end: Int
        var hint: Hint
        /// The words run together (compact form).
        var key: String
        /// `key` as `NameEntry.codes(of:)`.
        var codes: [UInt32]

        func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

        func strictlyContains(_ other: Span) -> Bool {
            start <= other.start && other.end <= end && end - start > other.end - other.start
        }
    }

    /// Only the first words of a text are read: a place is named early, and this bounds the work.
    static let maxWords = 64

    static let desaMarkers: Set<String> = ["desa", "ds", "dsa", "kel", "kelurahan", "village"]
    static let kecamatanMarkers: Set<String> = ["kec", "kecamatan", "kc", "kcmtn", "district", "subdistrict"]
    static let regencyMarkers: Set<String> = ["kabupaten", "kab", "kabupatan", "kota", "kotamadya", "regency", "city"]
    static let provinceMarkers: Set<String> = ["provinsi", "prov", "propinsi", "province"]
    static let fillers: Set<String> = Set([
        "di", "ke", "dari", "daerah", "wilayah", "lokasi", "lokasinya", "alamat", "alamatnya", "dekat",
        "depan", "belakang", "samping", "sebelah", "sekitar", "dan", "atau", "yang", "jalan", "jl", "jln",
        "gang", "gg", "rt", "rw", "dusun", "dsn", "banjar", "kampung", "kp", "tinggal", "saya", "aku", "ini",
        "itu", "tepatnya", "area", "kawasan", "in", "at", "near", "the", "of",
        // Replies that are not places, so that they are never taken for a near spelling of one
        // ("tidak" is two letters from Piyak).
        "ya", "iya", "tidak", "tdk", "gak", "ga", "nggak", "enggak", "bukan", "ok", "oke", "boleh", "mau",
        "tau", "tahu", "sudah", "udah", "belum", "salah", "benar", "betul", "rusak", "mati", "lapor", "aduan",
        "mengadu", "halo", "hallo", "pagi", "siang", "sore", "malam", "terima", "kasih", "makasih", "no", "yes",
    ]).union(regencyMarkers).union(provinceMarkers)

    let tokens: [Token]
    let spans: [Span]
    let postcodes: [Int]

    /// True when the text holds nothing to look up.
    var isEmpty: Bool { spans.isEmpty && postcodes.isEmpty }

    init(_ text: String, index: NameIndex) {
        let words = TextMatching.normalize(text).split(separator: " ").prefix(Self.maxWords).map(String.init)
        var tokens: [Token] = []
        var postcodes: [Int] = []
        var i = 0
        while i < words.count {
            let word = words[i]
            if Self.regencyMarkers.contains(word),
               let length = Self.phraseLength(words, from: i + 1, key: index.regencyKey) {
                tokens.append(.breaker)
                i += 1 + length
                continue
            }
            if Self.provinceMarkers.contains(word),
               let length = Self.phraseLength(words, from: i + 1, key: index.provinceKey) {
                tokens.append(.breaker)
                i += 1 + length
                continue
            }
            tokens.append(Self.classify(word, index: index))
            if case .postcode(let code) = tokens.last { postcodes.append(code) }
            i += 1
        }
        self.tokens = tokens
        self.postcodes = postcodes
        self.spans = Self.spans(of: tokens, maxWords: index.maxSpanWords)
    }

    private static func classify(_ word: String, index: NameIndex) -> Token {
        if word.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            if word.unicodeScalars.count == 5, let code = Int(word) { return .postcode(code) }
            return .breaker
        }
        let isNameWord = index.nameWords.contains(word)
        if desaMarkers.contains(word) { return .desaMarker }
        if kecamatanMarkers.contains(word) { return .kecamatanMarker }
        if !isNameWord {
            if fillers.contains(word) { return .breaker }
            // Misspelt markers: "kecamtan", "kelurhan".
            let characters = Array(word)
            if characters.count >= 7 {
                if TextMatching.editDistance(characters, Array("kecamatan"), atMost: 2) != nil { return .kecamatanMarker }
                if TextMatching.editDistance(characters, Array("kelurahan"), atMost: 2) != nil { return .desaMarker }
            }
        }
        return .word(word)
    }

    /// How many words from `start` spell `key` when run together (at most 4), or nil.
    private static func phraseLength(_ words: [String], from start: Int, key: String) -> Int? {
        guard !key.isEmpty else { return nil }
        var joined = ""
        var i = start
        while i < words.count, i < start + 4 {
            joined += words[i]
            i += 1
            if joined == key { return i - start }
            if !key.hasPrefix(joined) { return nil }
        }
        return nil
    }

    private static func spans(of tokens: [Token], maxWords: Int) -> [Span] {
        var spans: [Span] = []
        var i = 0
        while i < tokens.count {
            guard case .word = tokens[i] else { i += 1; continue }
            let runStart = i
            var runWords: [String] = []
            while i < tokens.count, case .word(let word) = tokens[i] {
                runWords.append(word)
                i += 1
            }
            var hint = Hint.none
            if runStart > 0 {
                if tokens[runStart - 1] == .desaMarker { hint = .desa }
                if tokens[runStart - 1] == .kecamatanMarker { hint = .kecamatan }
            }
            for first in 0..<runWords.count {
                var key = ""
                for last in first..<min(runWords.count, first + maxWords) {
                    key += runWords[last]
                    spans.append(Span(
                        start: runStart + first, end: runStart + last + 1,
                        hint: first == 0 ? hint : .none, key: key, codes: NameEntry.codes(of: key)))
                }
            }
        }
        return spans
    }
}
