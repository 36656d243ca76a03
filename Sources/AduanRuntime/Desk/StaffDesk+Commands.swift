import AduanCore
import AduanDesk
import AduanStore
import Foundation

extension StaffDesk {
    /// Carries out a command on a case the actor may act on.
    func perform(_ command: StaffCommand, on record: CaseRecord, actor: Actor) throws -> Outcome {
        let c = context
        if record.redactedAt != nil, !isReadOnly(command) {
            return Outcome(replies: ["Data pribadi \(record.tracking) sudah dihapus (masa simpan habis); aduan ini tidak bisa diubah lagi."])
        }
        switch command {
        case .help, .list:
            return Outcome()
        case .show:
            return Outcome(replies: [try show(record)])
        case .take:
            if record.status == CaseStatus.inProgress.rawValue, record.assignee == actor.account {
                return Outcome(replies: ["\(record.tracking) sudah Anda pegang. (Already yours.)"])
            }
            return try change(record, .take, actor: actor, kind: "taken", note: nil) { r in
                r.assignee = actor.account
            } ack: { r in "✔ \(r.tracking) diambil oleh \(actor.name) · \(CaseStatus.inProgress.label(language: "id")). Warga sudah diberi tahu." }
        case .verify(_, let note):
            return try change(record, .verify, actor: actor, kind: "verified", note: note) { _ in } ack: { r in
                "✔ \(r.tracking) diverifikasi oleh \(actor.name). Teruskan ke OPD dengan: teruskan \(r.tracking) OPD"
            }
        case .start(_, let note):
            return try change(record, .start, actor: actor, kind: "started", note: note) { r in
                if r.assignee == nil { r.assignee = actor.account }
            } ack: { r in "✔ \(r.tracking) diproses\(r.dueAt.map { " · tenggat \(c.dateTime($0))" } ?? ""). Warga sudah diberi tahu." }
        case .forward(_, let agencyWord, let note):
            guard let target = findAgency(agencyWord) else {
                let ids = c.configuration.agencies.map(\.id).joined(separator: ", ")
                return Outcome(replies: ["OPD \"\(agencyWord)\" tidak dikenal. Pilihan: \(ids)"])
            }
            if target.id == record.opd, record.status == CaseStatus.forwarded.rawValue {
                return Outcome(replies: ["\(record.tracking) sudah diteruskan ke \(c.agencyShortName(target.id))."])
            }
            return try change(record, .forward, actor: actor, kind: "forwarded",
                                     note: ["ke \(target.id)", note].compactMap { $0 }.joined(separator: ": ")) { r in
                r.opd = target.id
                r.assignee = nil
            } ack: { r in "✔ \(r.tracking) diteruskan ke \(c.agencyShortName(target.id)). Warga sudah diberi tahu." }
        case .wait(_, let until, let reason):
            return try change(record, .wait, actor: actor, kind: "waiting", note: "\(reason) (sampai \(until))") { r in
                r.waitingUntil = until.description
                r.waitingReason = reason
                // On that morning the agency is reminded to go on or to extend the wait.
                r.alarmAt = until.date(in: c.timeZone, hour: 8)
            } citizen: { r in
                ["reason": reason, "until": DateText.day(until.date(in: c.timeZone, hour: 12), timeZone: c.timeZone, language: r.language)]
            } ack: { r in
                let day = DateText.day(until.date(in: c.timeZone, hour: 12), timeZone: c.timeZone, language: "id")
                return "✔ \(r.tracking) menunggu sampai \(day): \(reason). Jam tanggapan berhenti; warga sudah diberi tahu."
            }
        case .resolve(_, let report):
            return try change(record, .resolve, actor: actor, kind: "resolved", note: report) { r in
                r.prompt = CaseRecord.Prompt.fixed.rawValue
                if r.assignee == nil { r.assignee = actor.account }
            } citizen: { _ in ["report": report] } extra: { r in
                // The handling report goes to the agency's head (Perbup Bangli 6/2021): in their
                // channel, or addressed to them in the agency's channel.
                guard let agency = c.agency(r.opd), let channel = agency.headChannel ?? agency.channel else { return [] }
                let heads = StaffDirectory.displayNames(agency.head)
                let to = heads.isEmpty ? "" : heads.joined(separator: ", ") + ": "
                return [c.toChannel(channel, "\(to)Laporan penanganan \(r.tracking) (\(c.categoryLabel(r.category)), \(c.place(of: r))) "
                    + "oleh \(actor.name), TRC \(c.agencyShortName(r.opd)):\n\(report)", caseID: r.id)]
            } ack: { r in "✔ \(r.tracking) selesai. Laporan penanganan tercatat; warga ditanya apakah sudah beres." }
        case .reject(_, let reason, let referTo):
            let refer = referTo.map { " Silakan hubungi: \($0)." } ?? ""
            // The reason is a sentence of its own, so that "Silakan hubungi" does not run on from it.
            let sentence = reason.last.map { ".!?".contains($0) } == true ? reason : reason + "."
            return try change(record, .reject, actor: actor, kind: "rejected",
                              note: reason + (referTo.map { " | \($0)" } ?? "")) { _ in } citizen: { r in
                ["reason": sentence, "refer": r.language == "en" ? (referTo.map { " Please contact: \($0)." } ?? "") : refer]
            } ack: { r in "✔ \(r.tracking) ditolak: \(sentence)\(refer) Warga sudah diberi tahu." }
        case .duplicate(_, let originalTracking):
            guard var original = try c.database.case(tracking: originalTracking), original.botID == c.bot.id else {
                return Outcome(replies: ["Aduan asli \(TrackingNumber.display(originalTracking)) tidak ditemukan."])
            }
            // Follow a chain of duplicates to the case that is handled.
            var hops = 0
            while let next = original.duplicateOf, hops < 10, let found = try c.database.case(id: next) {
                original = found
                hops += 1
            }
            if original.id == record.id {
                return Outcome(replies: ["Sebuah aduan tidak bisa menjadi duplikat dirinya sendiri."])
            }
            return try change(record, .markDuplicate, actor: actor, kind: "duplicate", note: "duplikat \(original.tracking)") { r in
                r.duplicateOf = original.id
            } citizen: { _ in ["original": original.tracking] } ack: { r in
                "✔ \(r.tracking) ditandai duplikat dari \(original.tracking); warga mengikuti aduan asli."
            }
        case .reopen(_, let reason):
            return try change(record, .reopen, actor: actor, kind: "reopened", note: reason) { r in
                r.assignee = nil
            } citizen: { r in
                ["reason": reason.map { r.language == "en" ? " (\($0))" : " (\($0))" } ?? ""]
            } ack: { r in "✔ \(r.tracking) dibuka kembali · tenggat baru \(r.dueAt.map { c.dateTime($0) } ?? "-")." }
        case .close(_, let note):
            return try change(record, .close, actor: actor, kind: "closed", note: note) { _ in } ack: { r in
                "✔ \(r.tracking) ditutup."
            }
        case .reply(_, let text):
            return try relay(record, actor: actor, kind: "reply", messageKey: "reply", text: text, prompt: false)
        case .ask(_, let question):
            return try relay(record, actor: actor, kind: "question", messageKey: "question", text: question, prompt: true)
        case .note(_, let text):
            var r = record
            r.version += 1
            try c.database.save(CaseChange(record: r, at: c.now, events: [
                c.event(r, actor: actor.account, channel: actor.source, kind: "note", note: text),
            ]))
            return Outcome(replies: ["✔ Catatan internal untuk \(r.tracking) disimpan (tidak terlihat oleh warga)."])
        case .contact(_, let reason):
            if record.anonymous {
                return Outcome(replies: ["\(record.tracking) dilaporkan secara anonim: identitas dan kontak pelapor tidak dibuka. "
                    + "Hubungi pelapor lewat: tanya \(record.tracking) pertanyaan"])
            }
            guard let contact = record.contact else {
                return Outcome(replies: ["Pelapor \(record.tracking) tidak memberi nomor kontak. Hubungi lewat: tanya \(record.tracking) pertanyaan"])
            }
            var r = record
            r.version += 1
            try c.database.save(CaseChange(record: r, at: c.now, events: [
                c.event(r, actor: actor.account, channel: actor.source, kind: "contact_access", note: reason),
            ]))
            return Outcome(replies: ["Kontak pelapor \(r.tracking): \(contact) — akses ini dicatat (\(actor.name): \(reason))."])
        }
    }

    private func isReadOnly(_ command: StaffCommand) -> Bool {
        switch command {
        case .show, .help, .list: return true
        default: return false
        }
    }

    /// A transition: the lifecycle check, the new record, its history entry, the citizen's
    /// notice (and the duplicates' citizens'), any other messages, written at once.
    private func change(
        _ record: CaseRecord, _ action: CaseAction, actor: Actor, kind: String, note: String?,
        _ edit: (inout CaseRecord) -> Void,
        citizen values: (CaseRecord) -> [String: String] = { _ in [:] },
        extra: (CaseRecord) -> [OutboxMessage] = { _ in [] },
        ack: (CaseRecord) -> String
    ) throws -> Outcome {
        let c = context
        var updated: CaseRecord
        switch c.transition(record, action) {
        case .success(let r): updated = r
        case .failure(let refusal): return Outcome(replies: [refusal.text(tracking: record.tracking)])
        }
        edit(&updated)
        let from = CaseStatus(rawValue: record.status) ?? .received
        let to = CaseStatus(rawValue: updated.status) ?? .received
        var outbox: [OutboxMessage] = []
        let citizenValues = values(updated)
        if from != to || action == .forward || action == .wait,
           let notice = c.toCitizen(updated, DeskContext.noticeKey(for: to), citizenValues) {
            outbox.append(notice)
            if to == .resolved, let question = c.toCitizen(updated, "ask_fixed") {
                outbox.append(question)
            }
        }
        if from != to || action == .wait { outbox += try c.noticesToDuplicates(of: updated, values: citizenValues) }
        if action == .forward, let channel = c.channel(of: updated.opd), channel.lowercased() != actor.channel.lowercased() {
            outbox.append(c.toChannel(channel, "Diteruskan dari \(c.agencyShortName(record.opd)) oleh \(actor.name):\n"
                + StaffAnnouncement.announcement(of: updated, context: c), caseID: updated.id))
        }
        outbox += extra(updated)
        try c.database.save(CaseChange(record: updated, at: c.now, events: [
            c.event(updated, actor: actor.account, channel: actor.source, kind: kind, from: from, to: to, note: note),
        ], outbox: outbox))
        var outcome = Outcome(replies: [ack(updated)])
        if updated.prompt != nil { outcome.prompted = updated.conversationKey }
        return outcome
    }

    /// A message from the agency to the citizen, under the agency's name; a question also makes
    /// the citizen's next message an answer attached to the case.
    private func relay(_ record: CaseRecord, actor: Actor, kind: String, messageKey: String, text: String,
                       prompt: Bool) throws -> Outcome {
        let c = context
        guard let notice = c.toCitizen(record, messageKey, ["text": text]) else {
            return Outcome(replies: ["Pelapor \(record.tracking) tidak bisa dihubungi lagi."])
        }
        var r = record
        r.version += 1
        if prompt { r.prompt = CaseRecord.Prompt.info.rawValue }
        try c.database.save(CaseChange(record: r, at: c.now, events: [
            c.event(r, actor: actor.account, channel: actor.source, kind: kind, note: text),
        ], outbox: [notice]))
        var outcome = Outcome(replies: [prompt
            ? "✔ Pertanyaan dikirim ke pelapor \(r.tracking) atas nama \(c.agencyShortName(r.opd)); jawabannya akan muncul di sini."
            : "✔ Balasan dikirim ke pelapor \(r.tracking) atas nama \(c.agencyShortName(r.opd))."])
        if prompt { outcome.prompted = r.conversationKey }
        return outcome
    }

    /// The agency a staff member named: by id, or by the short name in its name.
    private func findAgency(_ word: String) -> Agency? {
        let w = TextMatching.normalize(word)
        let agencies = context.configuration.agencies
        return agencies.first { TextMatching.normalize($0.id) == w }
            ?? agencies.first { TextMatching.normalize(context.agencyShortName($0.id)) == w }
    }
}
