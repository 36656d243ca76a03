import Foundation

/// Paths in this repository, for tests that use the real `Dialogs/`, `Bots/` and the built `aduan`.
public enum Repository {
    /// The repository's root folder.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // AduanTesting
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// A path below the root, e.g. `Repository.path("Bots/bangli.json")`.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// The JSON files directly in a folder of the repository, sorted.
    public static func jsonFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { path(folder + "/" + $0) }
    }

    /// The built `aduan` executable next to the running test bundle.
    public static var aduanExecutable: URL {
        let bundle = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = bundle.deletingLastPathComponent()
        // On Linux the test binary is `<products>/AduanPackageTests.xctest`; elsewhere it may sit inside a bundle.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("aduan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return bundle.deletingLastPathComponent().appendingPathComponent("aduan")
    }

    /// A new empty temporary folder.
    public static func temporaryFolder(_ name: String = "aduan-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
