import AduanCore

/// Which of a question's options an answer picks, with the options' names normalized once (when
/// the dialog is loaded) instead of on every answer: a category list of a dozen options with
/// translations and synonyms costs ~100 normalizations per answer otherwise.
///
/// The rules, in order: the option's number in the list ("2", "no. 2"); its value, its text in
/// any language or a synonym, exactly or without spaces; the longest value or synonym that is a
/// word group of the answer ("lampu jalan mati" is street lights, not roads, though "jalan" is a
/// road word); the answer's words all in one option's text; a close spelling of a name. Nil when
/// the answer fits none or several equally.
public struct ChoiceMatcher: Sendable {
    private struct Names: Sendable {
        /// Value, texts (by language) and synonyms, normalized.
        var all: [String]
        /// The same without spaces.
        var compact: [String]
        /// Value and synonyms, normalized, the empty ones left out.
        var keywords: [String]
        /// The words of the texts.
        var textWords: Set<String>
    }

    private let names: [Names]

    /// Words that may stand before an option's number ("pilih 2").
    private static let numberLeadWords: Set<Substring> = ["no", "nomor", "pilih", "pilihan", "angka", "number"]

    /// Prepares the matching for `options`.
    public init(_ options: [ChoiceOption]) {
        names = options.map { option in
            let all = ([option.value] + option.text.translations.values.sorted() + option.synonyms).map(TextMatching.normalize)
            let keywords = ([option.value] + option.synonyms).map(TextMatching.normalize).filter { !$0.isEmpty }
            let textWords = Set(option.text.translations.values.flatMap {
                TextMatching.normalize($0).split(separator: " ").map(String.init)
            })
            return Names(all: all, compact: all.map { $0.replacingOccurrences(of: " ", with: "") }, keywords: keywords,
                         textWords: textWords)
        }
    }

    /// The index of the option the answer picks, or nil.
    public func match(_ text: String) -> Int? {
        let n = TextMatching.normalize(text)
        guard !n.isEmpty, n.count <= 200 else { return nil }
        // By number.
        let numberWords = n.split(separator: " ").filter { !Self.numberLeadWords.contains($0) }
        if numberWords.count == 1, let k = Int(numberWords[0]) {
            return k >= 1 && k <= names.count ? k - 1 : nil
        }
        // Exactly, or without spaces.
        let compact = TextMatching.compact(text)
        if let i = Self.unique(names.indices.filter { names[$0].all.contains(n) }) { return i }
        if let i = Self.unique(names.indices.filter { names[$0].compact.contains(compact) }) { return i }
        // The longest value or synonym among the answer's words wins.
        let padded = " " + n + " "
        var longest: (index: Int, length: Int, tie: Bool)?
        for (i, option) in names.enumerated() {
            guard let length = option.keywords.filter({ padded.contains(" " + $0 + " ") }).map(\.count).max() else { continue }
            if let l = longest {
                if length > l.length { longest = (i, length, false) } else if length == l.length { longest?.tie = true }
            } else {
                longest = (i, length, false)
            }
        }
        if let longest, !longest.tie { return longest.index }
        // The answer's words all occur in one option's text.
        let answerWords = Set(n.split(separator: " ").map(String.init))
        let byWords = names.indices.filter { i in
            !answerWords.isEmpty && answerWords.allSatisfy { w in w.count >= 3 && names[i].textWords.contains(w) }
        }
        if let i = Self.unique(byWords) { return i }
        // A close spelling of a name (not for one or two letters: "ok" is not "kk").
        guard compact.count > 2 else { return nil }
        var best: (index: Int, distance: Int)?
        var tie = false
        for (i, option) in names.enumerated() {
            for (name, squeezed) in zip(option.all, option.compact) where !name.isEmpty {
                let d = TextMatching.editDistance(compact, squeezed)
                let allowed = name.count <= 4 ? 1 : (name.count <= 8 ? 2 : 3)
                guard d <= allowed else { continue }
                if let b = best {
                    if d < b.distance { best = (i, d); tie = false }
                    else if d == b.distance && b.index != i { tie = true }
                } else {
                    best = (i, d)
                }
            }
        }
        if let best, !tie { return best.index }
        return nil
    }

    private static func unique(_ indices: [Int]) -> Int? {
        indices.count == 1 ? indices[0] : nil
    }
}
