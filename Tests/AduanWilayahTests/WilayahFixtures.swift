import AduanWilayah
import Foundation

/// The real gazetteer files in `Bots/wilayah`, loaded once.
enum WilayahFixtures {
    /// `Bots/wilayah`, found from this file's path.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // AduanWilayahTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repository root
        .appendingPathComponent("Bots/wilayah", isDirectory: true)

    /// The file names, without `.json`.
    static let names = ["bangli", "bojonegoro", "kabupaten-bekasi", "kota-bekasi"]

    static func load(_ name: String) throws -> Gazetteer {
        try Gazetteer(contentsOf: directory.appendingPathComponent("\(name).json"))
    }

    // Loading failures show up in `GazetteerLoadingTests`; here a broken file stops the run.
    static let bangli = try! load("bangli")
    static let bojonegoro = try! load("bojonegoro")
    static let kabupatenBekasi = try! load("kabupaten-bekasi")
    static let kotaBekasi = try! load("kota-bekasi")

    static let all: [String: Gazetteer] = [
        "bangli": bangli, "bojonegoro": bojonegoro, "kabupaten-bekasi": kabupatenBekasi, "kota-bekasi": kotaBekasi,
    ]

    static let bangliResolver = LocationResolver(gazetteer: bangli)
    static let bojonegoroResolver = LocationResolver(gazetteer: bojonegoro)
}
