import AduanRuntime
import Foundation

/// A local IRC network for trying the bot by hand with a real client (`aduan-testnet`):
/// InspIRCd with Atheme services on 127.0.0.1, and a services account with one password for
/// every IRC account a bot file names (coordinators, agency staff and heads), so the staff
/// desk can be worked as the bot file's officers without setting up services by hand.
public final class TryNetwork: @unchecked Sendable {
    /// Someone the bot file lets act, with a services account on this network.
    public struct Officer: Sendable, Equatable {
        /// The services account (and the nick to use).
        public var account: String
        /// Their role, in Indonesian and English.
        public var role: String
        /// The staff channel to join, when the bot file names one.
        public var channel: String?

        /// `account`, acting as `role`, in `channel`.
        public init(account: String, role: String, channel: String?) {
            self.account = account
            self.role = role
            self.channel = channel
        }
    }

    /// The servers (stop with ``stop()``).
    public let server: InspircdServer
    /// The accounts registered, in the bot file's order: coordinators, then each agency's staff and head.
    public let officers: [Officer]
    /// The password of every account.
    public let password: String

    private init(server: InspircdServer, officers: [Officer], password: String) {
        self.server = server
        self.officers = officers
        self.password = password
    }

    /// Starts InspIRCd + Atheme with clients on 127.0.0.1:`port` and registers an account for
    /// every `irc-account:` the bot file names.
    ///
    /// - Throws: ``ServerLaunchFailure`` when the servers do not start or an account cannot be registered.
    public static func start(bot: BotConfiguration, port: Int, password: String) throws -> TryNetwork {
        let officers = Self.officers(of: bot)
        let server = try InspircdServer.start(services: true, port: port)
        do {
            try server.registerAccounts(officers.map(\.account), password: password)
        } catch {
            server.stop()
            throw error
        }
        return TryNetwork(server: server, officers: officers, password: password)
    }

    /// The IRC accounts of a bot file with their roles; an account named twice keeps its first role.
    public static func officers(of bot: BotConfiguration) -> [Officer] {
        var found: [Officer] = []
        func add(_ identities: [String], role: String, channel: String?) {
            for identity in identities where identity.hasPrefix("irc-account:") {
                let account = String(identity.dropFirst("irc-account:".count))
                guard !found.contains(where: { $0.account == account }) else { continue }
                found.append(Officer(account: account, role: role, channel: channel))
            }
        }
        add(bot.coordinators ?? [], role: "koordinator / coordinator", channel: bot.coordinatorChannel)
        for agency in bot.agencies {
            add(agency.staff, role: "staf / staff \(agency.id)", channel: agency.channel)
            add(agency.head, role: "kepala / head \(agency.id)", channel: agency.headChannel ?? agency.channel)
        }
        return found
    }

    /// What to type to try the bot on this network: the bot, a citizen, an officer; then every account.
    public func instructions(botPath: String, database: String) -> String {
        let port = server.port
        var text = """
            Jaringan IRC uji berjalan / test IRC network running: InspIRCd + Atheme on 127.0.0.1:\(port)
            (akun/accounts, SASL, account-tag; log: \(server.folder.path))

            1. Bot (terminal lain / another terminal):
                 swift run aduan run --bot \(botPath) --db \(database) --irc-host 127.0.0.1 --irc-port \(port) --nick aduan

            2. Warga / citizen:
                 irssi -c 127.0.0.1 -p \(port) -n warga1
                 /msg aduan halo

            """
        if let officer = officers.first(where: { $0.role.hasPrefix("staf") }) ?? officers.first {
            text += """

                3. Petugas / officer (masuk ke akun dulu / log in first), e.g. \(officer.account):
                     irssi -c 127.0.0.1 -p \(port) -n \(officer.account)
                     /msg NickServ IDENTIFY \(password)
                     /join \(officer.channel ?? "#channel")
                     bantuan

                """
        }
        text += "\nAkun / accounts (sandi / password \(password)):\n"
        let width = (officers.map(\.account.count).max() ?? 0) + 2
        let roleWidth = (officers.map(\.role.count).max() ?? 0) + 2
        for officer in officers {
            text += "  " + officer.account.padding(toLength: width, withPad: " ", startingAt: 0)
                + officer.role.padding(toLength: roleWidth, withPad: " ", startingAt: 0)
                + (officer.channel ?? "") + "\n"
        }
        if officers.isEmpty {
            text += "  (the bot file names no irc-account: officers, so nobody can use staff commands)\n"
        }
        return text + "\nCtrl-C menghentikan jaringan / stops the network.\n"
    }

    /// Stops Atheme and InspIRCd.
    public func stop() {
        server.stop()
    }
}
