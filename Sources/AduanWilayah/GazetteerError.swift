import Foundation

/// Why a gazetteer file could not be read: where in the file, and what is wrong there.
public struct GazetteerError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// Where the problem is, as a JSON path like `kecamatan[2].desa_kelurahan[5].nama`;
    /// empty for the whole document.
    public var path: String
    /// What is wrong, in plain English.
    public var message: String

    /// An error at `path` (empty for the whole document).
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// "kecamatan[2].desa_kelurahan[5].nama: expected a non-empty string".
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// The same text as `description`, so `localizedDescription` is useful too.
    public var errorDescription: String? { description }
}
