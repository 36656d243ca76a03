import Foundation

/// One revision of a dialog file, kept so that a conversation can finish on the revision it
/// started with even after the file is edited and the bot restarted.
public struct DialogRevisionRecord: Sendable, Equatable, Hashable, Codable {
    /// The revision identifier: a hash of `source`.
    public var revision: String
    /// The dialog this is a revision of.
    public var dialogID: String
    /// The whole dialog file text.
    public var source: String
    /// When the revision was first saved (stored to the millisecond).
    public var createdAt: Date

    /// Creates a dialog revision record.
    public init(revision: String, dialogID: String, source: String, createdAt: Date) {
        self.revision = revision
        self.dialogID = dialogID
        self.source = source
        self.createdAt = createdAt
    }
}
