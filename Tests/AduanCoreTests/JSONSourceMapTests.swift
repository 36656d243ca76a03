import Foundation
import Testing

@testable import AduanCore

@Suite struct JSONSourceMapTests {
    private func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

    /// Tabs, accents (precomposed and combining), emoji, spaces before ':'.
    private let sample = "{\n"
        + "\t\"nama\": \"Café ☕️\",\t\"umur\": 41,\n"
        + "\t\"pesan\": [\"👩‍👩‍👧 halo\", \"e\u{301}\", {\"x\": null}],\n"
        + "  \"ok\" :\ttrue\n"
        + "}\n"

    @Test func positionsOfValuesAndKeys() throws {
        let map = try JSONSourceMap.parse(sample)
        #expect(map.position(of: .root) == at(1, 1))
        #expect(map.keyPosition(of: ["nama"]) == at(2, 2))
        #expect(map.position(of: ["nama"]) == at(2, 10))
        #expect(map.keyPosition(of: ["umur"]) == at(2, 20))
        #expect(map.position(of: ["umur"]) == at(2, 28))
        #expect(map.keyPosition(of: ["pesan"]) == at(3, 2))
        #expect(map.position(of: ["pesan"]) == at(3, 11))
        #expect(map.position(of: ["pesan", 0]) == at(3, 12))
        #expect(map.position(of: ["pesan", 1]) == at(3, 22))
        #expect(map.position(of: ["pesan", 2]) == at(3, 27))
        #expect(map.keyPosition(of: ["pesan", 2, "x"]) == at(3, 28))
        #expect(map.position(of: ["pesan", 2, "x"]) == at(3, 33))
        #expect(map.keyPosition(of: ["ok"]) == at(4, 3))
        #expect(map.position(of: ["ok"]) == at(4, 10))
        // List elements and the top level have no key.
        #expect(map.keyPosition(of: ["pesan", 0]) == nil)
        #expect(map.keyPosition(of: .root) == nil)
    }

    @Test func kindsKeysAndCounts() throws {
        let map = try JSONSourceMap.parse(sample)
        #expect(map.kind(at: .root) == .object)
        #expect(map.kind(at: ["nama"]) == .string)
        #expect(map.kind(at: ["umur"]) == .number)
        #expect(map.kind(at: ["pesan"]) == .array)
        #expect(map.kind(at: ["pesan", 2, "x"]) == .null)
        #expect(map.kind(at: ["ok"]) == .bool)
        #expect(map.kind(at: ["nope"]) == nil)
        #expect(map.keys(at: .root) == ["nama", "umur", "pesan", "ok"])
        #expect(map.keys(at: ["pesan", 2]) == ["x"])
        #expect(map.keys(at: ["pesan"]) == [])
        #expect(map.count(at: ["pesan"]) == 3)
        #expect(map.count(at: .root) == 4)
        #expect(map.count(at: ["nama"]) == nil)
        #expect(map.contains(["pesan", 2, "x"]))
        #expect(!map.contains(["pesan", 3]))
    }

    @Test func missingPathsFallBackToTheNearestAncestor() throws {
        let map = try JSONSourceMap.parse(sample)
        #expect(map.position(of: ["pesan", 2, "y"]) == at(3, 27))
        #expect(map.position(of: ["pesan", 7, "x"]) == at(3, 11))
        #expect(map.position(of: ["tidak", "ada"]) == at(1, 1))
        // A key is not an index and an index is not a key.
        #expect(map.position(of: ["pesan", "0"]) == at(3, 11))
        #expect(map.exactPosition(of: ["pesan", 2, "y"]) == nil)
        #expect(map.exactPosition(of: ["pesan", 2]) == at(3, 27))
        #expect(map.nearestExistingPath(to: ["pesan", 2, "y", "z"]) == ["pesan", 2])
    }

    @Test func escapedKeysAreDecoded() throws {
        let map = try JSONSourceMap.parse(#"{"a\"b": 1, "\u00e9t\u00E9": 2, "\ud83d\ude00": 3, "tab\t": 4}"#)
        #expect(map.keys(at: .root) == ["a\"b", "été", "😀", "tab\t"])
        #expect(map.position(of: ["été"]) == at(1, 30))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let map = try JSONSourceMap.parse(Data([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)))
        #expect(map.position(of: .root) == at(1, 1))
        #expect(map.position(of: ["a"]) == at(1, 7))
    }

    @Test func scalarsAtTheTopLevel() throws {
        #expect(try JSONSourceMap.parse("  42 ").position(of: .root) == at(1, 3))
        #expect(try JSONSourceMap.parse("\"x\"").kind(at: .root) == .string)
        #expect(try JSONSourceMap.parse("[]").count(at: .root) == 0)
        #expect(try JSONSourceMap.parse("{}").keys(at: .root) == [])
    }

    @Test func nestingUpToTheLimitIsFine() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        let map = try JSONSourceMap.parse(text)
        let deepest = JSONPath(Array(repeating: .index(0), count: 511))
        #expect(map.position(of: deepest) == at(1, 512))
    }

    @Test func nestingBeyondTheLimitIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect {
            try JSONSourceMap.parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.position == at(1, 513)
                && error.message == "too deeply nested: more than 512 levels of '{' and '['"
        }
        let objects = String(repeating: "{\"a\":", count: 600)
        #expect(throws: JSONSyntaxError.self) { try JSONSourceMap.parse(objects, maxDepth: 100) }
    }

    /// About 1 MB of dialog-like JSON, with non-ASCII text.
    static func largeFile(states: Int = 4_000) -> String {
        var text = "{\n  \"name\": \"Pengaduan Warga\",\n  \"states\": [\n"
        for index in 0..<states {
            text += """
                    {
                      "id": "state_\(index)",
                      "say": "Silakan tulis alamat Anda (RT/RW, desa, kecamatan) — terima kasih 🙏 \\"\(index)\\"",
                      "input": {"kind": "choice", "options": [
                        {"label": "Ya, benar", "next": "state_\(index + 1)", "weight": \(Double(index) / 7)},
                        {"label": "Tidak", "next": "ulang", "urgent": false, "extra": null}
                      ]}
                    }\(index + 1 < states ? "," : "")

                """
        }
        return text + "  ]\n}\n"
    }

    @Test func largeFileIsFast() throws {
        let data = Data(Self.largeFile().utf8)
        #expect(data.count > 1_000_000)
        let clock = ContinuousClock()
        var map: JSONSourceMap?
        let elapsed = try clock.measure { map = try JSONSourceMap.parse(data) }
        #expect(elapsed < .seconds(1), "parsing \(data.count) bytes took \(elapsed)")
        let parsed = try #require(map)
        #expect(parsed.count(at: ["states"]) == 4_000)
        #expect(parsed.keys(at: ["states", 3_999]) == ["id", "say", "input"])
        // Each state takes 8 lines, after 3 header lines; the second option is its 6th line.
        #expect(parsed.position(of: ["states", 3_999, "input", "options", 1, "next"]) == at(4 + 3_999 * 8 + 5, 36))
    }
}
