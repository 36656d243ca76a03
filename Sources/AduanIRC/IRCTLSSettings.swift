import NIOSSL

/// How the bot speaks TLS to the IRC server (`aduan run --irc-tls`).
///
/// The server's certificate is always verified, against the system's trusted certificates or,
/// for a network with its own certificate authority, against the certificates in
/// ``trustedCertificates``; the name checked is ``serverName`` (else the host connected to).
public struct IRCTLSSettings: Sendable, Hashable {
    /// A PEM file of certificate authorities to trust instead of the system's.
    public var trustedCertificates: String?
    /// The name the server's certificate must carry, when it differs from the host connected to
    /// (e.g. connecting to an address).
    public var serverName: String?

    /// Makes TLS settings.
    public init(trustedCertificates: String? = nil, serverName: String? = nil) {
        self.trustedCertificates = trustedCertificates
        self.serverName = serverName
    }

    /// The NIOSSL context for these settings.
    func makeContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let file = trustedCertificates {
            configuration.trustRoots = .file(file)
        }
        return try NIOSSLContext(configuration: configuration)
    }
}
