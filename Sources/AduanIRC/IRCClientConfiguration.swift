/// Who the bot is on an IRC network and what it asks for: the part of the connection settings
/// that ``IRCClientStateMachine`` needs (no host, port or timing).
public struct IRCClientConfiguration: Sendable, Hashable {
    /// SASL PLAIN credentials.
    public struct SASL: Sendable, Hashable {
        /// The services account.
        public var account: String
        /// Its password.
        public var password: String

        /// Makes credentials.
        public init(account: String, password: String) {
            self.account = account
            self.password = password
        }
    }

    /// The nick the bot wants (`aduan`).
    public var nick: String
    /// The user name (ident) sent in `USER`.
    public var userName: String
    /// The "real name" sent in `USER`.
    public var realName: String
    /// The server password sent in `PASS`, or nil.
    public var password: String?
    /// SASL PLAIN credentials, or nil to log in to no account.
    public var sasl: SASL?
    /// The channels to join after registering (and to rejoin after a kick or a reconnect).
    public var channels: [IRCChannelJoin]
    /// The answer to a CTCP `VERSION`.
    public var version: String
    /// How long to wait before rejoining a channel the bot was kicked from.
    public var rejoinDelay: Duration
    /// The IRCv3 capabilities the bot asks for when the server offers them (`sasl` only when
    /// credentials are configured).
    public var wantedCapabilities: [String]

    /// The capabilities asked for by default.
    public static let defaultCapabilities = ["sasl", "message-tags", "account-tag", "server-time", "echo-message"]

    /// Makes a configuration.
    public init(nick: String, userName: String = "aduan", realName: String = "Aduan: layanan pengaduan warga",
                password: String? = nil, sasl: SASL? = nil, channels: [IRCChannelJoin] = [],
                version: String = "Aduan (Swift, swift-nio): layanan pengaduan warga",
                rejoinDelay: Duration = .seconds(5),
                wantedCapabilities: [String] = IRCClientConfiguration.defaultCapabilities) {
        self.nick = nick
        self.userName = userName
        self.realName = realName
        self.password = password
        self.sasl = sasl
        self.channels = channels
        self.version = version
        self.rejoinDelay = rejoinDelay
        self.wantedCapabilities = wantedCapabilities
    }
}
