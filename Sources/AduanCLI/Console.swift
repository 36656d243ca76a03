import Foundation

/// Writing to standard output and standard error, flushed line by line so piped readers see
/// each message as soon as it is sent.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether standard input is a terminal (a person typing) rather than a pipe or file.
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
}
