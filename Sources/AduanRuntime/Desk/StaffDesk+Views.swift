import AduanCore
import AduanDesk
import AduanStore
import Foundation

extension StaffDesk {
    /// A case with its history, as staff read it (`lihat KODE`).
    func show(_ record: CaseRecord) throws -> String {
        let c = context
        let status = CaseStatus(rawValue: record.status) ?? .received
        var lines = ["\(record.tracking) · \(status.label(language: "id")) · \(c.categoryLabel(record.category))"]
        lines.append("OPD: \(c.agencyShortName(record.opd))\(record.assignee.map { " · dipegang \(StaffDirectory.displayName($0))" } ?? "")")
        lines.append("Lokasi: \(c.place(of: record))")
        lines.append("Masuk: \(c.dateTime(record.createdAt))")
        if status == .waiting {
            lines.append("Menunggu sampai \(record.waitingUntil ?? "-"): \(record.waitingReason ?? "-") (jam tanggapan berhenti)")
        } else if CaseLifecycle.isOpen(status), let due = record.dueAt {
            lines.append("Tenggat: \(c.dateTime(due))\(due < c.now ? " · TERLAMBAT" : "")")
        }
        lines.append("Pelapor: \(StaffAnnouncement.contactShown(record.contact, anonymous: record.anonymous))"
            + (record.confidential ? " · RAHASIA" : ""))
        if let original = record.duplicateOf, let found = try c.database.case(id: original) {
            lines.append("Duplikat dari \(found.tracking)")
        }
        if let rating = record.rating { lines.append("Nilai dari warga: \(rating)/5") }
        lines.append("Uraian: \(record.details)")
        let events = try c.database.events(caseID: record.id ?? 0)
        lines.append("Riwayat:")
        for event in events.suffix(15) {
            lines.append("  " + historyLine(event, record: record))
        }
        return lines.joined(separator: "\n")
    }

    private func historyLine(_ event: CaseEventRecord, record: CaseRecord) -> String {
        let c = context
        let who: String
        if event.actor == record.conversationKey || event.actor == CaseRecord.redactedText {
            who = "pelapor"
        } else if event.actor == "clock" {
            who = "sistem"
        } else {
            who = StaffDirectory.displayName(event.actor)
        }
        var text = "\(c.dateTime(event.at)) \(who): \(Self.kindLabel(event.kind))"
        if let to = event.toStatus.flatMap(CaseStatus.init(rawValue:)), event.kind != CaseEventRecord.receivedKind {
            text += " → \(to.label(language: "id"))"
        }
        if let note = event.note, !note.isEmpty { text += " — \(note)" }
        return text
    }

    static func kindLabel(_ kind: String) -> String {
        switch kind {
        case CaseEventRecord.receivedKind: return "aduan masuk"
        case "taken": return "mengambil"
        case "verified": return "verifikasi"
        case "started": return "mulai proses"
        case "forwarded": return "meneruskan"
        case "waiting": return "menunda"
        case "resolved": return "menyelesaikan"
        case "rejected": return "menolak"
        case "duplicate": return "menandai duplikat"
        case "reopened": return "membuka kembali"
        case "closed": return "menutup"
        case "reply": return "membalas warga"
        case "question": return "bertanya ke warga"
        case "citizen_answer": return "jawaban warga"
        case "note": return "catatan internal"
        case "contact_access": return "membuka kontak"
        case "reminder": return "pengingat"
        case "escalation": return "eskalasi"
        case "confirmed_fixed": return "warga: sudah beres"
        case "not_fixed": return "warga: belum beres"
        case "rating": return "nilai warga"
        case "feedback_skipped": return "warga melewati pertanyaan"
        default: return kind
        }
    }

    /// A list of cases (`daftar …`), one line each, restricted to the actor's agencies unless
    /// they coordinate.
    func list(_ filter: CaseFilter, actor: Actor) throws -> String {
        let c = context
        let open = Set(CaseLifecycle.openStatuses.map(\.rawValue))
        var query = CaseQuery(botID: c.bot.id, statuses: open, limit: 20)
        var title: String
        switch filter {
        case .open: title = "Aduan terbuka"
        case .mine:
            query.assignee = actor.account
            title = "Aduan yang Anda pegang"
        case .overdue:
            query.dueBefore = c.now
            title = "Aduan terlambat"
        case .waiting:
            query.statuses = [CaseStatus.waiting.rawValue]
            title = "Aduan menunggu"
        case .all:
            query.statuses = nil
            query.newestFirst = true
            title = "Semua aduan"
        case .agency(let word):
            guard let agency = c.configuration.agencies.first(where: {
                TextMatching.normalize($0.id) == TextMatching.normalize(word)
                    || TextMatching.normalize(c.agencyShortName($0.id)) == TextMatching.normalize(word)
            }) else {
                return "OPD \"\(word)\" tidak dikenal. Pilihan: " + c.configuration.agencies.map(\.id).joined(separator: ", ")
            }
            query.opd = agency.id
            title = "Aduan terbuka \(c.agencyShortName(agency.id))"
        case .kecamatan(let name):
            guard let kecamatan = c.bot.catalog.gazetteer.kecamatan.first(where: {
                TextMatching.normalize($0.name) == TextMatching.normalize(name)
            }) else {
                return "Kecamatan \"\(name)\" tidak dikenal. Pilihan: " + c.bot.catalog.gazetteer.kecamatan.map(\.name).joined(separator: ", ")
            }
            query.kecamatan = kecamatan.name
            title = "Aduan terbuka di Kecamatan \(kecamatan.name)"
        }
        var records: [CaseRecord]
        var total: Int
        // In an agency's channel a list shows that agency's cases only, whoever asks: other
        // agencies' staff read along there.
        var visible: Set<String>? = actor.role.coordinator ? nil : actor.role.agencies
        if !c.isCoordinationChannel(actor.channel) {
            let here = c.agencies(inChannel: actor.channel)
            if !here.isEmpty { visible = visible.map { $0.intersection(here) } ?? here }
        }
        if let visible, let opd = query.opd, !visible.contains(opd) {
            return actor.role.coordinator || actor.role.agencies.contains(opd)
                ? "Daftar aduan \(c.agencyShortName(opd)) dibuka di kanal \(c.agencyShortName(opd)) atau kanal koordinator."
                : "Anda hanya dapat melihat aduan OPD Anda sendiri."
        }
        if visible == nil {
            records = try c.database.cases(query)
            total = try c.database.caseCount(query)
        } else {
            records = []
            total = 0
            for opd in (visible ?? []).sorted() where query.opd == nil || query.opd == opd {
                var own = query
                own.opd = opd
                records += try c.database.cases(own)
                total += try c.database.caseCount(own)
            }
            // Several agencies' lists merged: in the list's order again.
            let far = Date.distantFuture
            records.sort { a, b in
                query.newestFirst ? (a.createdAt, a.id ?? 0) > (b.createdAt, b.id ?? 0)
                    : (a.dueAt ?? far, a.id ?? 0) < (b.dueAt ?? far, b.id ?? 0)
            }
        }
        guard !records.isEmpty else { return "\(title): tidak ada." }
        let shown = records.prefix(query.limit)
        let count = total > shown.count ? "\(shown.count) dari \(total)" : "\(total)"
        var lines = ["\(title) (\(count)\(query.newestFirst ? ", terbaru dulu" : "")):"]
        for r in shown {
            lines.append(listLine(r))
        }
        return lines.joined(separator: "\n")
    }

    private func listLine(_ r: CaseRecord) -> String {
        let c = context
        let status = CaseStatus(rawValue: r.status) ?? .received
        var line = "\(r.tracking) · \(status.label(language: "id")) · \(c.agencyShortName(r.opd)) · \(c.categoryLabel(r.category)) · \(c.place(of: r))"
        if status == .waiting {
            line += " · s.d. \(r.waitingUntil ?? "-")"
        } else if CaseLifecycle.isOpen(status), let due = r.dueAt {
            line += due < c.now ? " · TERLAMBAT sejak \(c.dateTime(due))" : " · tenggat \(c.dateTime(due))"
        }
        if let who = r.assignee { line += " · \(StaffDirectory.displayName(who))" }
        return line
    }
}
