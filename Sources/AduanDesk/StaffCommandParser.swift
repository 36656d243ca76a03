import AduanCore

/// What a message in a staff channel is, as far as the bot is concerned.
public enum StaffParse: Sendable, Hashable {
    /// A command the bot can carry out (or refuse for reasons of the case's state or the
    /// staff member's rights, which the parser does not know).
    case command(StaffCommand)
    /// A command word with missing or unreadable arguments. `problem` says what is wrong, in
    /// Indonesian then English: `Kode aduan tidak ada. / The tracking number is missing.`;
    /// answer it with ``StaffHelp/usage(_:language:)`` of the verb.
    case malformed(StaffVerb, problem: String)
    /// Ordinary chatter in the channel: the bot stays silent.
    case notACommand
}

/// Reads staff commands (pure).
///
/// A command is a verb (one of ``StaffVerb/words``, any case, an optional trailing `:`)
/// followed by its arguments, separated by spaces:
///
/// ```
/// ambil BGL-K7M-4QX
/// !tunda bgl k7m 4qx 15 des menunggu pengadaan aspal
/// aduan: tolak BGLK7M4QX jalan nasional | BPJN Bali
/// ```
///
/// - The message may start with `!` (`!ambil …`, `! ambil …`), or with one word ending in `:`
///   or `,` addressing the bot (`aduan: ambil …`) when the next word is a verb.
/// - A message whose first word is not a verb is ``StaffParse/notACommand``; a verb with missing
///   or unreadable arguments is ``StaffParse/malformed(_:problem:)``.
/// - Tracking numbers are a prefix of 2 to 4 letters and six code characters, typed in any case,
///   with or without dashes, or in two or three words (`BGL K7M 4QX`); they come back in the form
///   of `TrackingNumber.normalized(_:)` (`BGLK7M4QX`).
/// - Free text (replies, notes, reasons, reports) is kept as typed, trimmed.
public enum StaffCommandParser {

    /// Reads `text`, a message said in a staff channel. `today` is the bot's local date: dates
    /// like `15/12` or `3 hari` count from it, and a `tunda` date before it is refused.
    public static func parse(_ text: String, today: LocalDate) -> StaffParse {
        let tokens = text.split(whereSeparator: \.isWhitespace)
        guard !tokens.isEmpty else { return .notACommand }
        let verb: StaffVerb
        let start: Int
        if let found = leadingVerb(tokens, from: 0) {
            (verb, start) = found
        } else if isAddress(tokens[0]), let found = leadingVerb(tokens, from: 1) {
            (verb, start) = found
        } else {
            return .notACommand
        }
        var arguments = Arguments(text: text, tokens: tokens, position: start)
        do {
            return .command(try arguments.command(verb, today: today))
        } catch {
            return .malformed(verb, problem: error.text)
        }
    }

    /// The verb at `index` (after a lone `!` there, if any), and the index of the word after it.
    private static func leadingVerb(_ tokens: [Substring], from index: Int) -> (StaffVerb, Int)? {
        var index = index
        if index < tokens.count, tokens[index] == "!" { index += 1 }
        guard index < tokens.count, let verb = StaffVerb(word: String(tokens[index])) else { return nil }
        return (verb, index + 1)
    }

    /// `aduan:`, `aduan,` or a mention (`@aduan`, `@aduan:example.org`).
    private static func isAddress(_ token: Substring) -> Bool {
        if token.first == "@" { return token.count > 1 }
        guard let last = token.last, last == ":" || last == "," else { return false }
        return token.dropLast().contains { $0.isLetter || $0.isNumber }
    }

    /// Whether a normalized text is a tracking number of a desk: `looksLikeTrackingNumber` with
    /// a prefix of 2 to 4 letters (bot prefixes are 2 to 4 capital letters).
    static func isTrackingNumber(_ normalized: String) -> Bool {
        (8...10).contains(normalized.count) && TrackingNumber.looksLikeTrackingNumber(normalized)
    }
}

/// A problem with a command's arguments, in Indonesian then English.
private struct Problem: Error {
    var text: String
    init(_ id: String, _ en: String) { text = id + " / " + en }

    static let missingTracking = Problem("Kode aduan tidak ada.", "The tracking number is missing.")

    static func notTracking(_ typed: Substring) -> Problem {
        Problem("\"\(typed)\" bukan kode aduan; kode aduan seperti BGL-K7M-4QX.",
                "\"\(typed)\" is not a tracking number; they look like BGL-K7M-4QX.")
    }
}

/// The words after the verb, read from left to right.
private struct Arguments {
    let text: String
    let tokens: [Substring]
    var position: Int

    var isAtEnd: Bool { position >= tokens.count }

    /// The text from the current word to the end, as typed, trimmed; empty at the end.
    var rest: String {
        guard position < tokens.count else { return "" }
        return String(text[tokens[position].startIndex...]).trimmed
    }

    /// The current word, lower case, without punctuation around it.
    var word: String? {
        position < tokens.count ? tokens[position].lowercased().trimmingPunctuation : nil
    }

    mutating func skip(_ fillers: Set<String>, atMost limit: Int = 1) {
        var skipped = 0
        while skipped < limit, let word, fillers.contains(word) {
            position += 1
            skipped += 1
        }
    }

    /// The command `verb` makes of the words from the current one on.
    mutating func command(_ verb: StaffVerb, today: LocalDate) throws(Problem) -> StaffCommand {
        switch verb {
        case .help:
            guard let word else { return .help(nil) }
            guard let topic = StaffVerb(word: word) else {
                throw Problem("Perintah \"\(tokens[position])\" tidak dikenal.", "Unknown command \"\(tokens[position])\".")
            }
            return .help(topic)
        case .take:
            return .take(try singleTracking())
        case .show:
            return .show(try singleTracking())
        case .verify:
            return .verify(try tracking(), note: rest.nilIfEmpty)
        case .start:
            return .start(try tracking(), note: rest.nilIfEmpty)
        case .reopen:
            return .reopen(try tracking(), reason: rest.nilIfEmpty)
        case .close:
            return .close(try tracking(), note: rest.nilIfEmpty)
        case .reply:
            let tracking = try tracking()
            return .reply(tracking, text: try required(
                Problem("Teks balasan untuk pelapor tidak ada.", "The reply to the citizen is missing.")))
        case .ask:
            let tracking = try tracking()
            return .ask(tracking, question: try required(
                Problem("Pertanyaan untuk pelapor tidak ada.", "The question to the citizen is missing.")))
        case .note:
            let tracking = try tracking()
            return .note(tracking, text: try required(Problem("Teks catatan tidak ada.", "The note is missing.")))
        case .resolve:
            let tracking = try tracking()
            return .resolve(tracking, report: try required(
                Problem("Laporan penanganan tidak ada (apa yang sudah dikerjakan).",
                        "The handling report (what was done) is missing.")))
        case .contact:
            let tracking = try tracking()
            return .contact(tracking, reason: try required(
                Problem("Alasan membuka nomor telepon tidak ada (alasan ini dicatat).",
                        "The reason for revealing the phone number is missing (it is recorded).")))
        case .reject:
            return try reject()
        case .forward:
            return try forward()
        case .wait:
            return try wait(today: today)
        case .duplicate:
            return try duplicate()
        case .list:
            return .list(try filter())
        }
    }

    // MARK: Tracking numbers

    /// The tracking number at the current word, typed in one to three words.
    mutating func tracking(missing: Problem = .missingTracking) throws(Problem) -> String {
        guard position < tokens.count else { throw missing }
        guard let found = trackingNumber(at: position) else { throw Problem.notTracking(tokens[position]) }
        position += found.tokens
        return found.number
    }

    /// The normalized tracking number at `index`: the word itself, else the shortest join of
    /// two or three words that is one (`BGL K7M 4QX`, `BGL-K7M 4QX`), each joined word
    /// non-empty and the last of three or six characters.
    func trackingNumber(at index: Int) -> (number: String, tokens: Int)? {
        var parts: [String] = []
        for count in 1...3 where index + count <= tokens.count {
            let part = TrackingNumber.normalized(String(tokens[index + count - 1]))
            if part.isEmpty { return nil }
            parts.append(part)
            if count > 1, part.count != 3, part.count != 6 { continue }
            let joined = parts.joined()
            if StaffCommandParser.isTrackingNumber(joined) { return (joined, count) }
        }
        return nil
    }

    /// A tracking number with nothing but chatter after it; a second number is refused.
    mutating func singleTracking() throws(Problem) -> String {
        let number = try tracking()
        if position < tokens.count, trackingNumber(at: position) != nil {
            throw Problem("Satu kode aduan saja per perintah.", "One tracking number per command.")
        }
        return number
    }

    /// The rest of the text, which must not be empty.
    func required(_ problem: Problem) throws(Problem) -> String {
        let text = rest
        if text.isEmpty { throw problem }
        return text
    }

    // MARK: Verbs with more structure

    mutating func reject() throws(Problem) -> StaffCommand {
        let tracking = try tracking()
        let text = rest
        let reason: String
        var referTo: String?
        if let bar = text.firstIndex(of: "|") {
            reason = String(text[..<bar]).trimmed
            referTo = String(text[text.index(after: bar)...]).trimmed.nilIfEmpty
        } else {
            reason = text
        }
        if reason.isEmpty {
            throw Problem("Alasan penolakan tidak ada.", "The reason for rejecting is missing.")
        }
        return .reject(tracking, reason: reason, referTo: referTo)
    }

    mutating func forward() throws(Problem) -> StaffCommand {
        let tracking = try tracking()
        skip(["ke", "to", "opd"], atMost: 2)
        guard let agency = word, !agency.isEmpty else {
            throw Problem("OPD tujuan tidak ada (misalnya pupr).", "The agency to forward to is missing (e.g. pupr).")
        }
        position += 1
        return .forward(tracking, agency: agency, note: rest.nilIfEmpty)
    }

    mutating func duplicate() throws(Problem) -> StaffCommand {
        let tracking = try tracking()
        skip(["dari", "dengan", "sama", "of"], atMost: 2)
        let original = try self.tracking(missing: Problem(
            "Kode aduan asli tidak ada (aduan yang sama, yang dilaporkan lebih dulu).",
            "The tracking number of the original case is missing."))
        if original == tracking {
            throw Problem("Aduan tidak bisa menjadi duplikat dirinya sendiri.", "A case cannot be a duplicate of itself.")
        }
        return .duplicate(tracking, of: original)
    }

    mutating func wait(today: LocalDate) throws(Problem) -> StaffCommand {
        let tracking = try tracking()
        skip(["sampai", "hingga", "until", "tanggal", "tgl"], atMost: 2)
        let forms = (id: StaffHelp.dateForms(language: "id"), en: StaffHelp.dateForms(language: "en"))
        guard position < tokens.count else {
            throw Problem("Tanggal tidak ada; tulis misalnya \(forms.id).", "The date is missing; write e.g. \(forms.en).")
        }
        guard let found = LocalDate.parsePrefix(Array(tokens[position...]), today: today) else {
            var typed = String(tokens[position])
            if typed.allSatisfy(\.isNumber), position + 1 < tokens.count { typed += " " + String(tokens[position + 1]) }
            throw Problem("Tanggal \"\(typed)\" tidak terbaca atau tidak ada; tulis misalnya \(forms.id).",
                          "The date \"\(typed)\" cannot be read or does not exist; write e.g. \(forms.en).")
        }
        let date = found.date
        if date < today {
            throw Problem("Tanggal \(date.text(language: "id")) sudah lewat (hari ini \(today.text(language: "id"))).",
                          "The date is in the past (today is \(today.text(language: "en"))).")
        }
        if date > today.adding(months: 24) {
            throw Problem("Tanggal \(date.text(language: "id")) terlalu jauh (lebih dari 2 tahun lagi).",
                          "The date is more than 2 years ahead.")
        }
        position += found.tokens
        let reason = try required(Problem("Alasan penundaan tidak ada.", "The reason for the hold is missing."))
        return .wait(tracking, until: date, reason: reason)
    }

    mutating func filter() throws(Problem) -> CaseFilter {
        guard let first = word else { return .open }
        let simple: [String: CaseFilter] = [
            "terbuka": .open, "open": .open,
            "saya": .mine, "mine": .mine,
            "terlambat": .overdue, "telat": .overdue, "overdue": .overdue, "late": .overdue,
            "menunggu": .waiting, "ditunda": .waiting, "waiting": .waiting,
            "semua": .all, "all": .all,
        ]
        let all = rest
        let unknown = Problem(
            "Filter \"\(all)\" tidak dikenal; pilih terbuka, saya, terlambat, menunggu, semua, opd X atau kecamatan X.",
            "Unknown filter \"\(all)\"; use open, mine, overdue, waiting, all, opd X or kecamatan X.")
        position += 1
        if let filter = simple[first] {
            guard isAtEnd else { throw unknown }
            return filter
        }
        switch first {
        case "opd", "agency":
            guard let agency = word, !agency.isEmpty else {
                throw Problem("Nama OPD tidak ada (misalnya daftar opd pupr).",
                              "The agency is missing (e.g. list opd pupr).")
            }
            guard position + 1 == tokens.count else {
                throw Problem("Nama OPD ditulis satu kata (misalnya daftar opd pupr).",
                              "Write the agency as one word (e.g. list opd pupr).")
            }
            return .agency(agency)
        case "kecamatan", "kec", "district":
            let name = tokens[position...].map { $0.lowercased().trimmingPunctuation }.filter { !$0.isEmpty }
            guard !name.isEmpty else {
                throw Problem("Nama kecamatan tidak ada (misalnya daftar kecamatan kintamani).",
                              "The kecamatan is missing (e.g. list kecamatan kintamani).")
            }
            return .kecamatan(name.joined(separator: " "))
        default:
            throw unknown
        }
    }
}

private extension String {
    var trimmed: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    var nilIfEmpty: String? { isEmpty ? nil : self }

    /// Without punctuation or symbols at either end (`"pupr,"` → `"pupr"`); inner ones stay.
    var trimmingPunctuation: String {
        var slice = Substring(self)
        while let first = slice.first, !(first.isLetter || first.isNumber) { slice = slice.dropFirst() }
        while let last = slice.last, !(last.isLetter || last.isNumber) { slice = slice.dropLast() }
        return String(slice)
    }
}
