import AduanIRCProtocol

/// Who is who on IRC: turns the nick (and account) of a message's sender into the stable identity
/// their conversation is kept under, and an identity back into the nick to answer.
///
/// - With IRCv3 `account-tag` (a server with services, such as InspIRCd with Atheme), a message
///   from a logged-in user carries `account=<name>` and the identity is `irc-account:<name>`:
///   the same conversation under any nick, from any connection, across restarts of the bot.
/// - Otherwise the identity is `irc:<nick>`, the nick folded by the server's casemapping. A nick
///   change (`NICK`) is only seen when the bot shares a channel with the user; then the new nick
///   keeps the old identity (`budi` → `budi_hp` stays `irc:budi`). A user who only sends private
///   messages and changes nick cannot be recognized: the new nick starts a new conversation.
/// - If someone else later takes a nick whose identity has moved on with its first owner, they
///   get a fresh identity (`irc:budi/2`) instead of the first owner's conversation.
/// - A `QUIT` seen in a shared channel forgets the user's nick changes: a returning user is
///   known by the nick they come back with.
///
/// The book is kept in memory only: after a restart of the bot, renamed users are known by their
/// current nick. Only identities that cannot be derived from the nick are stored, so the book
/// stays small however many citizens write to the bot.
public struct IRCIdentityBook: Sendable, Hashable {
    /// Folded nick → identity, for nicks whose identity is not `irc:<folded nick>`.
    private var identityByNick: [String: String] = [:]
    /// Identity → the nick it is at now, for the same identities.
    private var nickByIdentity: [String: String] = [:]

    /// The prefix of an identity vouched for by services.
    public static let accountPrefix = "irc-account:"
    /// The prefix of an identity made from a nick.
    public static let nickPrefix = "irc:"

    /// An empty book.
    public init() {}

    /// The identity of a services account: `irc-account:` and the name folded by `caseMapping`.
    public static func identity(account: String, caseMapping: IRCCaseMapping) -> String {
        accountPrefix + caseMapping.lowercase(account)
    }

    /// The number of stored (non-derivable) identities.
    public var count: Int { nickByIdentity.count }

    /// The identity of the sender of a message from `nick`, logged in to `account` (nil or `*`
    /// when not logged in). `accountTagsEnabled` says whether the server tags messages with
    /// accounts at all: then a message without the tag is from a user who is not logged in, and
    /// never gets an account's conversation.
    public mutating func identity(nick: String, account: String?, accountTagsEnabled: Bool,
                                  caseMapping: IRCCaseMapping) -> String {
        let folded = caseMapping.lowercase(nick)
        if let account, !account.isEmpty, account != "*" {
            let identity = Self.identity(account: account, caseMapping: caseMapping)
            store(identity, nick: nick, folded: folded, caseMapping: caseMapping)
            return identity
        }
        if let known = identityByNick[folded] {
            if !(accountTagsEnabled && known.hasPrefix(Self.accountPrefix)) {
                nickByIdentity[known] = nick
                return known
            }
            // Logged out: the nick no longer speaks for the account.
            identityByNick[folded] = nil
        }
        let derived = Self.nickPrefix + folded
        guard let holder = nickByIdentity[derived], caseMapping.lowercase(holder) != folded else {
            return derived
        }
        // `derived` moved on with a user who changed nick; this is somebody else.
        var number = 2
        while nickByIdentity[derived + "/\(number)"] != nil { number += 1 }
        let fresh = derived + "/\(number)"
        store(fresh, nick: nick, folded: folded, caseMapping: caseMapping)
        return fresh
    }

    /// A user changed nick from `old` to `new` (a `NICK` message seen in a shared channel).
    public mutating func renamed(from old: String, to new: String, caseMapping: IRCCaseMapping) {
        let oldFolded = caseMapping.lowercase(old)
        let newFolded = caseMapping.lowercase(new)
        let identity = identityByNick.removeValue(forKey: oldFolded) ?? Self.nickPrefix + oldFolded
        if identity == Self.nickPrefix + newFolded {
            // Back to the nick the identity is derived from (or only the case changed).
            nickByIdentity[identity] = nil
            identityByNick[newFolded] = nil
            return
        }
        store(identity, nick: new, folded: newFolded, caseMapping: caseMapping)
    }

    /// A user left the network (a `QUIT` seen in a shared channel): forget their nick changes.
    public mutating func quit(nick: String, caseMapping: IRCCaseMapping) {
        let folded = caseMapping.lowercase(nick)
        if let identity = identityByNick.removeValue(forKey: folded) {
            nickByIdentity[identity] = nil
        }
        if let holder = nickByIdentity[Self.nickPrefix + folded], caseMapping.lowercase(holder) == folded {
            nickByIdentity[Self.nickPrefix + folded] = nil
        }
    }

    /// The nick to send to for `identity`: the nick it was last seen at, or the nick it is
    /// derived from; nil for an account or a renumbered identity the book no longer knows.
    public func nick(for identity: String) -> String? {
        if let nick = nickByIdentity[identity] { return nick }
        guard identity.hasPrefix(Self.nickPrefix) else { return nil }
        let nick = String(identity.dropFirst(Self.nickPrefix.count))
        return nick.isEmpty || nick.contains("/") ? nil : nick
    }

    private mutating func store(_ identity: String, nick: String, folded: String, caseMapping: IRCCaseMapping) {
        if let previous = nickByIdentity[identity], caseMapping.lowercase(previous) != folded,
           identityByNick[caseMapping.lowercase(previous)] == identity {
            identityByNick[caseMapping.lowercase(previous)] = nil
        }
        if let displaced = identityByNick[folded], displaced != identity {
            nickByIdentity[displaced] = nil
        }
        identityByNick[folded] = identity
        nickByIdentity[identity] = nick
    }
}
