import Foundation
import Testing

@testable import AduanCore

@Suite struct SourceLocatorTests {
    /// The byte offset of the first occurrence of `needle`'s UTF-8 bytes in `text`
    /// (bytes, not characters: `"e` must also match the start of `"e\u{301}`).
    private func offset(of needle: String, in text: String) throws -> Int {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        let found = haystack.indices.first { start in haystack[start...].starts(with: pattern) }
        return try #require(found)
    }

    @Test func asciiLinesAndColumns() {
        let locator = SourceLocator("ab\ncd\n")
        #expect(locator.position(ofByteOffset: 0) == SourcePosition(line: 1, column: 1))
        #expect(locator.position(ofByteOffset: 1) == SourcePosition(line: 1, column: 2))
        #expect(locator.position(ofByteOffset: 2) == SourcePosition(line: 1, column: 3))  // the \n
        #expect(locator.position(ofByteOffset: 3) == SourcePosition(line: 2, column: 1))
        #expect(locator.position(ofByteOffset: 6) == SourcePosition(line: 3, column: 1))  // end of file
        #expect(locator.lineCount == 3)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // é precomposed (2 bytes), e + combining acute (3 bytes), a family emoji (18 bytes), a tab.
        let text = "\"é\"\t\"e\u{301}\" 👩‍👩‍👧 X"
        let locator = SourceLocator(text)
        #expect(locator.position(ofByteOffset: try offset(of: "\t", in: text)).column == 4)
        #expect(locator.position(ofByteOffset: try offset(of: "\"e", in: text)).column == 5)
        #expect(locator.position(ofByteOffset: try offset(of: "👩", in: text)).column == 9)
        #expect(locator.position(ofByteOffset: try offset(of: "X", in: text)).column == 11)
    }

    @Test func lineBreaksCRLFAndLoneCR() {
        let locator = SourceLocator("a\r\nb\rc\nd")
        #expect(locator.position(ofByteOffset: 3) == SourcePosition(line: 2, column: 1))  // b
        #expect(locator.position(ofByteOffset: 5) == SourcePosition(line: 3, column: 1))  // c
        #expect(locator.position(ofByteOffset: 7) == SourcePosition(line: 4, column: 1))  // d
        #expect(locator.lineText(1) == "a")
        #expect(locator.lineText(2) == "b")
        #expect(locator.lineText(4) == "d")
        #expect(locator.lineText(5) == nil)
    }

    @Test func byteOrderMarkIsNotAColumn() {
        let locator = SourceLocator(bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8))
        #expect(locator.position(ofByteOffset: 3) == SourcePosition(line: 1, column: 1))
        #expect(locator.position(ofByteOffset: 4) == SourcePosition(line: 1, column: 2))
        #expect(locator.position(ofByteOffset: 0) == SourcePosition(line: 1, column: 1))
    }

    @Test func offsetsOutOfRangeAreClamped() {
        let locator = SourceLocator("ab")
        #expect(locator.position(ofByteOffset: -5) == SourcePosition(line: 1, column: 1))
        #expect(locator.position(ofByteOffset: 99) == SourcePosition(line: 1, column: 3))
    }

    @Test func positionsRenderAndOrder() {
        #expect(SourcePosition(line: 12, column: 17).description == "12:17")
        #expect(SourcePosition(line: 2, column: 30) < SourcePosition(line: 3, column: 1))
        #expect(SourcePosition(line: 3, column: 2) > SourcePosition(line: 3, column: 1))
    }
}
