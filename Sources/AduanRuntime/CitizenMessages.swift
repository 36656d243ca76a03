import AduanDialog

/// The texts a citizen gets about their cases, in their language: one per public transition,
/// plus the relayed staff messages and the questions after resolution. A bot file may replace
/// any of them under `citizen_messages` (Bahasa Indonesia required, English offered):
///
/// ```json
/// "citizen_messages": {
///   "in_progress": { "id": "Aduan {{tracking}} sedang dikerjakan {{opd}}.", "en": "…" }
/// }
/// ```
///
/// Every text may use `{{tracking}}` and `{{opd}}`; some have more (``values``).
public struct CitizenMessages: Sendable {
    private let texts: [String: LocalizedText]

    /// The built-in texts with a bot's replacements.
    public init(overrides: [String: LocalizedText]?) {
        var texts = Self.standard
        for (key, text) in overrides ?? [:] { texts[key] = text }
        self.texts = texts
    }

    /// The text `key` in `language`, with its values filled in.
    public func render(_ key: String, language: String, _ values: [String: String]) -> String {
        let template = texts[key]?.text(in: language) ?? key
        return Template.render(template) { values[$0] }
    }

    /// The values each text may use, besides `tracking` and `opd`.
    public static let values: [String: [String]] = [
        "verified": [], "forwarded": [], "in_progress": [], "waiting": ["reason", "until"],
        "resolved": ["report"], "rejected": ["reason", "refer"], "duplicate": ["original"],
        "reopened": ["reason"], "closed": [], "reply": ["text"], "question": ["text"],
        "answer_received": [], "ask_fixed": [], "reask_fixed": [], "ask_rating": [], "reask_rating": [],
        "rated": ["rating"], "not_fixed": [], "feedback_skipped": [], "original_update": ["original", "status", "detail"],
    ]

    /// The built-in texts.
    public static let standard: [String: LocalizedText] = [
        "verified": LocalizedText([
            "id": "Aduan {{tracking}} sudah diverifikasi petugas dan segera diteruskan ke OPD yang menangani.",
            "en": "Complaint {{tracking}} has been verified and will be passed to the agency in charge.",
        ]),
        "forwarded": LocalizedText([
            "id": "Aduan {{tracking}} diteruskan ke {{opd}}.",
            "en": "Complaint {{tracking}} has been passed to {{opd}}.",
        ]),
        "in_progress": LocalizedText([
            "id": "Aduan {{tracking}} sedang ditangani oleh {{opd}}.",
            "en": "{{opd}} is now working on complaint {{tracking}}.",
        ]),
        "waiting": LocalizedText([
            "id": "Penanganan aduan {{tracking}} masih menunggu: {{reason}}. Perkiraan sampai {{until}}. Kami kabari lagi bila ada perkembangan.",
            "en": "Work on complaint {{tracking}} is waiting: {{reason}}. Expected until {{until}}. We will tell you when it moves on.",
        ]),
        "resolved": LocalizedText([
            "id": "Aduan {{tracking}} sudah ditangani oleh {{opd}}:\n{{report}}",
            "en": "{{opd}} has handled complaint {{tracking}}:\n{{report}}",
        ]),
        "rejected": LocalizedText([
            "id": "Mohon maaf, aduan {{tracking}} tidak dapat ditindaklanjuti: {{reason}}{{refer}}",
            "en": "Sorry, complaint {{tracking}} cannot be taken further: {{reason}}{{refer}}",
        ]),
        "duplicate": LocalizedText([
            "id": "Aduan {{tracking}} sama dengan aduan {{original}} yang sudah ditangani. Kabar penanganannya kami kirim ke sini; cek kapan saja dengan: status {{original}}",
            "en": "Complaint {{tracking}} is the same problem as complaint {{original}}, which is being handled. We will post its updates here; check any time with: status {{original}}",
        ]),
        "reopened": LocalizedText([
            "id": "Aduan {{tracking}} dibuka kembali{{reason}} dan ditangani lagi oleh {{opd}}.",
            "en": "Complaint {{tracking}} has been reopened{{reason}}; {{opd}} is on it again.",
        ]),
        "closed": LocalizedText([
            "id": "Aduan {{tracking}} ditutup. Terima kasih sudah melapor.",
            "en": "Complaint {{tracking}} is closed. Thank you for reporting.",
        ]),
        "reply": LocalizedText([
            "id": "Pesan dari {{opd}} tentang aduan {{tracking}}:\n{{text}}",
            "en": "Message from {{opd}} about complaint {{tracking}}:\n{{text}}",
        ]),
        "question": LocalizedText([
            "id": "{{opd}} bertanya tentang aduan {{tracking}}:\n{{text}}\nBalas pesan ini untuk menjawab.",
            "en": "{{opd}} has a question about complaint {{tracking}}:\n{{text}}\nReply to this message to answer.",
        ]),
        "answer_received": LocalizedText([
            "id": "Terima kasih, jawaban Anda sudah diteruskan ke {{opd}} (aduan {{tracking}}).",
            "en": "Thank you, your answer has been passed to {{opd}} (complaint {{tracking}}).",
        ]),
        "ask_fixed": LocalizedText([
            "id": "Apakah masalah pada aduan {{tracking}} benar-benar sudah beres? Balas ya atau tidak.",
            "en": "Is the problem of complaint {{tracking}} really fixed? Reply yes or no.",
        ]),
        "reask_fixed": LocalizedText([
            "id": "Maaf, jawabannya belum jelas. Apakah masalah pada aduan {{tracking}} sudah beres? Balas ya atau tidak (atau lewati).",
            "en": "Sorry, that is not clear. Is the problem of complaint {{tracking}} fixed? Reply yes or no (or skip).",
        ]),
        "ask_rating": LocalizedText([
            "id": "Syukurlah. Beri nilai penanganan aduan {{tracking}} oleh {{opd}}: balas angka 1 (buruk) sampai 5 (sangat baik), atau lewati.",
            "en": "Glad to hear it. Please rate how {{opd}} handled complaint {{tracking}}: reply 1 (poor) to 5 (excellent), or skip.",
        ]),
        "reask_rating": LocalizedText([
            "id": "Balas dengan satu angka 1 sampai 5, atau lewati.",
            "en": "Reply with one number from 1 to 5, or skip.",
        ]),
        "rated": LocalizedText([
            "id": "Terima kasih atas penilaian Anda. Aduan {{tracking}} ditutup.",
            "en": "Thank you for your rating. Complaint {{tracking}} is closed.",
        ]),
        "feedback_skipped": LocalizedText([
            "id": "Baik. Aduan {{tracking}} tetap tercatat selesai. Terima kasih sudah melapor.",
            "en": "All right. Complaint {{tracking}} stays marked as handled. Thank you for reporting.",
        ]),
        "not_fixed": LocalizedText([
            "id": "Mohon maaf. Aduan {{tracking}} kami buka kembali dan {{opd}} sudah diberi tahu.",
            "en": "We are sorry. Complaint {{tracking}} has been reopened and {{opd}} has been told.",
        ]),
        "original_update": LocalizedText([
            "id": "Kabar aduan {{original}} (sama dengan aduan Anda {{tracking}}): {{status}}{{detail}}.",
            "en": "Update on complaint {{original}} (the same as your complaint {{tracking}}): {{status}}{{detail}}.",
        ]),
    ]
}
