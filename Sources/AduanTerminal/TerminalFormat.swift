import AduanRuntime

/// How the terminal chat prints what the bot says: `-> NAME: text` for a direct message,
/// `-> #channel: text` for a channel; further lines of the same message indented by two spaces.
public enum TerminalFormat {
    /// The printed form of one message.
    ///
    /// ```
    /// -> warga: Ringkasan aduan Anda:
    ///   Lokasi: Desa Batur Selatan, Kecamatan Kintamani
    /// ```
    public static func line(_ message: OutboundMessage) -> String {
        let target: String
        switch message.destination {
        case .user(let name): target = name
        case .channel(let name): target = name
        }
        let lines = message.text.split(separator: "\n", omittingEmptySubsequences: false)
        var out = "-> \(target): " + (lines.first.map(String.init) ?? "")
        for line in lines.dropFirst() {
            out += "\n  " + line
        }
        return out
    }
}
