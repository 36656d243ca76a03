/// Who may run staff commands, and on which cases: built from a bot's agencies (`staff`,
/// `head`) and `coordinators`.
///
/// Identity is the account the network vouches for (``InboundMessage/account``), never a nick or
/// a display name: a message without an account is refused.
struct StaffDirectory: Sendable {
    /// What one identity may do.
    struct Role: Sendable, Hashable {
        /// Acts on every case.
        var coordinator = false
        /// The agencies whose cases it may act on (as staff or head).
        var agencies: Set<String> = []
        /// The agencies it heads.
        var heads: Set<String> = []
    }

    private let roles: [String: Role]

    init(_ configuration: BotConfiguration) {
        var roles: [String: Role] = [:]
        for account in (configuration.coordinators ?? []).map(Self.canonical) {
            roles[account, default: Role()].coordinator = true
        }
        for agency in configuration.agencies {
            for account in agency.staff.map(Self.canonical) {
                roles[account, default: Role()].agencies.insert(agency.id)
            }
            for account in agency.head.map(Self.canonical) {
                roles[account, default: Role()].agencies.insert(agency.id)
                roles[account, default: Role()].heads.insert(agency.id)
            }
        }
        self.roles = roles
    }

    /// The role of an account, or nil for someone who is not staff.
    func role(of account: String) -> Role? {
        roles[Self.canonical(account)]
    }

    /// The form identities are compared in: IRC services account names without case (the IRC
    /// transport reports them folded), everything else exactly.
    static func canonical(_ identity: String) -> String {
        identity.hasPrefix("irc-account:") ? identity.lowercased() : identity
    }

    /// Whether an identity can be written in a bot file's staff lists: an account a network
    /// vouches for. `irc:NICK` is refused (a nick alone proves nothing).
    static func isVouchedIdentity(_ identity: String) -> Bool {
        let prefixes = ["irc-account:", "matrix:@", "terminal:"]
        return prefixes.contains { identity.hasPrefix($0) && identity.count > $0.count }
            && !identity.contains(" ")
    }

    /// The names to show for identities, each person once though listed once per network.
    static func displayNames(_ identities: [String]) -> [String] {
        var names: [String] = []
        for name in identities.map(displayName) where !names.contains(name) { names.append(name) }
        return names
    }

    /// The name to show for a staff identity: `irc-account:budi` → `budi`.
    static func displayName(_ identity: String) -> String {
        for prefix in ["irc-account:", "matrix:", "terminal:"] where identity.hasPrefix(prefix) {
            return String(identity.dropFirst(prefix.count))
        }
        return identity
    }
}

extension StaffDirectory.Role {
    /// Whether it may act on a case routed to `opd`.
    func mayAct(onCaseOf opd: String) -> Bool {
        coordinator || agencies.contains(opd)
    }
}
