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

    /// More than three words: a remark of its own rather than a short answer.
    static func isLongerMessage(_ text: String) -> Bool {
        text.split(whereSeparator: { $0.isWhitespace }).count > 3
    }

    /// "Is it fixed?" read generously: a plain yes or no, or a sentence that starts with one
    /// ("masih berlubang di utara" is no; "sudah, terima kasih" is yes); nil when unclear.
    static func fixed(_ text: String) -> Bool? {
        if let answer = AnswerParser.yesNo(text) { return answer }
        let words = TextMatching.normalize(text).split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        let doubt: Set<String> = ["masih", "belum", "blm", "tidak", "tdk", "gak", "ga", "nggak", "belom", "still", "not", "no"]
        if doubt.contains(first) { return false }
        if ["sudah", "sdh", "udah", "yes", "ya", "iya"].contains(first),
           !words.contains(where: { doubt.contains($0) || AnswerParser.reservationWords.contains($0) }) {
            return true
        }
        return nil
    }

    /// A rating 1–5 given as a number or in a sentence ("5 mantap pak", "nilai 4").
    static func rating(_ text: String) -> Int? {
        if let number = AnswerParser.number(text), number == number.rounded(), (1...5).contains(number) {
            return Int(number)
        }
        let numbers = TextMatching.normalize(text).split(separator: " ").compactMap { Int($0) }
        guard numbers.count == 1, let only = numbers.first, (1...5).contains(only) else { return nil }
        return only
    }

    /// Handles `text` as the answer to `record`'s prompt; returns the reply to the citizen. A
    /// longer remark that answers neither "is it fixed?" nor the rating is attached to the case
    /// (and posted in the agency's channel) before the question is asked again: nothing the
    /// citizen writes is lost.
    func answer(_ text: String, to record: CaseRecord, channel: String) throws -> String {
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
            switch Self.fixed(text) {
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
                return try remark(text, on: record, actor: actor, channel: channel)
                    + c.messages.render("reask_fixed", language: language, values)
            }
        case .rating:
            let skipped = AnswerParser.isSkip(text)
            let given = Self.rating(text)
            guard skipped || given != nil else {
                return try remark(text, on: record, actor: actor, channel: channel)
                    + c.messages.render("reask_rating", language: language, values)
            }
            let rating = skipped ? nil : given
            guard case .success(var r) = c.transition(record, .close) else {
                var r = record
                r.version += 1
                r.prompt = nil
                r.rating = rating
                try c.database.save(CaseChange(record: r, at: c.now, events: [
                    c.event(r, actor: actor, channel: channel, kind: "rating", note: (rating.map { "\($0)/5" } ?? "dilewati") + Self.words(text)),
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
                c.event(r, actor: actor, channel: channel, kind: "rating", note: (rating.map { "\($0)/5" } ?? "dilewati") + Self.words(text)),
                c.event(r, actor: actor, channel: channel, kind: "closed", from: .resolved, to: .closed),
            ], outbox: outbox))
            return c.messages.render("rated", language: language, values.merging(["rating": rating.map(String.init) ?? "-"]) { $1 })
        }
    }

    /// The citizen's own words after a rating, when there are more than the number.
    private static func words(_ text: String) -> String {
        isLongerMessage(text) ? " — " + text : ""
    }

    /// Attaches a longer remark to the case and posts it in the agency's channel; returns the
    /// acknowledgement to put before the question asked again ("" for a short unclear answer).
    private func remark(_ text: String, on record: CaseRecord, actor: String, channel: String) throws -> String {
        guard Self.isLongerMessage(text) else { return "" }
        let c = context
        var r = record
        r.version += 1
        let outbox = c.channel(of: record.opd).map {
            [c.toChannel($0, "Keterangan pelapor \(r.tracking):\n\(text)", caseID: r.id)]
        } ?? []
        try c.database.save(CaseChange(record: r, at: c.now, events: [
            c.event(r, actor: actor, channel: channel, kind: "citizen_answer", note: text),
        ], outbox: outbox))
        let values = ["tracking": record.tracking, "opd": c.agencyName(record.opd, language: record.language)]
        return c.messages.render("answer_received", language: record.language, values) + "\n"
    }
}
