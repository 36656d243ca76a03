// swift-tools-version:6.1
// Aduan: a complaint desk for Indonesian local government, run as a chat bot.
//
// Dependencies point inward: executables -> transports -> runtime -> store / dialog engine -> core.
import PackageDescription

let package = Package(
    name: "Aduan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "aduan", targets: ["aduan"]),
        .executable(name: "aduan-bench", targets: ["aduan-bench"]),
        .executable(name: "aduan-testnet", targets: ["aduan-testnet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Pure building blocks: text matching, JSON with source positions, diagnostics, case status.
        .target(name: "AduanCore"),
        // Kecamatan/desa lists and the location resolver (pure).
        .target(name: "AduanWilayah", dependencies: ["AduanCore"]),
        // The dialog file format, its validator and the pure dialog engine (no I/O).
        .target(name: "AduanDialog", dependencies: ["AduanCore", "AduanWilayah"]),
        // The staff desk as pure code: the case lifecycle, staff commands, the response clock.
        .target(name: "AduanDesk", dependencies: ["AduanCore"]),
        // The one type that owns SQLite.
        .target(name: "AduanStore", dependencies: [
            "AduanCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Bot configurations, dialog revisions, and carrying out the engine's effects.
        .target(name: "AduanRuntime", dependencies: [
            "AduanCore", "AduanWilayah", "AduanDialog", "AduanDesk", "AduanStore",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Transports at the edge.
        .target(name: "AduanTerminal", dependencies: ["AduanCore", "AduanRuntime"]),
        // The IRC protocol as pure code: message parsing and serializing, casemapping, line splitting.
        .target(name: "AduanIRCProtocol"),
        // The IRC transport: a SwiftNIO connection and the service that joins it to the runtime.
        .target(name: "AduanIRC", dependencies: [
            "AduanCore", "AduanIRCProtocol", "AduanRuntime",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // The `aduan` command line (a library so tests can run commands in-process).
        .target(name: "AduanCLI", dependencies: [
            "AduanCore", "AduanWilayah", "AduanDialog", "AduanStore", "AduanRuntime", "AduanTerminal",
            "AduanIRCProtocol", "AduanIRC",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "aduan", dependencies: ["AduanCLI"]),
        .executableTarget(name: "aduan-bench", dependencies: [
            "AduanTesting", "AduanCore", "AduanWilayah", "AduanDialog", "AduanStore", "AduanRuntime", "AduanIRCProtocol", "AduanIRC",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // A local IRC network with services accounts, for trying the bot by hand.
        .executableTarget(name: "aduan-testnet", dependencies: [
            "AduanRuntime", "AduanTesting",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Test support shared by the test targets, and the local IRC server launchers (Foundation
        // processes and sockets, no NIO) the IRC tests and `aduan-bench irc` share.
        .target(name: "AduanTesting", dependencies: [
            "AduanCore", "AduanWilayah", "AduanDialog", "AduanStore", "AduanRuntime",
        ]),
        .testTarget(name: "AduanCoreTests", dependencies: ["AduanCore"]),
        .testTarget(name: "AduanWilayahTests", dependencies: ["AduanCore", "AduanWilayah", "AduanTesting"]),
        .testTarget(name: "AduanDialogTests", dependencies: ["AduanCore", "AduanWilayah", "AduanDialog", "AduanTesting"]),
        .testTarget(name: "AduanDeskTests", dependencies: ["AduanCore", "AduanDesk"]),
        .testTarget(name: "AduanStoreTests", dependencies: [
            "AduanCore", "AduanStore", "AduanTesting", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "AduanRuntimeTests", dependencies: [
            "AduanRuntime", "AduanTesting", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "AduanCLITests", dependencies: ["AduanCLI", "AduanTesting"]),
        .testTarget(name: "AduanIRCProtocolTests", dependencies: ["AduanCore", "AduanIRCProtocol"]),
        .testTarget(name: "AduanIRCTests", dependencies: [
            "AduanCore", "AduanIRC", "AduanIRCProtocol", "AduanRuntime", "AduanStore", "AduanTesting",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
