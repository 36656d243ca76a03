/// A short fingerprint of a file's bytes (64-bit FNV-1a, as 16 hex digits), used to tell dialog
/// revisions apart. Not a security hash.
public enum ContentHash {
    /// The fingerprint of `bytes`, e.g. `"a1b2c3d4e5f60718"`.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
