import Foundation

/// Forgiving comparison of short names typed by people: place names, menu choices, category labels.
///
/// Everything here is pure. The forms are meant for matching only; never show them to a user.
public enum TextMatching {

    /// The form used for comparing names: lower case, diacritics folded ("é" → "e"),
    /// compatibility forms folded (full-width letters, ligatures), punctuation and symbols
    /// turned into spaces, emoji removed, runs of whitespace collapsed to one space, trimmed.
    ///
    /// `normalize("  Désa  Batur-Selatan!! 🙏")` is `"desa batur selatan"`.
    public static func normalize(_ text: String) -> String {
        // ASCII (most chat messages): decomposition changes nothing, and each byte is a letter or
        // digit to keep (lower-cased) or something that becomes a space. Same result, ~10× faster.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var output: [UInt8] = []
            output.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                    if pendingSpace, !output.isEmpty { output.append(0x20) }
                    pendingSpace = false
                    output.append(lower)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        let folded = text.decomposedStringWithCompatibilityMapping.lowercased()
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            switch classify(scalar) {
            case .keep:
                if pendingSpace, !output.isEmpty { output.append(" ") }
                pendingSpace = false
                output.append(scalar)
            case .drop:
                continue
            case .space:
                pendingSpace = true
            }
        }
        return String(output)
    }

    /// The normalized form without any spaces: `compact("Batur Selatan")` is `"baturselatan"`.
    ///
    /// Use it to compare names that people write with, without or with extra spaces.
    public static func compact(_ text: String) -> String {
        String(normalize(text).unicodeScalars.filter { $0 != " " })
    }

    /// The optimal-string-alignment (restricted Damerau–Levenshtein) distance between two strings,
    /// counted in `Character`s: each insertion, deletion, substitution or swap of two adjacent
    /// characters costs 1. The strings are compared as given; normalize them first if wanted.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let first = Array(a)
        let second = Array(b)
        let bound = max(first.count, second.count)
        return editDistance(first, second, atMost: bound) ?? bound
    }

    /// The optimal-string-alignment distance between two sequences, or `nil` as soon as it is
    /// known to exceed `bound` (so a caller scanning many candidates can stop early).
    @inlinable
    public static func editDistance<Element: Equatable>(
        _ a: [Element], _ b: [Element], atMost bound: Int
    ) -> Int? {
        if bound < 0 { return nil }
        if abs(a.count - b.count) > bound { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rolling rows in one stack buffer: no heap allocation per comparison.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { buffer -> Int? in
            var beforePrevious = buffer.baseAddress!
            var previous = beforePrevious + width
            var current = previous + width
            for j in 0..<width {
                beforePrevious[j] = 0
                previous[j] = j
            }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                let ai = a[i - 1]
                for j in 1...b.count {
                    let cost = ai == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, ai == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, beforePrevious[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                // Every later cell derives from this row or, by a swap, from the previous row
                // plus 1, and the previous row is at least this row's minimum minus 1.
                if rowMinimum > bound { return nil }
                (beforePrevious, previous, current) = (previous, current, beforePrevious)
            }
            let distance = previous[b.count]
            return distance <= bound ? distance : nil
        }
    }

    /// How many edits a typed name of `length` characters (compacted) may contain and still count
    /// as that name: 1 up to 4 characters, 2 up to 8, 3 beyond.
    public static func defaultMaxDistance(forLength length: Int) -> Int {
        switch length {
        case ...4: return 1
        case ...8: return 2
        default: return 3
        }
    }

    /// The candidates closest to `input` for a "did you mean …?" answer, best first.
    ///
    /// Input and candidates are compared in their `compact(_:)` forms with `editDistance(_:_:)`;
    /// equal distances keep the candidates' original order; repeated candidates appear once.
    /// Only candidates within `maxDistance` edits are returned, by default
    /// `defaultMaxDistance(forLength:)` of the compacted input. An empty input matches nothing.
    public static func closest(
        to input: String, among candidates: [String], limit: Int = 5, maxDistance: Int? = nil
    ) -> [String] {
        let key = Array(compact(input))
        guard !key.isEmpty, limit > 0 else { return [] }
        let bound = maxDistance ?? defaultMaxDistance(forLength: key.count)
        var seen = Set<String>()
        var scored: [(distance: Int, index: Int, candidate: String)] = []
        for (index, candidate) in candidates.enumerated() where seen.insert(candidate).inserted {
            let other = Array(compact(candidate))
            if let distance = editDistance(key, other, atMost: bound) {
                scored.append((distance, index, candidate))
            }
        }
        scored.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
        return scored.prefix(limit).map(\.candidate)
    }

    private enum ScalarFate { case keep, drop, space }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarFate {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
            return .keep
        case .nonspacingMark, .enclosingMark, .format:
            // Diacritics, keycap frames, variation selectors, zero-width joiners.
            return .drop
        default:
            if !scalar.isASCII, properties.isEmoji { return .drop }
            return .space
        }
    }
}
