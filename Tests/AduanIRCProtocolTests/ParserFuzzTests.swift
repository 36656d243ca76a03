import AduanCore
import AduanIRCProtocol
import Testing

/// Randomized and byte-by-byte robustness: the parser must never crash, and whatever it accepts
/// must serialize (when its tag keys are valid) and parse back to the same message.
@Suite("Parser robustness")
struct ParserFuzzTests {
    /// Bytes that matter to the grammar, plus UTF-8 lead/continuation bytes and invalid ones.
    static let interesting: [UInt8] = Array(" :@;=\\!#+-/01239aZsrn\r\n\t".utf8) + [0x00, 0x01, 0x03, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xFF]

    /// Parses `line`; when it parses, checks the message and its round trip. Returns whether it
    /// parsed. (Plain checks with `Issue.record` keep 100,000 iterations fast.)
    @discardableResult
    static func checkRoundTrip(_ line: [UInt8]) -> Bool {
        let message: IRCMessage
        do {
            message = try IRCMessage.parse(line)
        } catch {
            return false
        }
        if message.verb.isEmpty {
            Issue.record("empty verb from \(line)")
        }
        for part in [message.source ?? ""] + message.params
        where part.utf8.contains(where: { $0 == 0x00 || $0 == 0x0D || $0 == 0x0A }) {
            Issue.record("CR, LF or NUL in a part parsed from \(line)")
        }
        let keysValid = message.tagList.allSatisfy { tag in
            !tag.key.isEmpty && tag.key.utf8.enumerated().allSatisfy { index, byte in
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                    || byte == 0x2D || byte == 0x2E || byte == 0x2F || (byte == 0x2B && index == 0 && tag.key.utf8.count > 1)
            }
        }
        guard keysValid else { return true }
        do {
            let again = try IRCMessage.parse(try message.serialize())
            if again != message { Issue.record("round trip changed \(line): \(message) → \(again)") }
        } catch {
            Issue.record("parsed but does not serialize: \(line) → \(error)")
        }
        return true
    }

    @Test("100,000 random byte lines")
    func randomLines() {
        var random = SplitMix64(seed: 2026)
        var accepted = 0
        for _ in 0..<100_000 {
            let length = Int.random(in: 0...120, using: &random)
            var line: [UInt8] = []
            line.reserveCapacity(length + 16)
            let structured = Bool.random(using: &random)
            if structured {
                // A plausible start, then random bytes: exercises tags, source and parameters.
                if Bool.random(using: &random) { line += Array("@a=b\\s;+c/d;e= ".utf8) }
                if Bool.random(using: &random) { line += Array(":n!u@h ".utf8) }
                line += Array(["PRIVMSG ", "001 ", "privmsg ", "NOTICE  ", "005 bot "][Int.random(in: 0..<5, using: &random)].utf8)
            }
            for _ in 0..<length {
                var byte = Bool.random(using: &random)
                    ? Self.interesting[Int.random(in: 0..<Self.interesting.count, using: &random)]
                    : UInt8.random(in: 0...255, using: &random)
                if structured && (byte == 0x00 || byte == 0x0D || byte == 0x0A) { byte = 0x20 }
                line.append(byte)
            }
            if Self.checkRoundTrip(line) { accepted += 1 }
        }
        #expect(accepted > 40_000)
    }

    @Test("every prefix and every single-byte change of a rich line")
    func byteByByte() {
        let line = Array(#"@time=2026-01-02T03:04:05Z;+draft/x=a\sb\:c\\;flag :warga!~w@host.example PRIVMSG #opd-pupr p2 :jalan rusak 😡 di Desa"#.utf8)
        for end in 0...line.count {
            Self.checkRoundTrip(Array(line[..<end]))
            Self.checkRoundTrip(Array(line[end...]))
        }
        for index in line.indices {
            for byte in Self.interesting {
                var changed = line
                changed[index] = byte
                Self.checkRoundTrip(changed)
            }
        }
    }

    @Test("long and degenerate lines")
    func degenerate() {
        Self.checkRoundTrip(Array(repeating: 0x20, count: 100_000))
        Self.checkRoundTrip(Array(repeating: 0x3A, count: 100_000))
        Self.checkRoundTrip(Array(repeating: 0x40, count: 100_000))
        Self.checkRoundTrip([0x40] + Array(repeating: 0x3B, count: 100_000) + Array(" PING".utf8))
        Self.checkRoundTrip(Array("PING".utf8) + Array(repeating: 0x20, count: 50_000) + Array("x".utf8))
        Self.checkRoundTrip(Array("PING".utf8) + Array(repeating: Array(" a".utf8), count: 50_000).flatMap { $0 })
        Self.checkRoundTrip([0x40] + Array(repeating: 0x5C, count: 100_001) + Array(" PING".utf8))
    }
}
