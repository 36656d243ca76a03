/// Byte constants and small helpers shared by the parser, serializer and splitter.
///
/// IRC is parsed as bytes, never as `Character`s: in Swift `"\r\n"` is one `Character`, and an
/// ASCII delimiter byte (`0x00`–`0x7F`) never occurs inside a multi-byte UTF-8 sequence, so
/// splitting on bytes first and decoding each piece afterwards is always safe.
enum IRCBytes {
    static let nul: UInt8 = 0x00
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let at: UInt8 = 0x40
    static let backslash: UInt8 = 0x5C

    /// Whether a byte may never appear raw inside a message (NUL, CR, LF).
    static func isForbidden(_ byte: UInt8) -> Bool {
        byte == nul || byte == cr || byte == lf
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// Decodes UTF-8, replacing invalid sequences with U+FFFD (never fails).
    static func string(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `verb` is a valid IRC command: one or more ASCII letters, or exactly three digits.
    static func isValidVerb(_ verb: some Collection<UInt8>) -> Bool {
        if verb.isEmpty { return false }
        if verb.allSatisfy(isASCIILetter) { return true }
        return verb.count == 3 && verb.allSatisfy(isASCIIDigit)
    }
}
