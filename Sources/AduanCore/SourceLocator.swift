import Foundation

/// Turns UTF-8 byte offsets into ``SourcePosition``s (line and column) for one file.
///
/// The line table is built once, in one pass over the bytes; each lookup is a binary search for
/// the line plus a count of the characters before the offset on that line. Lines end at `\n`,
/// `\r\n` or a lone `\r`; a UTF-8 byte order mark at the start of the file is skipped. See
/// ``SourcePosition`` for how columns are counted.
///
/// ```swift
/// let locator = SourceLocator("{\n  \"é\": 1\n}")
/// locator.position(ofByteOffset: 10)   // 2:8, the `1` (é is two bytes but one column)
/// ```
public struct SourceLocator: Sendable {
    /// The bytes of the file.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0]` is 3 when the file starts with a BOM.
    private let lineStarts: [Int]

    /// Creates a locator for the UTF-8 bytes of a file.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 32 + 1)
        let bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        starts.append(bomLength)
        bytes.withUnsafeBufferPointer { buffer in
            var index = bomLength
            let end = buffer.count
            while index < end {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < end, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        self.lineStarts = starts
    }

    /// Creates a locator for the contents of a file.
    public init(_ data: Data) {
        self.init(bytes: [UInt8](data))
    }

    /// Creates a locator for a text (its UTF-8 encoding).
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// The number of lines; a file that ends with a line break has an empty last line.
    public var lineCount: Int { lineStarts.count }

    /// The line and column of a byte offset. Offsets are clamped to `0...bytes.count`;
    /// `bytes.count` is the end of the file.
    public func position(ofByteOffset offset: Int) -> SourcePosition {
        let offset = min(max(offset, lineStarts[0]), bytes.count)
        // The last line whose start is at or before the offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        return SourcePosition(line: low + 1, column: columnCount(from: start, to: offset) + 1)
    }

    /// The text of a line (1-based) without its line break, or nil when there is no such line.
    ///
    /// ```swift
    /// SourceLocator("a\nbc\n").lineText(2)   // "bc"
    /// ```
    public func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The number of characters (grapheme clusters) in `bytes[start..<end]`.
    private func columnCount(from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var allASCII = true
            for index in start..<end where buffer[index] >= 0x80 {
                allASCII = false
                break
            }
            if allASCII { return end - start }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self).count
        }
    }
}
