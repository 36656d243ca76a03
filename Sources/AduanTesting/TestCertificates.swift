import Foundation

/// A certificate authority and a server certificate made with the `openssl` command for one
/// test: the server certificate names `irc.test.local` (and, with `naming: .nameAndAddress`,
/// `127.0.0.1` too).
public struct TestCertificates: Sendable {
    /// The authority's certificate (PEM), for the bot to trust.
    public let authority: String
    /// The server's certificate (PEM), signed by the authority.
    public let serverCertificate: String
    /// The server's private key (PEM).
    public let serverKey: String

    /// Why the certificates could not be made.
    public typealias Failure = ServerLaunchFailure

    /// What the server certificate names.
    public enum Naming: Sendable {
        /// `irc.test.local` only.
        case nameOnly
        /// `irc.test.local` and `127.0.0.1`.
        case nameAndAddress
    }

    /// Makes the files in `folder` with `openssl`.
    ///
    /// - Throws: ``Failure`` when openssl is missing or fails.
    public static func make(in folder: URL, naming: Naming = .nameOnly) throws -> TestCertificates {
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let names = naming == .nameOnly ? "DNS:irc.test.local" : "DNS:irc.test.local, IP:127.0.0.1"
        try "subjectAltName = \(names)\n"
            .write(toFile: path("san.cnf"), atomically: true, encoding: .utf8)
        try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path("ca.key"), "-out", path("ca.pem"),
                     "-days", "2", "-subj", "/CN=Aduan Test CA"])
        try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", path("server.key"), "-out", path("server.csr"),
                     "-subj", "/CN=irc.test.local"])
        try openssl(["x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                     "-CAcreateserial", "-out", path("server.pem"), "-days", "2", "-extfile", path("san.cnf")])
        return TestCertificates(authority: path("ca.pem"), serverCertificate: path("server.pem"), serverKey: path("server.key"))
    }

    private static func openssl(_ arguments: [String]) throws {
        guard let executable = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first(where: FileManager.default.isExecutableFile)
        else {
            throw Failure(description: "openssl is not installed: apt-get install openssl (the TLS test makes its certificates)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "openssl \(arguments.first ?? "") failed: \(String(decoding: message, as: UTF8.self))")
        }
    }
}
