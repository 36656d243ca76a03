/// The first word of a staff command: what the staff member wants done.
///
/// Each verb has an Indonesian word and English aliases (``words``), matched without regard to
/// case, a usage line and an example for the help and for a malformed command.
public enum StaffVerb: String, Sendable, Hashable, CaseIterable {
    /// `bantuan`: the list of commands, or how to use one.
    case help
    /// `ambil`: take a case.
    case take
    /// `verifikasi`: the report was checked.
    case verify
    /// `proses`: work has started.
    case start
    /// `balas`: a message to the citizen.
    case reply
    /// `tanya`: a question to the citizen.
    case ask
    /// `catatan`: an internal note.
    case note
    /// `teruskan`: hand to an agency.
    case forward
    /// `tunda`: on hold until a date.
    case wait
    /// `selesai`: handled, with a report.
    case resolve
    /// `tolak`: rejected.
    case reject
    /// `duplikat`: the same problem as another case.
    case duplicate
    /// `buka`: opened again.
    case reopen
    /// `tutup`: closed for good.
    case close
    /// `lihat`: a case's details.
    case show
    /// `kontak`: the citizen's full phone number.
    case contact
    /// `daftar`: a list of cases.
    case list

    /// The words that start this command, lower case: the Indonesian word first (the one shown
    /// in the help), then the aliases, English ones among them. No word belongs to two verbs.
    public var words: [String] {
        switch self {
        case .help: return ["bantuan", "help"]
        case .take: return ["ambil", "take"]
        case .verify: return ["verifikasi", "verify"]
        case .start: return ["proses", "progress", "start"]
        case .reply: return ["balas", "reply"]
        case .ask: return ["tanya", "ask"]
        case .note: return ["catatan", "note"]
        case .forward: return ["teruskan", "forward", "disposisi"]
        case .wait: return ["tunda", "tunggu", "wait", "hold"]
        case .resolve: return ["selesai", "resolve", "done"]
        case .reject: return ["tolak", "reject"]
        case .duplicate: return ["duplikat", "duplicate", "dup"]
        case .reopen: return ["buka", "reopen"]
        case .close: return ["tutup", "close"]
        case .show: return ["lihat", "show", "info"]
        case .contact: return ["kontak", "contact"]
        case .list: return ["daftar", "list"]
        }
    }

    /// The verb one of whose ``words`` is `word`, ignoring case, a leading `!` and a trailing `:`
    /// (`"!Ambil"`, `"TUNDA:"`); nil for any other word.
    public init?(word: String) {
        var text = Substring(word.lowercased())
        while text.first == "!" { text = text.dropFirst() }
        while text.last == ":" { text = text.dropLast() }
        guard let verb = Self.byWord[String(text)] else { return nil }
        self = verb
    }

    /// How to type the command, in Indonesian: `tunda KODE TANGGAL alasan`. Square brackets
    /// mark what may be left out.
    public var usage: String { usage(language: "id") }

    /// A realistic example of the command, in Indonesian.
    public var example: String { example(language: "id") }

    /// How to type the command: Indonesian words for `"id"` (as ``usage``), English words and
    /// placeholders for `"en"` (`wait CODE DATE reason`).
    public func usage(language: String) -> String {
        let english = language == "en"
        switch self {
        case .help: return english ? "help [command]" : "bantuan [perintah]"
        case .take: return english ? "take CODE" : "ambil KODE"
        case .verify: return english ? "verify CODE [note]" : "verifikasi KODE [catatan]"
        case .start: return english ? "start CODE [note]" : "proses KODE [catatan]"
        case .reply: return english ? "reply CODE text" : "balas KODE teks"
        case .ask: return english ? "ask CODE question" : "tanya KODE pertanyaan"
        case .note: return english ? "note CODE text" : "catatan KODE teks"
        case .forward: return english ? "forward CODE AGENCY [note]" : "teruskan KODE OPD [catatan]"
        case .wait: return english ? "wait CODE DATE reason" : "tunda KODE TANGGAL alasan"
        case .resolve: return english ? "resolve CODE handling report" : "selesai KODE laporan penanganan"
        case .reject:
            return english ? "reject CODE reason [| responsible authority]" : "tolak KODE alasan [| instansi yang berwenang]"
        case .duplicate: return english ? "dup CODE ORIGINAL-CODE" : "duplikat KODE KODE-ASLI"
        case .reopen: return english ? "reopen CODE [reason]" : "buka KODE [alasan]"
        case .close: return english ? "close CODE [note]" : "tutup KODE [catatan]"
        case .show: return english ? "show CODE" : "lihat KODE"
        case .contact: return english ? "contact CODE reason" : "kontak KODE alasan"
        case .list:
            return english ? "list [open|mine|overdue|waiting|all|opd X|kecamatan X]"
                : "daftar [terbuka|saya|terlambat|menunggu|semua|opd X|kecamatan X]"
        }
    }

    /// A realistic example of the command: Indonesian for `"id"` (as ``example``), English words
    /// for `"en"`. Every example parses as this verb.
    public func example(language: String) -> String {
        let english = language == "en"
        switch self {
        case .help: return english ? "help wait" : "bantuan tunda"
        case .take: return english ? "take BGL-K7M-4QX" : "ambil BGL-K7M-4QX"
        case .verify:
            return english ? "verify BGL-K7M-4QX photo and location checked" : "verifikasi BGL-K7M-4QX foto dan lokasi sesuai"
        case .start:
            return english ? "start BGL-K7M-4QX the crew is on its way" : "proses BGL-K7M-4QX tim sudah berangkat ke lokasi"
        case .reply:
            return english ? "reply BGL-K7M-4QX Thank you, our officer will inspect the site tomorrow morning."
                : "balas BGL-K7M-4QX Terima kasih, petugas akan meninjau lokasi besok pagi."
        case .ask:
            return english ? "ask BGL-K7M-4QX Which house number is the pothole in front of?"
                : "tanya BGL-K7M-4QX Lubangnya di depan rumah nomor berapa?"
        case .note:
            return english ? "note BGL-K7M-4QX discussed with the village head"
                : "catatan BGL-K7M-4QX sudah koordinasi dengan kepala desa"
        case .forward:
            return english ? "forward BGL-K7M-4QX pupr regency road, please follow up"
                : "teruskan BGL-K7M-4QX pupr jalan kabupaten, mohon ditindaklanjuti"
        case .wait:
            return english ? "wait BGL-K7M-4QX 15-12-2026 waiting for the asphalt procurement"
                : "tunda BGL-K7M-4QX 15-12-2026 menunggu pengadaan aspal"
        case .resolve:
            return english ? "resolve BGL-K7M-4QX The pothole was patched with asphalt on 12 December."
                : "selesai BGL-K7M-4QX Lubang sudah ditambal dengan aspal pada 12 Desember."
        case .reject:
            return english ? "reject BGL-K7M-4QX national road, not the regency's authority | BPJN Bali"
                : "tolak BGL-K7M-4QX jalan nasional, bukan kewenangan kabupaten | BPJN Bali"
        case .duplicate: return english ? "dup BGL-K7M-4QX BGL-Q9D-7HT" : "duplikat BGL-K7M-4QX BGL-Q9D-7HT"
        case .reopen:
            return english ? "reopen BGL-K7M-4QX the pothole is back after the rain"
                : "buka BGL-K7M-4QX lubang muncul lagi setelah hujan"
        case .close:
            return english ? "close BGL-K7M-4QX the citizen confirmed the repair" : "tutup BGL-K7M-4QX pelapor sudah konfirmasi"
        case .show: return english ? "show BGL-K7M-4QX" : "lihat BGL-K7M-4QX"
        case .contact:
            return english ? "contact BGL-K7M-4QX the field officer needs the exact location"
                : "kontak BGL-K7M-4QX petugas lapangan perlu lokasi persis"
        case .list: return english ? "list overdue" : "daftar terlambat"
        }
    }

    /// What the command does, in one short line: Indonesian for `"id"`, English for `"en"`.
    public func summary(language: String) -> String {
        let english = language == "en"
        switch self {
        case .help:
            return english ? "the commands, or how to use one" : "daftar perintah, atau cara pakai satu perintah"
        case .take: return english ? "take a case to handle yourself" : "ambil aduan untuk Anda tangani"
        case .verify: return english ? "mark the report as checked" : "tandai laporan sudah diperiksa"
        case .start: return english ? "work has started (also ends a hold)" : "mulai dikerjakan (juga mengakhiri penundaan)"
        case .reply: return english ? "send a message to the citizen" : "kirim pesan ke pelapor"
        case .ask:
            return english ? "ask the citizen; the answer is added to the case" : "tanya pelapor; jawabannya masuk ke aduan"
        case .note: return english ? "internal note, never shown to the citizen" : "catatan internal, tidak terlihat pelapor"
        case .forward: return english ? "hand the case to an agency (OPD)" : "teruskan aduan ke OPD"
        case .wait:
            return english ? "on hold until the date; the response clock pauses (again: extends it)"
                : "tunda sampai tanggal itu; waktu respons berhenti (lagi: diperpanjang)"
        case .resolve:
            return english ? "mark resolved, with a report of the work done" : "tandai selesai, dengan laporan penanganan"
        case .reject:
            return english ? "reject; name the responsible authority after |" : "tolak aduan; sebut instansi yang berwenang setelah |"
        case .duplicate:
            return english ? "same problem as an earlier case" : "tandai sama dengan aduan lain"
        case .reopen: return english ? "open a finished case again" : "buka kembali aduan yang sudah selesai"
        case .close:
            return english ? "close a resolved, rejected or duplicate case for good" : "tutup aduan yang selesai, ditolak atau duplikat"
        case .show: return english ? "a case's details and history" : "rincian dan riwayat aduan"
        case .contact:
            return english ? "show the citizen's full phone number (recorded)" : "tampilkan nomor telepon lengkap pelapor (dicatat)"
        case .list: return english ? "list cases (open ones by default)" : "daftar aduan (bawaan: yang terbuka)"
        }
    }

    private static let byWord: [String: StaffVerb] = {
        var table: [String: StaffVerb] = [:]
        for verb in allCases {
            for word in verb.words { table[word] = verb }
        }
        return table
    }()
}
