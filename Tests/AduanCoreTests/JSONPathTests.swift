import Foundation
import Testing

@testable import AduanCore

@Suite struct JSONPathTests {
    @Test func rendersLikeAPersonReadsIt() {
        let path: JSONPath = ["states", 3, "input", "options", 0, "next"]
        #expect(path.description == "states[3].input.options[0].next")
        #expect(JSONPath.root.description == "(top level)")
        #expect(JSONPath([.index(2), .key("id")]).description == "[2].id")
        #expect(JSONPath([.key("rows"), .index(1), .index(2)]).description == "rows[1][2]")
        #expect(JSONPath(["labels", "kata kunci"]).description == #"labels["kata kunci"]"#)
        #expect(JSONPath(["a", "2024", "b"]).description == #"a["2024"].b"#)
        #expect(JSONPath(["nama-lengkap", "kecamatan_id", "désa"]).description == "nama-lengkap.kecamatan_id.désa")
        #expect(JSONPath(["say \"hi\""]).description == #"["say \"hi\""]"#)
        #expect(JSONPath([""]).description == #"[""]"#)
    }

    @Test func navigation() {
        let path: JSONPath = ["states", 3]
        #expect(path.appending(key: "next") == ["states", 3, "next"])
        #expect(path.appending(index: 0) == ["states", 3, 0])
        #expect(path.parent == ["states"])
        #expect(path.last == .index(3))
        #expect(JSONPath.root.parent == nil)
        #expect(JSONPath.root.isRoot)
        #expect(!path.isRoot)
    }

    private struct Option: Decodable { let next: String }
    private struct Input: Decodable { let options: [Option] }
    private struct State: Decodable { let input: Input? }
    private struct Dialog: Decodable { let states: [State] }

    @Test func fromJSONDecoderCodingPath() throws {
        let json = #"{"states": [{}, {"input": {"options": [{"nxt": "a"}]}}]}"#
        do {
            _ = try JSONDecoder().decode(Dialog.self, from: Data(json.utf8))
            Issue.record("decoding should fail")
        } catch DecodingError.keyNotFound(let key, let context) {
            #expect(key.stringValue == "next")
            let path = JSONPath(codingPath: context.codingPath)
            #expect(path.components == [.key("states"), .index(1), .key("input"), .key("options"), .index(0)])
            #expect(path.description == "states[1].input.options[0]")
        }
    }

    private struct IntKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            self.stringValue = "\(intValue)"
            self.intValue = intValue
        }
    }

    @Test func integerKeysThatAreNotListIndexesStayKeys() {
        let path = JSONPath(codingPath: [IntKey(stringValue: "m"), IntKey(intValue: 5)])
        #expect(path == ["m", "5"])
    }
}
