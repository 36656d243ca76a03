/// Keeps what the server has received from the bot but not yet processed under a limit, so a
/// server that processes a client's lines slowly (InspIRCd's default is about one line a second,
/// with "fake lag" beyond that) never finds its receive queue over its limit and drops the bot
/// ("RecvQ exceeded") — whatever the bot's own flood control allows.
///
/// The server tells how far it got: after every ``pingEvery`` bytes the bot sends `PING
/// aduan-w<N>` (N: the bytes sent so far); the server answers with `PONG` only once it has
/// processed every line before it. Chat waits while more than ``limit`` bytes are unanswered.
/// Protocol lines (`PONG`, `QUIT` …) are counted but never wait. Pure: no I/O.
struct IRCServerWindow: Sendable, Equatable {
    /// The most bytes sent and not yet answered before chat waits (nil: no window).
    let limit: Int?
    /// Bytes between two `PING`s.
    let pingEvery: Int
    private var sent = 0
    private var answered = 0
    private var pinged = 0

    /// The token prefix of the window's `PING`s.
    static let tokenPrefix = "aduan-w"

    /// A window of `limit` bytes (InspIRCd's default receive queue holds 8 KiB), pinging every `pingEvery`.
    init(limit: Int? = 2560, pingEvery: Int = 1024) {
        self.limit = limit
        self.pingEvery = max(1, pingEvery)
    }

    /// Bytes sent that the server has not answered for yet.
    var unanswered: Int { sent - answered }

    /// Whether a chat line of `size` bytes may go now.
    func allows(_ size: Int) -> Bool {
        guard let limit else { return true }
        return unanswered == 0 || unanswered + size <= limit
    }

    /// Counts a line of `size` bytes (CR LF included) as sent; returns the token of the `PING`
    /// to send right after it when one is due.
    mutating func sent(_ size: Int) -> String? {
        guard limit != nil else { return nil }
        sent += size
        guard sent - pinged >= pingEvery else { return nil }
        pinged = sent
        return Self.tokenPrefix + String(sent)
    }

    /// A `PONG` with `token`: whether it answered more of what was sent (chat may go on).
    mutating func answer(_ token: String) -> Bool {
        guard token.hasPrefix(Self.tokenPrefix), let through = Int(token.dropFirst(Self.tokenPrefix.count)),
              through > answered, through <= sent else { return false }
        answered = through
        return true
    }

    /// A new connection: nothing sent yet.
    mutating func reset() {
        sent = 0
        answered = 0
        pinged = 0
    }
}
