import Foundation
import Testing

@testable import AduanCore

@Suite struct JSONFileTests {
    struct Option: Decodable, Equatable { let label: String; let next: String }
    enum InputKind: String, Decodable { case text, choice }
    struct Input: Decodable { let kind: InputKind; let options: [Option]? }
    struct State: Decodable {
        let id: String
        let say: String?
        let next: String?
        let input: Input?
        let timeout: Int?
        let urgent: Bool?
        let snake_case_key: String?
    }
    struct DialogFile: Decodable { let states: [State] }
    struct Table: Decodable { let rows: [[String]] }

    private let file = "Dialogs/pengaduan.json"

    /// Decodes `text`, expecting failure; returns the diagnostic.
    private func failure<T: Decodable>(_ type: T.Type, _ text: String) throws -> Diagnostic {
        try #require(throws: Diagnostic.self) { try JSONFile.decode(type, from: Data(text.utf8), file: file) }
    }

    private static let dialog = """
        {
          "states": [
            {"id": "mulai", "say": "Selamat datang", "next": "lokasi"},
            {
              "id": "lokasi",
              "input": {
                "kind": "choice",
                "options": [
                  {"label": "Desa A", "next": "selesai"},
                  {"label": "Desa B"}
                ]
              }
            }
          ]
        }
        """

    @Test func decodesAValidFileAndKeepsTheMap() throws {
        let text = #"{"states": [{"id": "a", "snake_case_key": "kept as written", "timeout": 5}]}"#
        let (value, map) = try JSONFile.decode(DialogFile.self, from: Data(text.utf8), file: file)
        #expect(value.states.first?.id == "a")
        #expect(value.states.first?.snake_case_key == "kept as written")
        #expect(value.states.first?.timeout == 5)
        #expect(map.keys(at: ["states", 0]) == ["id", "snake_case_key", "timeout"])
    }

    @Test func syntaxErrorNamesFileLineAndColumn() throws {
        let diagnostic = try failure(DialogFile.self, "{\n  \"states\": [\n    {\"id\": \"a\" \"next\": \"b\"}\n  ]\n}")
        #expect(diagnostic.position == SourcePosition(line: 3, column: 16))
        #expect(diagnostic.path == nil)
        #expect(
            diagnostic.description
                == #"Dialogs/pengaduan.json:3:16: error: expected ',' or '}' after the value of "id" (is a comma missing?)"#)
    }

    @Test func missingKeyPointsAtTheEnclosingObject() throws {
        let diagnostic = try failure(DialogFile.self, Self.dialog)
        #expect(diagnostic.path == ["states", 1, "input", "options", 1])
        #expect(diagnostic.position == SourcePosition(line: 10, column: 11))
        #expect(diagnostic.message == #"missing required field "next""#)
        #expect(
            diagnostic.description
                == #"Dialogs/pengaduan.json:10:11: error: states[1].input.options[1]: missing required field "next""#)
    }

    @Test func missingKeyAtTheTopLevel() throws {
        let diagnostic = try failure(DialogFile.self, "\n  {\"state\": []}")
        #expect(diagnostic.path == .root)
        #expect(diagnostic.position == SourcePosition(line: 2, column: 3))
        #expect(diagnostic.message == #"missing required field "states""#)
    }

    @Test func wrongTypeSaysWhatWasExpectedInPlainWords() throws {
        let number = try failure(DialogFile.self, #"{"states": [{"id": "a"}, {"id": 5}]}"#)
        #expect(number.path == ["states", 1, "id"])
        #expect(number.position == SourcePosition(line: 1, column: 33))
        #expect(number.message == "expected a text but found a number")

        let text = try failure(DialogFile.self, #"{"states": [{"id": "a", "timeout": "5"}]}"#)
        #expect(text.path == ["states", 0, "timeout"])
        #expect(text.message == "expected a number but found a text")

        let bool = try failure(DialogFile.self, #"{"states": [{"id": "a", "urgent": "ya"}]}"#)
        #expect(bool.message == "expected true or false but found a text")

        let list = try failure(DialogFile.self, #"{"states": {"id": "a"}}"#)
        #expect(list.path == ["states"])
        #expect(list.position == SourcePosition(line: 1, column: 12))
        #expect(list.message == "expected a list but found an object")

        let object = try failure(DialogFile.self, #"{"states": [{"id": "a", "input": true}]}"#)
        #expect(object.path == ["states", 0, "input"])
        #expect(object.message == "expected an object but found true")

        let null = try failure(DialogFile.self, #"{"states": [{"id": null}]}"#)
        #expect(null.path == ["states", 0, "id"])
        #expect(null.position == SourcePosition(line: 1, column: 20))
        #expect(null.message == "expected a text but found null")
    }

    @Test func nestedListsKeepEveryIndex() throws {
        let diagnostic = try failure(Table.self, "{\"rows\": [\n  [\"a\", \"b\"],\n  [\"c\", \"d\", false]\n]}")
        #expect(diagnostic.path == ["rows", 1, 2])
        #expect(diagnostic.position == SourcePosition(line: 3, column: 14))
        #expect(diagnostic.description == "Dialogs/pengaduan.json:3:14: error: rows[1][2]: expected a text but found false")

        let inner = try failure(Table.self, "{\"rows\": [[\"a\"], \"b\"]}")
        #expect(inner.path == ["rows", 1])
        #expect(inner.message == "expected a list but found a text")
    }

    @Test func unknownEnumValueKeepsTheDecodersMessage() throws {
        let diagnostic = try failure(
            DialogFile.self, #"{"states": [{"id": "a", "input": {"kind": "pilihan"}}]}"#)
        #expect(diagnostic.path == ["states", 0, "input", "kind"])
        #expect(diagnostic.position == SourcePosition(line: 1, column: 43))
        #expect(diagnostic.message.contains("pilihan"))
    }

    @Test func numberThatDoesNotFitIsLocated() throws {
        // JSONDecoder reports these with no coding path at all.
        let fraction = try failure(
            DialogFile.self, "{\"states\": [\n {\"id\": \"a\", \"timeout\": 5},\n {\"id\": \"b\", \"timeout\": 1.5}\n]}")
        #expect(fraction.path == ["states", 1, "timeout"])
        #expect(fraction.position == SourcePosition(line: 3, column: 25))
        #expect(fraction.message == "expected a whole number but found 1.5")

        struct Small: Decodable { let values: [UInt8] }
        let large = try failure(Small.self, #"{"values": [1, 2.0, 300, 4]}"#)
        #expect(large.path == ["values", 2])
        #expect(large.message == "the number 300 is out of range here")
    }

    @Test func loadsFromAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aduan-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ok.json")
        try Data(#"{"states": []}"#.utf8).write(to: url)
        let (value, map) = try JSONFile.load(DialogFile.self, from: url, file: "ok.json")
        #expect(value.states.isEmpty)
        #expect(map.count(at: ["states"]) == 0)

        let missing = try #require(throws: Diagnostic.self) {
            try JSONFile.load(DialogFile.self, from: folder.appendingPathComponent("nope.json"), file: "Dialogs/nope.json")
        }
        #expect(missing.description == "Dialogs/nope.json: error: cannot read file: no such file")

        let defaultName = try #require(throws: Diagnostic.self) {
            try JSONFile.load(DialogFile.self, from: folder.appendingPathComponent("nope.json"))
        }
        #expect(defaultName.file.hasSuffix("/nope.json"))

        let directory = try #require(throws: Diagnostic.self) {
            try JSONFile.load(DialogFile.self, from: folder, file: "Dialogs")
        }
        #expect(directory.message == "cannot read file: it is a folder, not a file")
    }

    @Test func plainNamesOfSwiftTypes() {
        #expect(JSONFile.plainName(of: String.self) == "a text")
        #expect(JSONFile.plainName(of: Int.self) == "a number")
        #expect(JSONFile.plainName(of: Double.self) == "a number")
        #expect(JSONFile.plainName(of: UInt8.self) == "a number")
        #expect(JSONFile.plainName(of: Bool.self) == "true or false")
        #expect(JSONFile.plainName(of: [Any].self) == "a list")
        #expect(JSONFile.plainName(of: [String: Any].self) == "an object")
    }
}
