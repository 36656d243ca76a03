import AduanCore
import AduanDesk
import AduanStore
import Foundation

/// Fires the alarms of cases whose time has come: reminders before the deadline in the
/// agency's channel, and each step of the escalation ladder after it, each announced where it
/// belongs and recorded in the history. Alarms are rows (`alarm_at`, `clock_stage`), not
/// sleeping tasks: they survive restarts, and the version check makes each fire once.
struct CaseClockRunner {
    let context: DeskContext

    /// Fires every alarm due now; returns how many fired.
    @discardableResult
    func fireDueAlarms() throws -> Int {
        let c = context
        var fired = 0
        // A case may have several alarms overdue (the bot was down): fire them in order.
        for _ in 0..<20 {
            let due = try c.database.casesWithAlarm(botID: c.bot.id, dueBy: c.now)
            if due.isEmpty { break }
            for record in due {
                do {
                    fired += try fire(record) ? 1 : 0
                } catch StoreError.staleCase {
                    continue // changed meanwhile: the next round reads it again
                }
            }
        }
        if let days = c.configuration.retentionDays {
            try c.database.redactFinishedCases(botID: c.bot.id, changedBefore: c.now.addingTimeInterval(-Double(days) * 86_400),
                                               at: c.now)
        }
        return fired
    }

    /// Fires the next alarm of one case (or just moves its alarm when its deadline moved).
    private func fire(_ record: CaseRecord) throws -> Bool {
        let c = context
        var r = record
        r.version += 1
        let status = CaseStatus(rawValue: record.status) ?? .received
        if status == .waiting {
            return try waitEnded(record)
        }
        guard CaseLifecycle.isOpen(status), let dueAt = record.dueAt,
              let alarm = c.policy.nextAlarm(due: dueAt, calendar: c.calendar, stage: record.clockStage) else {
            r.alarmAt = nil
            try c.database.save(CaseChange(record: r, at: record.updatedAt, events: []))
            return false
        }
        if alarm.at > c.now {
            r.alarmAt = alarm.at
            try c.database.save(CaseChange(record: r, at: record.updatedAt, events: []))
            return false
        }
        r.clockStage += 1
        r.alarmAt = c.nextAlarm(due: dueAt, stage: r.clockStage)
        if case .reminder = alarm.kind, dueAt <= c.now {
            // The bot was down past the deadline: "N hours left" would be false. The escalation
            // steps that follow say it is late.
            try c.database.save(CaseChange(record: r, at: record.updatedAt, events: []))
            return false
        }
        let agency = c.agency(record.opd)
        let name = c.agencyShortName(record.opd)
        let summary = "\(record.tracking) (\(c.categoryLabel(record.category)), \(c.place(of: record)))"
        var outbox: [OutboxMessage] = []
        let kind: String
        let note: String
        switch alarm.kind {
        case .reminder(let hours):
            kind = "reminder"
            note = "\(Self.hours(hours)) sebelum tenggat"
            // The working time really left: less than `hours` when the clock runs late.
            let left = Self.hours(c.calendar.workingSeconds(from: c.now, to: dueAt) / 3600)
            if let channel = agency?.channel {
                outbox.append(c.toChannel(channel, "Pengingat: \(summary) harus ditanggapi sebelum \(c.dateTime(dueAt)) "
                    + "(\(left) lagi)\(record.assignee.map { " · dipegang \(StaffDirectory.displayName($0))" } ?? " · belum diambil: ketik ambil \(record.tracking)")",
                    caseID: record.id))
            }
        case .escalation(let step, let target):
            kind = "escalation"
            let late = max(0, c.now.timeIntervalSince(dueAt))
            let onTime = late < 60
            let lateness = onTime ? "tepat pada tenggat" : "terlambat \(Self.hours(late / 3600))"
            note = "tingkat \(step + 1): \(target.label(language: "id")) (\(lateness))"
            let text = "ESKALASI tingkat \(step + 1) → \(target.label(language: "id")): \(summary) di \(name) "
                + "\(onTime ? "mencapai" : "melewati") tenggat \(c.dateTime(dueAt)) (\(lateness)), status \(status.label(language: "id"))."
            for channel in channels(for: target, agency: agency) {
                var line = text
                if target == .head, let heads = agency?.head, !heads.isEmpty {
                    line = StaffDirectory.displayNames(heads).joined(separator: ", ") + ": " + text
                }
                outbox.append(c.toChannel(channel, line, caseID: record.id))
            }
        }
        try c.database.save(CaseChange(record: r, at: record.updatedAt, events: [
            c.event(r, actor: "clock", channel: "clock", kind: kind, note: note),
        ], outbox: outbox))
        return true
    }

    /// The day a wait was expected to end has come: the agency is reminded to go on or to
    /// extend the wait (once; the clock stays paused until staff act).
    private func waitEnded(_ record: CaseRecord) throws -> Bool {
        let c = context
        var r = record
        r.version += 1
        r.alarmAt = nil
        var outbox: [OutboxMessage] = []
        if let channel = c.channel(of: record.opd) {
            outbox.append(c.toChannel(channel, "Masa tunggu \(record.tracking) (\(record.waitingReason ?? "-")) berakhir "
                + "\(record.waitingUntil ?? "hari ini"). Lanjutkan dengan: proses \(record.tracking) — atau perpanjang: "
                + "tunda \(record.tracking) TANGGAL alasan", caseID: record.id))
        }
        try c.database.save(CaseChange(record: r, at: record.updatedAt, events: [
            c.event(r, actor: "clock", channel: "clock", kind: "wait_ended", note: record.waitingUntil),
        ], outbox: outbox))
        return true
    }

    /// Where an escalation step is announced.
    private func channels(for target: EscalationTarget, agency: Agency?) -> [String] {
        let c = context.configuration
        var channels: [String]
        switch target {
        case .head:
            channels = [agency?.headChannel ?? agency?.channel].compactMap { $0 }
        case .coordinator:
            channels = [c.coordinatorChannel].compactMap { $0 }
        case .leadership:
            channels = [c.leadershipChannel ?? c.coordinatorChannel].compactMap { $0 }
        }
        if channels.isEmpty, let coordinator = c.coordinatorChannel { channels = [coordinator] }
        return channels
    }

    static func hours(_ hours: Double) -> String {
        if hours < 1 { return "\(max(1, Int((hours * 60).rounded()))) menit" }
        let rounded = (hours * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) jam" : "\(rounded) jam"
    }
}
