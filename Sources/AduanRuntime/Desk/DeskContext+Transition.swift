import AduanCore
import AduanDesk
import AduanStore
import Foundation

extension DeskContext {
    /// The case after `action`, with its clock kept right: entering *waiting* pauses it (the
    /// working time left is kept), leaving *waiting* resumes it, a finished case has no alarm, and
    /// a reopened case gets a fresh deadline (and stops being a duplicate). Nil with the refusal
    /// when the lifecycle forbids it.
    func transition(_ record: CaseRecord, _ action: CaseAction) -> Result<CaseRecord, TransitionRefusal> {
        let from = CaseStatus(rawValue: record.status) ?? .received
        let to: CaseStatus
        switch CaseLifecycle.next(after: action, from: from) {
        case .success(let status): to = status
        case .failure(let refusal): return .failure(refusal)
        }
        var r = record
        r.status = to.rawValue
        r.version += 1
        if from == .waiting && to != .waiting {
            if CaseLifecycle.isOpen(to), r.dueAt != nil {
                r.dueAt = calendar.resumed(remaining: r.pausedRemaining ?? 0, at: now)
            }
            r.pausedRemaining = nil
            r.waitingUntil = nil
            r.waitingReason = nil
        }
        if to == .waiting, from != .waiting, let due = r.dueAt {
            r.pausedRemaining = calendar.remaining(until: due, at: now)
        }
        if to == .reopened {
            r.dueAt = freshDeadline(for: r)
            r.clockStage = 0
            r.rating = nil
            // A reopened duplicate is a case of its own again: it no longer follows the original.
            r.duplicateOf = nil
        }
        if CaseLifecycle.isOpen(to) && to != .waiting {
            r.alarmAt = nextAlarm(due: r.dueAt, stage: r.clockStage)
        } else {
            r.alarmAt = nil
        }
        if !CaseLifecycle.isOpen(to) || to == .reopened {
            r.prompt = nil
        }
        return .success(r)
    }

    /// The citizen-message key for a case that has just reached `status`.
    static func noticeKey(for status: CaseStatus) -> String {
        switch status {
        case .received, .verified: return "verified"
        case .forwarded: return "forwarded"
        case .inProgress: return "in_progress"
        case .waiting: return "waiting"
        case .resolved: return "resolved"
        case .rejected: return "rejected"
        case .duplicate: return "duplicate"
        case .closed: return "closed"
        case .reopened: return "reopened"
        }
    }

    /// Tells the citizens of the duplicates of `original` that it reached a new status.
    /// `values` are those of the original's own notice: its report, or its reason (and date,
    /// and whom to contact), which the duplicates' citizens read too.
    func noticesToDuplicates(of original: CaseRecord, values: [String: String] = [:]) throws -> [OutboxMessage] {
        guard let id = original.id else { return [] }
        let status = CaseStatus(rawValue: original.status) ?? .received
        var detail = values["report"] ?? values["reason"] ?? ""
        if let until = values["until"], !detail.isEmpty { detail += " (\(until))" }
        if let refer = values["refer"] { detail += refer }
        detail = detail.trimmingCharacters(in: .whitespaces)
        while let last = detail.last, ".!?".contains(last) { detail.removeLast() }
        return try database.duplicates(of: id).compactMap { duplicate in
            toCitizen(duplicate, "original_update", [
                "original": original.tracking, "status": status.label(language: duplicate.language),
                "detail": detail.isEmpty ? "" : " — " + detail,
            ])
        }
    }
}

extension TransitionRefusal {
    /// The refusal as staff read it.
    func text(tracking: String) -> String {
        let words = possible.map { StaffVerb(action: $0).words[0] }
        let options = words.isEmpty ? "" : " Yang bisa: " + words.joined(separator: ", ") + "."
        return "\(tracking) berstatus \(status.label(language: "id")); perintah \(StaffVerb(action: action).words[0]) "
            + "tidak bisa dipakai.\(options) (\(tracking) is \(status.label(language: "en")).)"
    }
}

extension StaffVerb {
    /// The command that performs a lifecycle action.
    init(action: CaseAction) {
        switch action {
        case .verify: self = .verify
        case .forward: self = .forward
        case .take: self = .take
        case .start: self = .start
        case .wait: self = .wait
        case .resolve: self = .resolve
        case .reject: self = .reject
        case .markDuplicate: self = .duplicate
        case .reopen: self = .reopen
        case .close: self = .close
        }
    }
}
