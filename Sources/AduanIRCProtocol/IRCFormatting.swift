/// mIRC-style text formatting codes.
public enum IRCFormatting {
    /// Removes formatting codes from received text, so that the dialog sees only what a person
    /// reads:
    /// - bold `\x02`, monospace `\x11`, reverse `\x16`, italics `\x1D`, strikethrough `\x1E`,
    ///   underline `\x1F` and reset `\x0F` (each one byte);
    /// - colour `\x03` with an optional foreground of one or two digits and, only after a
    ///   foreground, an optional `,` and background of one or two digits (a `,` not followed by a
    ///   digit stays in the text, as do digits past the second);
    /// - hex colour `\x04` with an optional six-hex-digit foreground and, after it, an optional
    ///   `,` and six-hex-digit background.
    public static func strip(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        func isDigit(_ i: Int) -> Bool {
            i < scalars.count && scalars[i].value >= 0x30 && scalars[i].value <= 0x39
        }
        func isHexRun(_ i: Int) -> Bool {
            guard i + 6 <= scalars.count else { return false }
            return scalars[i..<(i + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
        }
        func digits(from i: Int) -> Int {  // how many digits (0, 1 or 2) start at i
            isDigit(i) ? (isDigit(i + 1) ? 2 : 1) : 0
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x02, 0x0F, 0x11, 0x16, 0x1D, 0x1E, 0x1F:
                index += 1
            case 0x03:
                index += 1
                let foreground = digits(from: index)
                if foreground > 0 {
                    index += foreground
                    if index < scalars.count, scalars[index] == ",", isDigit(index + 1) {
                        index += 1 + digits(from: index + 1)
                    }
                }
            case 0x04:
                index += 1
                if isHexRun(index) {
                    index += 6
                    if index < scalars.count, scalars[index] == ",", isHexRun(index + 1) {
                        index += 7
                    }
                }
            default:
                out.append(scalar)
                index += 1
            }
        }
        return String(out)
    }
}
