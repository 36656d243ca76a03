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
        var output = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let inner = rest[open.upperBound..<close.lowerBound]
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let fallback = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            output += replace(Placeholder(name: name, fallback: fallback))
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }
}
