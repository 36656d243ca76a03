import AduanCore

/// A command that works in every state.
enum GlobalCommand: Hashable {
    case cancel
    case back
    case restart
    case help
    /// Status of one case (its tracking number as typed) or of all.
    case status(String?)
    /// Change to this language code.
    case language(String)
    /// *bahasa* without a known language.
    case languageOptions
}

/// The command words, normalised once for matching.
struct NormalizedCommandWords: Sendable {
    let cancel: Set<String>
    let back: Set<String>
    let restart: Set<String>
    let help: Set<String>
    let status: [String]
    let language: [String]

    init(_ words: CommandWords) {
        func norm(_ list: [String]) -> [String] {
            list.map { $0 == "?" ? "?" : TextMatching.normalize($0) }.filter { !$0.isEmpty }
        }
        cancel = Set(norm(words.cancel))
        back = Set(norm(words.back))
        restart = Set(norm(words.restart))
        help = Set(norm(words.help))
        status = norm(words.status).sorted { $0.count > $1.count }
        language = norm(words.language).sorted { $0.count > $1.count }
    }

    /// The command `text` is, if it is one.
    func parse(_ text: String, trackingPrefix: String, languages: [String]) -> GlobalCommand? {
        guard text.count <= 80 else { return nil }
        if text.contains("?") && text.trimmingCharacters(in: .whitespaces) == "?" && help.contains("?") { return .help }
        let n = TextMatching.normalize(text)
        guard !n.isEmpty else { return nil }
        if cancel.contains(n) { return .cancel }
        if back.contains(n) { return .back }
        if restart.contains(n) { return .restart }
        if help.contains(n) { return .help }
        for word in status {
            if n == word { return .status(nil) }
            if n.hasPrefix(word + " ") {
                let rest = String(n.dropFirst(word.count + 1))
                if TrackingNumber.looksLikeTrackingNumber(rest) { return .status(TrackingNumber.normalized(rest)) }
            }
        }
        let compact = TrackingNumber.normalized(text)
        let prefix = trackingPrefix.uppercased()
        if !prefix.isEmpty, compact.hasPrefix(prefix), compact.count == prefix.count + 6,
           TrackingNumber.looksLikeTrackingNumber(compact) {
            return .status(compact)
        }
        for word in language {
            if n == word { return .languageOptions }
            if n.hasPrefix(word + " ") {
                let rest = String(n.dropFirst(word.count + 1))
                if let code = Self.languageCode(rest), languages.contains(code) { return .language(code) }
                return .languageOptions
            }
        }
        // A bare language name, written out in full ("english", "bahasa indonesia").
        if n.count >= 7, let code = Self.languageCode(n), languages.contains(code) { return .language(code) }
        return nil
    }

    static func languageCode(_ name: String) -> String? {
        for (code, names) in CommandWords.languageNames where names.contains(name) || code == name {
            return code
        }
        return nil
    }
}
