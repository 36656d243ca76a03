import Foundation

/// One change to a filed case by the staff desk, the citizen's answers or the clock, written
/// atomically by ``AduanDatabase/save(_:)``: the case's new state, the history entries that
/// record it, and the messages that announce it (through the outbox).
///
/// ```swift
/// var record = stored            // read with AduanDatabase.case(tracking:)
/// record.status = "in_progress"
/// record.assignee = "irc-account:budi"
/// record.version += 1
/// try database.save(CaseChange(record: record, at: now, events: [taken], outbox: [toCitizen]))
/// ```
public struct CaseChange: Sendable, Equatable {
    /// The case after the change. Its `version` must be exactly the stored version + 1, or the
    /// write fails with ``StoreError/staleCase(tracking:version:storedVersion:)``.
    public var record: CaseRecord
    /// When the change happens (the case's `updatedAt`).
    public var at: Date
    /// History entries to append (their `caseID` is set to the case's).
    public var events: [CaseEventRecord]
    /// Messages to deliver (their `caseID`, when nil, is set to the case's).
    public var outbox: [OutboxMessage]

    /// Makes a change.
    public init(record: CaseRecord, at: Date, events: [CaseEventRecord], outbox: [OutboxMessage] = []) {
        self.record = record
        self.at = at
        self.events = events
        self.outbox = outbox
    }
}
