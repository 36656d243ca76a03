import Foundation
import Testing

@testable import AduanCore

/// One broken file and the exact error it must produce.
struct SyntaxCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var line: Int
    var column: Int
    var message: String
    var hint: String?

    init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
        self.init(name, bytes: Array(text.utf8), line, column, message, hint: hint)
    }

    init(_ name: String, bytes: [UInt8], _ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
        self.name = name
        self.bytes = bytes
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    var testDescription: String { name }
}

@Suite struct JSONSyntaxErrorTests {
    static let cases: [SyntaxCase] = [
        SyntaxCase(
            "missing comma between members",
            "{\n  \"id\": \"mulai\",\n  \"next\": \"lokasi\"\n  \"say\": \"Halo\"\n}", 4, 3,
            #"expected ',' or '}' after the value of "next""#, hint: "is a comma missing?"),
        SyntaxCase(
            "missing comma in a list", "[1 2]", 1, 4,
            "expected ',' or ']' after item [0] of the list", hint: "is a comma missing?"),
        SyntaxCase(
            "missing comma in a named list", "{\"options\": [\"a\"\n \"b\"]}", 2, 2,
            #"expected ',' or ']' after item [0] of the list "options""#, hint: "is a comma missing?"),
        SyntaxCase(
            "letters glued to a number", "[12abc]", 1, 4,
            "expected ',' or ']' after item [0] of the list but found abc"),
        SyntaxCase(
            "trailing comma in an object", "{\n  \"a\": 1,\n}", 2, 9,
            "trailing comma before '}'", hint: "remove the last ','"),
        SyntaxCase(
            "trailing comma in a list", "[1, 2,]", 1, 6,
            "trailing comma before ']'", hint: "remove the last ','"),
        SyntaxCase(
            "unterminated string at the end of the file", "{\"a\": \"halo", 1, 7,
            "unterminated string", hint: "no closing \" before the end of the file"),
        SyntaxCase(
            "unterminated string at the end of a line", "{\n  \"a\": \"halo,\n  \"b\": 1\n}", 2, 8,
            "unterminated string",
            hint: "no closing \" on this line; to put a line break inside a text, write \\n"),
        SyntaxCase(
            "string closed by a curly quote", "{\"nama\": \"Budi”,\n \"x\": 1}", 1, 10,
            "unterminated string",
            hint: "no closing \" on this line; a curly quote ” cannot end a text, use a straight \""),
        SyntaxCase(
            "invalid escape", #"{"path": "C:\data"}"#, 1, 13, #"invalid escape \d"#,
            hint: #"to write a backslash inside a text, write \\; valid escapes are \" \\ \/ \b \f \n \r \t \uXXXX"#),
        SyntaxCase(
            "invalid escape \\q after non-ASCII", "[\"é\\q\"]", 1, 4, #"invalid escape \q"#,
            hint: #"to write a backslash inside a text, write \\; valid escapes are \" \\ \/ \b \f \n \r \t \uXXXX"#),
        SyntaxCase(
            "bad \\u escape", #"["\u12G4"]"#, 1, 3, #"invalid escape \u12G4"#,
            hint: #"\u must be followed by 4 hexadecimal digits (0-9, A-F)"#),
        SyntaxCase(
            "lone surrogate", #"["\uD800"]"#, 1, 3, #"invalid escape \uD800: half of a surrogate pair"#,
            hint: #"write the character itself, or both halves such as \uD83D\uDE00"#),
        SyntaxCase(
            "line comment", "{\n  // catatan\n  \"a\": 1\n}", 2, 3,
            "comments are not allowed in JSON", hint: "remove the comment"),
        SyntaxCase(
            "block comment after a value", "{\"a\": 1 /* x */}", 1, 9,
            "comments are not allowed in JSON", hint: "remove the comment"),
        SyntaxCase(
            "hash comment", "# pengaduan\n{}", 1, 1,
            "comments are not allowed in JSON", hint: "remove the comment"),
        SyntaxCase(
            "comment after the data", "{}\n// akhir", 2, 1,
            "comments are not allowed in JSON", hint: "remove the comment"),
        SyntaxCase(
            "end of file with brackets open", "[\n  1,\n    {\"id\": \"a\"", 3, 15,
            "unexpected end of file: 2 brackets still open (the '{' at 3:5)"),
        SyntaxCase(
            "end of file with one bracket open", "{\"a\": [1]", 1, 10,
            "unexpected end of file: 1 bracket still open (the '{' at 1:1)"),
        SyntaxCase(
            "curly quotes around a key", "{“nama”: \"Budi\"}", 1, 2,
            "curly quote “ cannot be used here; JSON needs straight double quotes \"",
            hint: "a word processor probably changed the quotes; replace “ and ” with \""),
        SyntaxCase(
            "curly quotes around a value", "{\"nama\": “Budi”}", 1, 10,
            "curly quote “ cannot be used here; JSON needs straight double quotes \"",
            hint: "a word processor probably changed the quotes; replace “ and ” with \""),
        SyntaxCase(
            "tab inside a string", "{\"a\": \"x\ty\"}", 1, 9,
            "control character U+0009 (tab) is not allowed inside a string", hint: "write \\t instead"),
        SyntaxCase(
            "other control character inside a string", "[\"é\u{1}\"]", 1, 4,
            "control character U+0001 is not allowed inside a string", hint: "remove it, or write it as \\u0001"),
        SyntaxCase(
            "duplicate key", "{\n  \"next\": \"a\",\n  \"say\": \"x\",\n  \"next\": \"b\"\n}", 4, 3,
            #"duplicate key "next" in the same object"#, hint: "the earlier one is at 2:3"),
        SyntaxCase(
            "duplicate key written with an escape", #"{"a": {"é": 1, "\u00e9": 2}}"#, 1, 16,
            #"duplicate key "é" in the same object"#, hint: "the earlier one is at 1:8"),
        SyntaxCase(
            "missing colon", "{\"a\" 1}", 1, 6,
            #"expected ':' after the key "a" but found 1"#, hint: "is a ':' missing?"),
        SyntaxCase(
            "equals instead of colon", "{\"a\" = 1}", 1, 6,
            #"expected ':' after the key "a" but found '='"#, hint: "use ':' between a key and its value"),
        SyntaxCase(
            "unquoted key", "{nama: \"Budi\"}", 1, 2,
            "expected a key in double quotes but found nama", hint: "write \"nama\""),
        SyntaxCase(
            "single quotes", "{'a': 1}", 1, 2,
            "single quotes are not allowed in JSON", hint: "write keys and texts in double quotes \"...\""),
        SyntaxCase(
            "single-quoted value", "{\"a\": 'x'}", 1, 7,
            "single quotes are not allowed in JSON", hint: "write texts in double quotes \"...\""),
        SyntaxCase("capitalised True", "{\"a\": True}", 1, 7, "unknown word True", hint: "write true in lowercase"),
        SyntaxCase("unquoted text", "{\"a\": yes}", 1, 7, "unknown word yes", hint: "write texts in double quotes: \"yes\""),
        SyntaxCase("misspelt true", "[tru]", 1, 2, "unknown word tru", hint: "did you mean true?"),
        SyntaxCase(
            "leading zero", "{\"hp\": 0812}", 1, 8, "a number cannot start with 0",
            hint: "to keep a leading 0, as in a phone number, write it as a text in double quotes: \"0812...\""),
        SyntaxCase("no digit after the dot", "[1.]", 1, 4, "expected a digit after '.' in a number", hint: "write 1.0 or 1, not 1."),
        SyntaxCase("starts with a dot", "[.5]", 1, 2, "a number cannot start with '.'", hint: "write 0.5, not .5"),
        SyntaxCase("starts with plus", "[+5]", 1, 2, "a number cannot start with '+'", hint: "write 5, not +5"),
        SyntaxCase("lone minus", "[-]", 1, 3, "expected a digit after '-'"),
        SyntaxCase("empty exponent", "[1e]", 1, 4, "expected a digit in the exponent of the number"),
        SyntaxCase("number too large", "[1e400]", 1, 2, "the number 1e400 is too large"),
        SyntaxCase(
            "decimal comma", "{\"x\": 1,5}", 1, 9, "expected a key in double quotes but found 5",
            hint: "JSON writes decimals with a dot: 1.5, not 1,5"),
        SyntaxCase("empty file", "", 1, 1, "the file is empty", hint: "a JSON file holds one value, such as {} or []"),
        SyntaxCase("blank file", "\n \n", 3, 1, "the file is empty", hint: "a JSON file holds one value, such as {} or []"),
        SyntaxCase(
            "extra closing bracket", "{}}", 1, 3, "unexpected '}' after the end of the JSON data",
            hint: "is there an extra closing bracket?"),
        SyntaxCase(
            "two values", "{} {}", 1, 4, "unexpected '{' after the end of the JSON data",
            hint: "a file holds one JSON value; put several values in a list [ ... ]"),
        SyntaxCase(
            "mismatched brackets", "{\"a\": [1, 2}", 1, 12,
            #"expected ',' or ']' after item [1] of the list "a" but found '}'"#,
            hint: "brackets do not match: the '[' at 1:7 must be closed with ']'"),
        SyntaxCase("missing value", "{\"a\": }", 1, 7, #"expected a value for "a" but found '}'"#),
        SyntaxCase(
            "double comma", "[1,,2]", 1, 4, "expected a value in the list but found ','",
            hint: "is there an extra comma, or a missing value?"),
        SyntaxCase(
            "leading comma in an object", "{,\"a\": 1}", 1, 2, "expected a key in double quotes but found ','",
            hint: "is there an extra comma?"),
        SyntaxCase(
            "invalid UTF-8", bytes: Array("[\"".utf8) + [0xFF] + Array("\"]".utf8), 1, 3,
            "invalid UTF-8 byte 0xFF", hint: "save the file with UTF-8 encoding"),
        SyntaxCase(
            "overlong UTF-8", bytes: Array("[\"".utf8) + [0xC0, 0x80] + Array("\"]".utf8), 1, 3,
            "invalid UTF-8 byte 0xC0", hint: "save the file with UTF-8 encoding"),
        SyntaxCase(
            "UTF-16 file", bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], 1, 1,
            "the file is saved as UTF-16", hint: "save it with UTF-8 encoding"),
        SyntaxCase(
            "non-breaking space", "{\"a\":\u{A0}1}", 1, 6,
            "a non-breaking space (U+00A0) is not allowed here", hint: "replace it with a normal space"),
        SyntaxCase(
            "zero width space", "{\u{200B}\"a\": 1}", 1, 2,
            "an invisible character (U+200B) is not allowed here", hint: "delete it"),
        SyntaxCase("other character", "[é]", 1, 2, "expected a value in the list but found 'é' (U+00E9)"),
        SyntaxCase("too deep", "{\"a\": [[[1]]]}", 1, 9, "too deeply nested: more than 3 levels of '{' and '['"),
    ]

    @Test(arguments: cases)
    func reportsPlaceAndPlainMessage(_ testCase: SyntaxCase) {
        let maxDepth = testCase.name == "too deep" ? 3 : JSONSourceMap.defaultMaxDepth
        do {
            _ = try JSONSourceMap.parse(bytes: testCase.bytes, maxDepth: maxDepth)
            Issue.record("\(testCase.name): expected a syntax error")
        } catch {
            #expect(error.message == testCase.message)
            #expect(error.hint == testCase.hint)
            #expect(error.position == SourcePosition(line: testCase.line, column: testCase.column))
            // JSONSerialization agrees that the file is invalid, except where this parser is
            // deliberately stricter: trailing commas, duplicate keys, UTF-16, a lower depth limit.
            if !["too deep", "UTF-16 file"].contains(testCase.name) {
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(testCase.bytes), options: .fragmentsAllowed)) == nil
                        || testCase.message.hasPrefix("trailing comma") || testCase.message.hasPrefix("duplicate key"))
            }
        }
    }

    @Test func rendersAsOneLine() throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONSourceMap.parse("{\"a\": 1,}") }
        #expect(error.description == "1:8: trailing comma before '}' (remove the last ',')")
        #expect(error.byteOffset == 7)
        #expect(error.diagnostic(file: "bots/desa.json").description
            == "bots/desa.json:1:8: error: trailing comma before '}' (remove the last ',')")
    }
}
