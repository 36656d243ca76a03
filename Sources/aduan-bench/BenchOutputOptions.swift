import ArgumentParser
import Foundation

/// What both benchmarks take besides their workload: where the database files go, and how the
/// figures are reported (`--directory`, `--keep`, `--json`, `--check`).
struct BenchOutputOptions: ParsableArguments {
    @Option(help: "Where to create the database files (default: a new temporary directory, removed afterwards).")
    var directory: String?

    @Flag(help: "Keep the database files.")
    var keep = false

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Flag(help: "Exit with status 2 when a goal is missed.")
    var check = false

    /// The folder for this run's database files: `--directory`, or a new temporary one named
    /// after `prefix`. Pass it to ``removeWorkFolder(_:)`` when done.
    func workFolder(prefix: String) throws -> URL {
        let root = directory.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    /// Removes a temporary work folder, unless `--keep` or `--directory` was given.
    func removeWorkFolder(_ root: URL) {
        if !keep && directory == nil { try? FileManager.default.removeItem(at: root) }
    }
}

/// How a benchmark run reports progress and failure.
enum BenchRun {
    /// Runs `measure`; an error other than an exit code is printed as `NAME: FAILED` and exits 1.
    static func run(_ name: String, _ measure: () async throws -> Void) async throws {
        do {
            try await measure()
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("\(name): FAILED\n\(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// A progress line on standard error.
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
