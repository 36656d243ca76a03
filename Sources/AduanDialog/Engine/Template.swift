import Foundation

/// `{{name}}` placeholders in the texts of a dialog.
///
/// `{{lokasi}}` is replaced by the value saved as `lokasi`; `{{kontak|tidak ada}}` falls back to
/// "tidak ada" when no contact was given. Spaces inside the braces do not matter.
public enum Template {
    /// A placeholder found in a text.
    public struct Placeholder: Sendable, Hashable {
        /// The value's name.
        public var name: String
        /// The text used when the value is missing, if any.
        public var fallback: String?
    }

    /// The placeholders in `text`, in order.
    public static func placeholders(in text: String) -> [Placeholder] {
        var result: [Placeholder] = []
        scan(text) { placeholder in
            result.append(placeholder)
            return ""
        }
        return result
    }

    /// `text` with every placeholder replaced by `lookup(name)`, its fallback, or nothing.
    public static func render(_ text: String, _ lookup: (String) -> String?) -> String {
        guard text.contains("{{") else { return text }
        return scan(text) { placeholder in
            lookup(placeholder.name) ?? placeholder.fallback ?? ""
        }
    }

    @discardableResult
    private static func scan(_ text: String, _ replace: (Placeholder) -> String) -> String {
        // Pure Swift over UTF-8: `{` and `}` are ASCII, so byte offsets found here are always
        // character boundaries. (Foundation's `range(of:)` bridges to NSString and dominated the
        // runtime's profile.)
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            var output = ""
            output.reserveCapacity(n)
            var copyFrom = 0
            var i = 0
            while i + 1 < n {
                guard bytes[i] == 0x7B, bytes[i + 1] == 0x7B else {
                    i += 1
                    continue
                }
                var close = i + 2
                while close + 1 < n, !(bytes[close] == 0x7D && bytes[close + 1] == 0x7D) { close += 1 }
                guard close + 1 < n else { break }
                output += String(decoding: UnsafeBufferPointer(rebasing: bytes[copyFrom..<i]), as: UTF8.self)
                let inner = UnsafeBufferPointer(rebasing: bytes[(i + 2)..<close])
                let bar = inner.firstIndex(of: 0x7C)
                let name = trimmed(String(decoding: UnsafeBufferPointer(rebasing: inner[..<(bar ?? inner.endIndex)]), as: UTF8.self))
                let fallback = bar.map {
                    trimmed(String(decoding: UnsafeBufferPointer(rebasing: inner[($0 + 1)...]), as: UTF8.self))
                }
                output += replace(Placeholder(name: name, fallback: fallback))
                i = close + 2
                copyFrom = i
            }
            output += String(decoding: UnsafeBufferPointer(rebasing: bytes[copyFrom..<n]), as: UTF8.self)
            return output
        }
    }

    /// `text` without leading and trailing spaces and tabs (what `CharacterSet.whitespaces` holds).
    private static func trimmed(_ text: String) -> String {
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
