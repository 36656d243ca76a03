/// How a server folds the case of nicknames and channel names (`CASEMAPPING` in `RPL_ISUPPORT`).
///
/// Lowercasing follows the servers' byte tables: `ascii` maps `A-Z` to `a-z`; `rfc1459-strict`
/// also maps `[`, `\`, `]` to `{`, `|`, `}`; `rfc1459` also maps `^` to `~`. (The prose of
/// RFC 2812 names the `~`/`^` pair the other way round; for ``equals(_:_:)`` the direction
/// does not matter.) Only ASCII bytes change, so UTF-8 text stays valid and keeps its length.
public enum IRCCaseMapping: String, Sendable, Hashable, CaseIterable {
    /// `A-Z` ↔ `a-z` only.
    case ascii = "ascii"
    /// `A-Z[\]^` ↔ `a-z{|}~`: the traditional default.
    case rfc1459 = "rfc1459"
    /// `A-Z[\]` ↔ `a-z{|}`: like `rfc1459` without the `^`/`~` pair.
    case rfc1459Strict = "rfc1459-strict"

    /// The mapping assumed when the server advertises none.
    public static let `default`: IRCCaseMapping = .rfc1459

    /// The mapping named by an ISUPPORT `CASEMAPPING` value (ASCII case-insensitive; the older
    /// spelling `strict-rfc1459` is accepted), or `nil` for a mapping this type does not know
    /// (such as `rfc7613`).
    public init?(isupportValue value: String) {
        switch value.lowercased() {
        case "ascii": self = .ascii
        case "rfc1459": self = .rfc1459
        case "rfc1459-strict", "strict-rfc1459": self = .rfc1459Strict
        default: return nil
        }
    }

    /// The last uppercase byte this mapping folds (`Z`, `]` or `^`).
    private var upperBound: UInt8 {
        switch self {
        case .ascii: return 0x5A  // Z
        case .rfc1459Strict: return 0x5D  // ]
        case .rfc1459: return 0x5E  // ^
        }
    }

    /// Folds one byte to its lowercase form under this mapping.
    public func lowercase(byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= upperBound ? byte + 0x20 : byte
    }

    /// The name folded to lowercase, for use as a dictionary key.
    public func lowercase(_ name: String) -> String {
        IRCBytes.string(name.utf8.map(lowercase(byte:)))
    }

    /// Whether two nicknames or channel names are the same under this mapping.
    public func equals(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8) { lowercase(byte: $0) == lowercase(byte: $1) }
    }
}
