import Foundation

/// Notices edits to a few files by their modification time and size, looking at most once a second.
struct FileWatch: Sendable {
    private var paths: [String]
    private var seen: [String: Stamp]
    private var lastLook = Date.distantPast

    private struct Stamp: Equatable, Sendable {
        var modified: Date?
        var size: Int?
    }

    init(paths: [String]) {
        self.paths = paths
        self.seen = Dictionary(paths.map { ($0, Self.stamp($0)) }, uniquingKeysWith: { a, _ in a })
    }

    private static func stamp(_ path: String) -> Stamp {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return Stamp(modified: attributes?[.modificationDate] as? Date, size: (attributes?[.size] as? NSNumber)?.intValue)
    }

    /// Whether any file changed since the last look.
    mutating func poll(now: Date) -> Bool {
        guard now.timeIntervalSince(lastLook) >= 1 else { return false }
        lastLook = now
        return paths.contains { Self.stamp($0) != seen[$0] }
    }

    /// Takes the files as they are now as seen (after a failed reload, so it is not retried until the next edit).
    mutating func acceptCurrent() {
        for path in paths { seen[path] = Self.stamp(path) }
    }
}
