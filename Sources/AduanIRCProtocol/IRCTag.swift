/// One IRCv3 message tag: a key and its unescaped value.
///
/// A tag sent without a value (`@key`) and one sent with an empty value (`@key=`) both have the
/// value `""`; the serializer writes either as `key` (the message-tags spec allows normalising the
/// empty form to the missing form, never the reverse).
public struct IRCTag: Sendable, Hashable {
    /// The tag's key, for example `time`, `+draft/reply` or `example.com/foo`.
    public var key: String
    /// The tag's value, unescaped (`\s` is already a space, `\:` a semicolon, and so on).
    public var value: String

    /// Makes a tag; `value` is the unescaped value (`""` for a tag without a value).
    public init(key: String, value: String = "") {
        self.key = key
        self.value = value
    }

    /// Unescapes a tag value as received on the wire, per the IRCv3 message-tags spec:
    /// `\:` → `;`, `\s` → space, `\\` → `\`, `\r` → CR, `\n` → LF; a backslash before any other
    /// character is dropped (the character is kept); a lone backslash at the end is dropped.
    /// Invalid UTF-8 is decoded with replacement characters.
    public static func unescape(_ escaped: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(escaped.count)
        var pendingBackslash = false
        for byte in escaped {
            if pendingBackslash {
                pendingBackslash = false
                switch byte {
                case IRCBytes.colon: out.append(IRCBytes.semicolon)
                case UInt8(ascii: "s"): out.append(IRCBytes.space)
                case UInt8(ascii: "r"): out.append(IRCBytes.cr)
                case UInt8(ascii: "n"): out.append(IRCBytes.lf)
                default: out.append(byte)  // includes `\\` → `\`
                }
            } else if byte == IRCBytes.backslash {
                pendingBackslash = true
            } else {
                out.append(byte)
            }
        }
        return IRCBytes.string(out)
    }

    /// Unescapes a tag value given as a string (see the byte overload).
    public static func unescape(_ escaped: String) -> String {
        unescape(Array(escaped.utf8))
    }

    /// Escapes a tag value for the wire: `;` → `\:`, space → `\s`, `\` → `\\`, CR → `\r`,
    /// LF → `\n`. Every other byte is kept (NUL is refused by the serializer, not here).
    public static func escape(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        escape(value, into: &out)
        return IRCBytes.string(out)
    }

    static func escape(_ value: String, into out: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case IRCBytes.semicolon: out.append(contentsOf: [IRCBytes.backslash, IRCBytes.colon])
            case IRCBytes.space: out.append(contentsOf: [IRCBytes.backslash, UInt8(ascii: "s")])
            case IRCBytes.backslash: out.append(contentsOf: [IRCBytes.backslash, IRCBytes.backslash])
            case IRCBytes.cr: out.append(contentsOf: [IRCBytes.backslash, UInt8(ascii: "r")])
            case IRCBytes.lf: out.append(contentsOf: [IRCBytes.backslash, UInt8(ascii: "n")])
            default: out.append(byte)
            }
        }
    }

    /// Whether `key` is a valid tag key: `[+][vendor/]name` made of ASCII letters, digits,
    /// `-`, `.` and `/`, with `+` allowed only as the first character.
    static func isValidKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard !bytes.isEmpty else { return false }
        for (index, byte) in bytes.enumerated() {
            if IRCBytes.isASCIILetter(byte) || IRCBytes.isASCIIDigit(byte) { continue }
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"): continue
            case UInt8(ascii: "+") where index == 0 && bytes.count > 1: continue
            default: return false
            }
        }
        return true
    }
}
