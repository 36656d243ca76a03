import AduanCore
import Foundation

/// Runs a program to the end with some standard input, for end-to-end tests of `aduan`.
public enum ProcessRunner {
    /// What a finished program printed and returned.
    public struct Outcome: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var output: String
        /// Standard error.
        public var errors: String
    }

    /// Runs `executable` with `arguments` in `directory`, feeding `input` on standard input.
    public static func run(_ executable: URL, _ arguments: [String], input: String = "",
                           in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both outputs while writing, so a full pipe never blocks the program.
        let outData = Locked(Data())
        let errData = Locked(Data())
        let group = DispatchGroup()
        for (pipe, sink) in [(stdout, outData), (stderr, errData)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                sink.withLock { $0 = data }
                group.leave()
            }
        }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Outcome(status: process.terminationStatus,
                       output: String(decoding: outData.withLock { $0 }, as: UTF8.self),
                       errors: String(decoding: errData.withLock { $0 }, as: UTF8.self))
    }

    /// Runs the built `aduan` with `arguments`.
    public static func aduan(_ arguments: [String], input: String = "", in directory: URL? = nil) throws -> Outcome {
        try run(Repository.aduanExecutable, arguments, input: input, in: directory)
    }
}
