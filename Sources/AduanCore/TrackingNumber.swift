/// A case's tracking number: short, unique, and easy to read aloud over the phone.
///
/// It has the bot's prefix and six characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L, B/8, S/5, Z/2), grouped in threes: `BGL-K7M-4QX`.
/// The six characters are a bijection of the case's sequence number, so two cases of one bot
/// can never share a number and no database lookup is needed to make one, while consecutive
/// cases do not get consecutive-looking numbers.
public struct TrackingNumber: Sendable, Hashable, CustomStringConvertible {
    /// The per-bot sequence number (1, 2, 3, …) this number encodes.
    public let sequence: Int
    /// The printed form, e.g. `BGL-K7M-4QX`.
    public let code: String

    /// The characters used after the prefix.
    public static let alphabet: [Character] = Array("34679ACDEFGHJKMNPQRTUVWXY")
    /// How many distinct numbers one prefix can have.
    public static let capacity: Int = {
        var n = 1
        for _ in 0..<6 { n *= alphabet.count }
        return n
    }()
    // A multiplier coprime with `capacity` (25^6 = 5^12), so `x -> (x * a + b) mod capacity` is a bijection.
    private static let multiplier = 48_271_387
    private static let offset = 104_729_123

    /// Makes the tracking number of a bot's `sequence`-th case.
    ///
    /// ```swift
    /// TrackingNumber(prefix: "BGL", sequence: 1).code  // "BGL-…"
    /// ```
    public init(prefix: String, sequence: Int) {
        precondition(sequence >= 0 && sequence < Self.capacity, "tracking sequence out of range")
        self.sequence = sequence
        let n = Self.alphabet.count
        var x = (sequence * Self.multiplier + Self.offset) % Self.capacity
        var chars: [Character] = []
        for _ in 0..<6 {
            chars.append(Self.alphabet[x % n])
            x /= n
        }
        let body = String(chars[0..<3]) + "-" + String(chars[3..<6])
        self.code = prefix.isEmpty ? body : prefix.uppercased() + "-" + body
    }

    /// The printed form.
    public var description: String { code }

    /// The form used to compare what a citizen typed with a stored number: upper case, without
    /// spaces, dashes or dots (`"bgl k7m.4qx"` → `"BGLK7M4QX"`).
    public static func normalized(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// A number as typed, in the printed form when it has one's shape (`"bglk7m4qx"` →
    /// `"BGL-K7M-4QX"`), else upper-cased as it is: for telling a citizen which number was not
    /// found.
    public static func displayed(_ text: String) -> String {
        guard looksLikeTrackingNumber(text) else { return text.uppercased() }
        let compact = normalized(text)
        let prefix = compact.dropLast(6), tail = compact.suffix(6)
        let body = tail.prefix(3) + "-" + tail.suffix(3)
        return prefix.isEmpty ? String(body) : prefix + "-" + body
    }

    /// Whether `text` looks like a tracking number (a prefix of letters and six code characters),
    /// e.g. to tell `status BGL-K7M-4QX` from other words.
    public static func looksLikeTrackingNumber(_ text: String) -> Bool {
        let compact = normalized(text)
        guard compact.count >= 6, compact.count <= 14 else { return false }
        let tail = compact.suffix(6)
        return tail.allSatisfy { alphabet.contains($0) } && compact.dropLast(6).allSatisfy(\.isLetter)
    }
}
