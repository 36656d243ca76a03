import AduanCore
import Foundation

/// Reads a citizen's answer the way a patient call-taker would: yes in its many forms, phone
/// numbers with spaces and dashes, a choice by number or by word. Pure functions.
public enum AnswerParser {
    /// Words for yes.
    public static let yesWords: Set<String> = [
        "ya", "iya", "iyaa", "iye", "y", "ok", "oke", "okay", "okey", "betul", "benar", "bener", "boleh",
        "yes", "yep", "yup", "sip", "siap", "setuju", "mau", "ya benar", "ya betul", "ya boleh",
        // The natural answers to "Sudah benar?" and "Bolehkah …?".
        "sudah", "sdh", "udah", "sudah benar", "sudah betul", "silakan", "silahkan", "bisa", "tentu", "tentu saja",
        "kirim", "lanjut",
    ]
    /// Words for no.
    public static let noWords: Set<String> = [
        "tidak", "tdk", "gak", "ga", "gk", "nggak", "ngga", "enggak", "engga", "ndak", "bukan", "no", "n",
        "nope", "jangan", "tidak mau", "gak mau", "ga mau", "nggak mau", "tidak boleh", "belum", "salah",
    ]
    /// Words that skip an optional question.
    public static let skipWords: Set<String> = [
        "lewati", "lewat", "skip", "tidak ada", "gak ada", "ga ada", "nggak ada", "tidak punya", "kosong",
        "none", "-", "tidak", "gak", "nggak", "no",
    ]

    /// Words that take back what came before them ("ya, tapi lokasinya salah"): an answer with
    /// one of them is neither yes nor no, so the question is asked again.
    public static let reservationWords: Set<String> = ["tapi", "tetapi", "tp", "namun", "kecuali", "but", "except"]
    /// Answers that say "I don't know", whatever their first word.
    public static let unsureAnswers: Set<String> = [
        "tidak tahu", "tidak tau", "gak tahu", "gak tau", "ga tahu", "ga tau", "nggak tahu", "nggak tau",
        "tdk tahu", "tdk tau", "belum tahu", "belum tau", "entah", "don t know", "dont know", "not sure",
    ]

    /// Yes (true), no (false) or neither (nil). The first word counts when the rest is politeness:
    /// "ya, benar" and "tidak, terima kasih" are understood; "ya, tapi …" and "tidak tahu" are not
    /// an answer.
    public static func yesNo(_ text: String) -> Bool? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed == "👍" || trimmed == "👌" { return true }
        if trimmed == "👎" { return false }
        let n = TextMatching.normalize(text)
        if yesWords.contains(n) { return true }
        if noWords.contains(n) { return false }
        let words = n.split(separator: " ").map(String.init)
        guard let first = words.first, words.count <= 6 else { return nil }
        if words.dropFirst().contains(where: reservationWords.contains) { return nil }
        if unsureAnswers.contains(where: { n == $0 || n.hasPrefix($0 + " ") }) { return nil }
        if let two = words.count >= 2 ? first + " " + words[1] : nil {
            if noWords.contains(two) { return false }
            if yesWords.contains(two) { return true }
        }
        if noWords.contains(first) { return false }
        if yesWords.contains(first) { return true }
        return nil
    }

    /// Whether the answer asks to skip an optional question.
    public static func isSkip(_ text: String) -> Bool {
        let raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return raw == "-" || skipWords.contains(TextMatching.normalize(text))
    }

    /// An Indonesian phone number in international form (`+6281234567890`), or nil.
    ///
    /// Accepts `0812-3456-7890`, `0812 3456 7890`, `+62 812 3456 7890`, `62812…`, `(0366) 5501000`.
    public static func phone(_ text: String) -> String? {
        let raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard raw.count <= 40 else { return nil }
        var digits = ""
        for (i, ch) in raw.enumerated() {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else if ch == "+" && i == 0 {
                continue
            } else if " -.()/".contains(ch) {
                continue
            } else {
                return nil
            }
        }
        let national: Substring
        if digits.hasPrefix("62") {
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("0") {
            national = digits.dropFirst(1)
        } else {
            return nil
        }
        // Mobile numbers are 8 (after 0) plus 8-11 digits; landlines an area code plus 5-8 digits.
        guard national.count >= 8, national.count <= 12, national.first != "0" else { return nil }
        return "+62" + national
    }

    /// A number, with `,` or `.` as the decimal mark, or nil.
    public static func number(_ text: String) -> Double? {
        let raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !raw.isEmpty, raw.count <= 30 else { return nil }
        let commas = raw.filter { $0 == "," }.count
        let dots = raw.filter { $0 == "." }.count
        var s = raw
        if commas == 1 && dots == 0 {
            s = raw.replacingOccurrences(of: ",", with: ".")
        } else if dots > 1 && commas == 0 {
            s = raw.replacingOccurrences(of: ".", with: "")  // 1.000.000
        } else if dots >= 1 && commas == 1, let c = raw.firstIndex(of: ","), let d = raw.lastIndex(of: "."), d < c {
            s = raw.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        guard let value = Double(s), value.isFinite else { return nil }
        return value
    }

    /// Which of `options` the answer picks: by its number in the list ("2", "no. 2"), its value, its
    /// text in any language, a synonym, a unique word of its text, or a close spelling. Nil when the
    /// answer fits none or several equally. (The engine keeps a ``ChoiceMatcher`` per question.)
    public static func choice(_ text: String, options: [ChoiceOption]) -> Int? {
        ChoiceMatcher(options).match(text)
    }
}
