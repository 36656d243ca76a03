import Foundation
import Testing

@testable import AduanCore

@Suite struct JSONSourceMapFuzzTests {
    static let base = #"""
        {
          "name": "Pengaduan \"Warga\" Desa",
          "version": 3,
          "ratio": -0.25e-3,
          "big": 1.5E+30,
          "flags": [true, false, null],
          "states": [
            {"id": "mulai", "say": "Selamat datang 👋 di layanan pengaduan", "next": "lokasi"},
            {"id": "lokasi", "say": "Di desa mana? (café, naïve, \u00e9, \ud83d\ude00)\n\tTerima kasih",
             "input": {"kind": "choice", "options": [{"label": "Desa A", "next": "x"}, {"label": "B/\\C", "next": "y"}]}},
            {"id": "selesai", "timeout": 0, "empty": {}, "nothing": [], "nested": [[1, 2], [[3]], {"a": {"b": []}}]}
          ]
        }
        """#

    /// Bytes worth inserting: JSON punctuation, escapes, digits, letters, whitespace, control and
    /// non-ASCII bytes (lead and continuation bytes, so UTF-8 breaks in many ways).
    static let alphabet: [UInt8] =
        Array(#"{}[],:"\/-+.0123456789eEtfnulrsaxu '#*"#.utf8) + [0x09, 0x0A, 0x0D, 0x00, 0x01, 0x1F, 0x7F, 0x80, 0xA9, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xFF]

    @Test func mutationsNeverCrashAndAgreeWithJSONSerialization() throws {
        var generator = SplitMix64(seed: 0xAD_0A_2025)
        let original = Array(Self.base.utf8)
        #expect((try? JSONSerialization.jsonObject(with: Data(original))) != nil)
        _ = try JSONSourceMap.parse(bytes: original)

        var bothValid = 0
        var bothInvalid = 0
        var stricterThanFoundation = 0
        for iteration in 0..<10_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                if Bool.random(using: &generator), !bytes.isEmpty {
                    bytes.remove(at: Int.random(in: 0..<bytes.count, using: &generator))
                } else {
                    let byte = Self.alphabet.randomElement(using: &generator)!
                    bytes.insert(byte, at: Int.random(in: 0...bytes.count, using: &generator))
                }
            }
            let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
            let label = "iteration \(iteration): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
            do {
                let map = try JSONSourceMap.parse(bytes: bytes)
                guard let foundation else {
                    Issue.record("accepted a file JSONSerialization rejects, \(label)")
                    continue
                }
                bothValid += 1
                if let object = foundation as? [String: Any] {
                    #expect(Set(map.keys(at: .root)) == Set(object.keys), "\(label)")
                    #expect(map.keys(at: .root).count == object.count, "\(label)")
                }
                if let states = (foundation as? [String: Any])?["states"] as? [Any] {
                    #expect(map.count(at: ["states"]) == states.count, "\(label)")
                }
            } catch {
                #expect(error.byteOffset >= 0 && error.byteOffset <= bytes.count, "\(label)")
                #expect(error.position.line >= 1 && error.position.column >= 1, "\(label)")
                #expect(!error.message.isEmpty)
                if foundation == nil {
                    bothInvalid += 1
                } else if error.message.hasPrefix("trailing comma") {
                    // JSONSerialization on Linux accepts trailing commas; RFC 8259 does not.
                    #expect(bytes[error.byteOffset] == UInt8(ascii: ","), "\(label)")
                    stricterThanFoundation += 1
                } else if error.message.hasPrefix("duplicate key") {
                    // JSONSerialization keeps the last of duplicate keys; admins get an error.
                    #expect(bytes[error.byteOffset] == UInt8(ascii: "\""), "\(label)")
                    stricterThanFoundation += 1
                } else {
                    Issue.record("rejected a file JSONSerialization accepts (\(error)), \(label)")
                }
            }
        }
        // Both outcomes were exercised often enough for the comparison to mean something.
        #expect(bothValid > 500)
        #expect(bothInvalid > 5_000)
        print("fuzz: \(bothValid) valid, \(bothInvalid) invalid, \(stricterThanFoundation) stricter than Foundation")
    }
}
