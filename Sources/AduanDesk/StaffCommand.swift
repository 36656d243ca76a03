/// A command a staff member typed in a staff channel, read by ``StaffCommandParser``.
///
/// Every `String` tracking number is in the form of `TrackingNumber.normalized(_:)`: upper
/// case, without dashes or spaces (`BGLK7M4QX`), whatever way the staff member typed it.
/// Free text (replies, notes, reasons, reports) is kept as typed, trimmed.
public enum StaffCommand: Sendable, Hashable {
    /// `bantuan [perintah]` (`help`): the list of commands, or how to use one.
    case help(StaffVerb?)
    /// `ambil KODE` (`take`): the staff member takes the case to handle it.
    case take(String)
    /// `verifikasi KODE [catatan]` (`verify`): the report was checked.
    case verify(String, note: String?)
    /// `proses KODE [catatan]` (`progress`, `start`): work has started; also ends a hold.
    case start(String, note: String?)
    /// `balas KODE teks` (`reply`): a message relayed to the citizen.
    case reply(String, text: String)
    /// `tanya KODE pertanyaan` (`ask`): a question to the citizen; their next message is attached
    /// to the case.
    case ask(String, question: String)
    /// `catatan KODE teks` (`note`): an internal note, never shown to the citizen.
    case note(String, text: String)
    /// `teruskan KODE OPD [catatan]` (`forward`, `disposisi`): handed to an agency; `agency` is the
    /// word as typed, lower case (`pupr`).
    case forward(String, agency: String, note: String?)
    /// `tunda KODE TANGGAL alasan` (`wait`, `hold`): on hold until a date (today or later); the
    /// response clock pauses.
    case wait(String, until: LocalDate, reason: String)
    /// `selesai KODE laporan penanganan` (`resolve`, `done`): handled, with a report of what was done.
    case resolve(String, report: String)
    /// `tolak KODE alasan [| instansi yang berwenang]` (`reject`): rejected; `referTo` is the
    /// authority the citizen should turn to, the text after the first `|`.
    case reject(String, reason: String, referTo: String?)
    /// `duplikat KODE KODE-ASLI` (`duplicate`, `dup`): the same problem as another (different) case.
    case duplicate(String, of: String)
    /// `buka KODE [alasan]` (`reopen`): opened again.
    case reopen(String, reason: String?)
    /// `tutup KODE [catatan]` (`close`): closed for good.
    case close(String, note: String?)
    /// `lihat KODE` (`show`, `info`): the case's details and history.
    case show(String)
    /// `kontak KODE alasan` (`contact`): reveals the citizen's full phone number; the reason is recorded.
    case contact(String, reason: String)
    /// `daftar [filter]` (`list`): a list of cases; `daftar` alone lists the open ones.
    case list(CaseFilter)

    /// The verb this command was typed with.
    public var verb: StaffVerb {
        switch self {
        case .help: return .help
        case .take: return .take
        case .verify: return .verify
        case .start: return .start
        case .reply: return .reply
        case .ask: return .ask
        case .note: return .note
        case .forward: return .forward
        case .wait: return .wait
        case .resolve: return .resolve
        case .reject: return .reject
        case .duplicate: return .duplicate
        case .reopen: return .reopen
        case .close: return .close
        case .show: return .show
        case .contact: return .contact
        case .list: return .list
        }
    }
}

/// Which cases `daftar` (`list`) shows.
public enum CaseFilter: Sendable, Hashable {
    /// `daftar`, `daftar terbuka` (`open`): cases someone still has to act on.
    case open
    /// `daftar saya` (`mine`): the cases taken by the staff member who asks.
    case mine
    /// `daftar terlambat` (`telat`, `overdue`, `late`): open cases past their response time.
    case overdue
    /// `daftar menunggu` (`ditunda`, `waiting`): cases on hold.
    case waiting
    /// `daftar semua` (`all`): every case, closed ones too.
    case all
    /// `daftar opd pupr` (`agency`): one agency's open cases; the agency word as typed, lower case.
    case agency(String)
    /// `daftar kecamatan susut timur` (`kec`, `district`): the open cases of one kecamatan; its
    /// words as typed, lower case, separated by single spaces.
    case kecamatan(String)
}
