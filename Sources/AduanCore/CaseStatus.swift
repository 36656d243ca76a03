/// Where a case stands in its lifecycle.
///
/// The raw values are stable English identifiers stored in the database; citizens and staff see
/// the Indonesian (or English) label from ``label(language:)``.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Filed by the citizen, not yet looked at (*diterima*).
    case received
    /// Checked by a verifier or call-taker (*diverifikasi*).
    case verified
    /// Handed to the responsible OPD (*diteruskan*).
    case forwarded
    /// An officer is working on it (*diproses*).
    case inProgress = "in_progress"
    /// Waiting on budget, procurement or a third party; the response clock is paused (*menunggu*).
    case waiting
    /// Handled (*selesai*).
    case resolved
    /// Rejected or not the regency's authority (*ditolak*).
    case rejected
    /// The same problem as another case (*duplikat*).
    case duplicate
    /// Closed for good (*ditutup*).
    case closed
    /// Opened again after resolution (*dibuka kembali*).
    case reopened

    /// The label a person reads, e.g. `diproses` / `in progress`.
    ///
    /// Languages other than `en` fall back to Bahasa Indonesia.
    public func label(language: String) -> String {
        if language == "en" {
            switch self {
            case .received: return "received"
            case .verified: return "verified"
            case .forwarded: return "forwarded to the agency"
            case .inProgress: return "in progress"
            case .waiting: return "waiting"
            case .resolved: return "resolved"
            case .rejected: return "rejected"
            case .duplicate: return "duplicate"
            case .closed: return "closed"
            case .reopened: return "reopened"
            }
        }
        switch self {
        case .received: return "diterima"
        case .verified: return "diverifikasi"
        case .forwarded: return "diteruskan ke OPD"
        case .inProgress: return "diproses"
        case .waiting: return "menunggu"
        case .resolved: return "selesai"
        case .rejected: return "ditolak"
        case .duplicate: return "duplikat"
        case .closed: return "ditutup"
        case .reopened: return "dibuka kembali"
        }
    }
}
