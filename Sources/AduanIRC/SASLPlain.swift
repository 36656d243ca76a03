import Foundation

/// The SASL `PLAIN` exchange as `AUTHENTICATE` parameters (IRCv3 `sasl-3.1`).
enum SASLPlain {
    /// The longest base64 chunk in one `AUTHENTICATE` message.
    static let chunkLength = 400

    /// The `AUTHENTICATE` parameters that carry `account\0account\0password`: base64 in chunks
    /// of 400 bytes, followed by `+` when the last chunk is exactly 400 bytes long (or when
    /// there is nothing to send).
    static func chunks(account: String, password: String) -> [String] {
        let payload = Data((account + "\u{0}" + account + "\u{0}" + password).utf8).base64EncodedString()
        var chunks: [String] = []
        var rest = Substring(payload)
        while !rest.isEmpty {
            chunks.append(String(rest.prefix(chunkLength)))
            rest = rest.dropFirst(chunkLength)
        }
        if chunks.last.map({ $0.utf8.count == chunkLength }) ?? true {
            chunks.append("+")
        }
        return chunks
    }
}
