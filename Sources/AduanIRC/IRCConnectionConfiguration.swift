/// Where and how the bot connects: the server, the client identity, flood control, reconnecting.
///
/// ```swift
/// var settings = IRCConnectionConfiguration(host: "127.0.0.1", port: 6667,
///                                           client: .init(nick: "aduan", channels: [IRCChannelJoin("#aduan-bangli")]))
/// settings.flood = IRCFloodControl(burst: 4, interval: .milliseconds(700))
/// ```
public struct IRCConnectionConfiguration: Sendable {
    /// The server's host name or address.
    public var host: String
    /// The server's port (6667 for plain TCP, usually 6697 for TLS).
    public var port: Int
    /// TLS settings; nil for plain TCP.
    public var tls: IRCTLSSettings?
    /// Who the bot is and what it joins.
    public var client: IRCClientConfiguration
    /// The outgoing rate limit (burst 4, then one line per 700 ms by default; an interval of
    /// zero is unlimited).
    public var flood: IRCFloodControl
    /// The most bytes sent to the server and not yet processed by it (answered `PING`) before
    /// chat waits, so that a server processing slowly never overflows its receive queue (see
    /// ``IRCServerWindow``). 2,560 by default, well under InspIRCd's 8 KiB; off with an
    /// unlimited ``flood``.
    public var serverWindow: Int
    /// The delays between connection attempts.
    public var backoff: IRCReconnectBackoff
    /// How long a connection attempt may take.
    public var connectTimeout: Duration
    /// How often the connection checks that the server still answers (see
    /// ``IRCClientStateMachine/tick(receivedSinceLastTick:)``).
    public var keepaliveInterval: Duration
    /// The longest received line kept; longer ones are thrown away.
    public var maximumLineLength: Int
    /// The most chat messages kept while the connection is down; beyond it the oldest are
    /// dropped (and logged).
    public var maximumQueuedMessages: Int
    /// The seed of the random nick suffix and the reconnect jitter (nil: random).
    public var seed: UInt64?

    /// Makes a configuration with the defaults.
    public init(host: String, port: Int = 6667, client: IRCClientConfiguration,
                flood: IRCFloodControl = IRCFloodControl(), backoff: IRCReconnectBackoff = IRCReconnectBackoff(),
                connectTimeout: Duration = .seconds(10), keepaliveInterval: Duration = .seconds(60),
                maximumLineLength: Int = 8191 + 512, maximumQueuedMessages: Int = 10_000, seed: UInt64? = nil,
                tls: IRCTLSSettings? = nil, serverWindow: Int = 2560) {
        self.host = host
        self.port = port
        self.tls = tls
        self.client = client
        self.flood = flood
        self.serverWindow = serverWindow
        self.backoff = backoff
        self.connectTimeout = connectTimeout
        self.keepaliveInterval = keepaliveInterval
        self.maximumLineLength = maximumLineLength
        self.maximumQueuedMessages = maximumQueuedMessages
        self.seed = seed
    }
}
