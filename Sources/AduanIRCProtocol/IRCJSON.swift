/// Compact JSON renderings of parsed messages, as printed by `aduan irc parse`.
public enum IRCJSON {
    /// One line of JSON: `{"tags":{…},"source":…,"verb":…,"params":[…]}`, keys in that order,
    /// tags in the order received with unescaped values (`""` for a tag without a value), and
    /// `"source":null` when there is none.
    public static func message(_ message: IRCMessage) -> String {
        var out = "{\"tags\":{"
        for (number, tag) in message.tagList.enumerated() {
            if number > 0 { out += "," }
            out += quoted(tag.key) + ":" + quoted(tag.value)
        }
        out += "},\"source\":" + (message.source.map(quoted) ?? "null")
        out += ",\"verb\":" + quoted(message.verb)
        out += ",\"params\":[" + message.params.map(quoted).joined(separator: ",") + "]}"
        return out
    }

    /// One line of JSON for a line that does not parse: `{"error":"…","line":"…"}`; the line is
    /// decoded as UTF-8 with replacement characters.
    public static func error(_ error: IRCParseError, line: some Collection<UInt8>) -> String {
        "{\"error\":" + quoted(error.description) + ",\"line\":" + quoted(IRCBytes.string(line)) + "}"
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or
    /// `\u00XX`, everything else (including non-ASCII) as it is.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
