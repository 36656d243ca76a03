import AduanCore
import AduanDesk
import AduanDialog
import AduanStore
import Foundation

/// The citizen's answers to what a case asked them: staff's question (the answer is attached to
/// the case and posted in the agency's channel), "is it really fixed?" after resolution ("not
/// fixed" reopens the case and tells the agency), and the rating (1–5) that closes it.
struct CitizenFollowUp {
    let context: DeskContext

    /// More than three words: a message of its own rather than a short answer.
    static func isLongerMessage(_ text: String) -> Bool {
        text.split(whereSeparator: { $0.isWhitespace }).count > 3
    }

    /// Handles `text` as the answer to `record`'s prompt; returns the reply to the citizen, or
    /// nil when the message is plainly not an answer to "is it fixed?" or to the rating (more
    /// than a few words that say neither): the citizen is starting something else, and the
    /// dialog takes the message while the question stays open.
    func answer(_ text: String, to record: CaseRecord, channel: String) throws -> String? {
        let c = context
        let language = record.language
        let actor = record.conversationKey
        let values = ["tracking": record.tracking, "opd": c.agencyName(record.opd, language: language)]
        let agencyChannel = c.channel(of: record.opd)
        switch CaseRecord.Prompt(rawValue: record.prompt ?? "") {
        case .info, nil:
            var r = record
            r.version += 1
            // A question asked after resolution replaced "is it fixed?": ask that again.
            let resolved = record.status == CaseStatus.resolved.rawValue
            r.prompt = resolved ? CaseRecord.Prompt.fixed.rawValue : nil
            let outbox = agencyChannel.map {
                [c.toChannel($0, "Jawaban pelapor \(r.tracking):\n\(text)", caseID: r.id)]
            } ?? []
            try c.database.save(CaseChange(record: r, at: c.now, events: [
                c.event(r, actor: actor, channel: channel, kind: "citizen_answer", note: text),
            ], outbox: outbox))
            let received = c.messages.render("answer_received", language: language, values)
            return resolved ? received + "\n" + c.messages.render("ask_fixed", language: language, values) : received
        case .fixed:
            switch AnswerParser.yesNo(text) {
            case true?:
                var r = record
                r.version += 1
                r.prompt = CaseRecord.Prompt.rating.rawValue
                try c.database.save(CaseChange(record: r, at: c.now, events: [
                    c.event(r, actor: actor, channel: channel, kind: "confirmed_fixed", note: text),
                ]))
                return c.messages.render("ask_rating", language: language, values)
            case false?:
                guard case .success(var r) = c.transition(record, .reopen) else {
                    return c.messages.render("reask_fixed", language: language, values)
                }
                r.assignee = nil
                var outbox: [OutboxMessage] = []
                if let agencyChannel {
                    outbox.append(c.toChannel(agencyChannel, "Pelapor menyatakan \(r.tracking) BELUM beres: \"\(text)\". "
                        + "Aduan dibuka kembali; tenggat baru \(r.dueAt.map { c.dateTime($0) } ?? "-"). Ketik: ambil \(r.tracking)",
                        caseID: r.id))
                }
                // The citizens whose cases are duplicates of this one follow it too.
                outbox += try c.noticesToDuplicates(of: r)
                try c.database.save(CaseChange(record: r, at: c.now, events: [
                    c.event(r, actor: actor, channel: channel, kind: "not_fixed", from: .resolved, to: .reopened, note: text),
                ], outbox: outbox))
                return c.messages.render("not_fixed", language: language, values)
            case nil:
                if AnswerParser.isSkip(text) {
                    var r = record
                    r.version += 1
                    r.prompt = nil
                    try c.database.save(CaseChange(record: r, at: c.now, events: [
                        c.event(r, actor: actor, channel: channel, kind: "feedback_skipped", note: text),
                    ]))
                    return c.messages.render("feedback_skipped", language: language, values)
                }
                if Self.isLongerMessage(text) { return nil }
                return c.messages.render("reask_fixed", language: language, values)
            }
        case .rating:
            let skipped = AnswerParser.isSkip(text)
            let number = AnswerParser.number(text)
            guard skipped || (number.map { $0 == $0.rounded() && (1...5).contains($0) } ?? false) else {
                if Self.isLongerMessage(text) { return nil }
                return c.messages.render("reask_rating", language: language, values)
            }
            let rating = skipped ? nil : number.map { Int($0) }
            guard case .success(var r) = c.transition(record, .close) else {
                var r = record
                r.version += 1
                r.prompt = nil
                r.rating = rating
                try c.database.save(CaseChange(record: r, at: c.now, events: [
                    c.event(r, actor: actor, channel: channel, kind: "rating", note: rating.map { "\($0)/5" } ?? "dilewati"),
                ]))
                return c.messages.render("rated", language: language, values.merging(["rating": rating.map(String.init) ?? "-"]) { $1 })
            }
            r.rating = rating
            var outbox = agencyChannel.map {
                [c.toChannel($0, "Pelapor menilai penanganan \(r.tracking): \(rating.map { "\($0)/5" } ?? "tanpa nilai"). Aduan ditutup.",
                             caseID: r.id)]
            } ?? []
            outbox += try c.noticesToDuplicates(of: r)
            try c.database.save(CaseChange(record: r, at: c.now, events: [
                c.event(r, actor: actor, channel: channel, kind: "rating", note: rating.map { "\($0)/5" } ?? "dilewati"),
                c.event(r, actor: actor, channel: channel, kind: "closed", from: .resolved, to: .closed),
            ], outbox: outbox))
            return c.messages.render("rated", language: language, values.merging(["rating": rating.map(String.init) ?? "-"]) { $1 })
        }
    }
}
