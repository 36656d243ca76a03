import AduanWilayah
import Foundation

/// What a dialog needs to know about the bot that runs it: its name, its regency's places, its
/// categories and agencies, its tracking prefix and response time. Built by the runtime from a
/// bot configuration in `Bots/`; the engine only reads it.
public struct Catalog: Sendable {
    /// The programme's name, e.g. "24 Jam Bangli Era Baru" (`{{bot}}` in templates).
    public var botName: LocalizedText
    /// The regency, e.g. "Kabupaten Bangli" (`{{regency}}`).
    public var regency: String
    /// The letters in front of tracking numbers, e.g. `BGL`.
    public var trackingPrefix: String
    /// The regency's time zone, for deadlines (WIB, WITA, WIT).
    public var timeZone: TimeZone
    /// The default response deadline in hours.
    public var responseHours: Int
    /// The categories offered to citizens, in order.
    public var categories: [CaseCategory]
    /// The agencies' names by identifier (`{{opd}}`).
    public var agencyNames: [String: LocalizedText]
    /// The regency's kecamatan and desa.
    public var gazetteer: Gazetteer
    /// Resolves what citizens type into places.
    public let resolver: LocationResolver

    /// Makes a catalog.
    public init(botName: LocalizedText, regency: String, trackingPrefix: String, timeZone: TimeZone,
                responseHours: Int, categories: [CaseCategory], agencyNames: [String: LocalizedText],
                gazetteer: Gazetteer) {
        self.botName = botName
        self.regency = regency
        self.trackingPrefix = trackingPrefix
        self.timeZone = timeZone
        self.responseHours = responseHours
        self.categories = categories
        self.agencyNames = agencyNames
        self.gazetteer = gazetteer
        self.resolver = LocationResolver(gazetteer: gazetteer)
    }

    /// The options of a `choice` that takes them from the catalog (`"options_from": "categories"`).
    public func options(from source: String) -> [ChoiceOption]? {
        switch source {
        case "categories": return categories.map(\.option)
        default: return nil
        }
    }

    /// The category with this identifier.
    public func category(_ id: String) -> CaseCategory? {
        categories.first { $0.id == id }
    }

    /// The values every template may use: `bot`, `regency` and `example_location` (a real place
    /// of the regency, to show the citizen how to answer).
    public static let builtinValues = ["bot", "regency", "example_location"]

    /// An example place for prompts, e.g. "Batur Selatan, Kintamani".
    public var exampleLocation: String {
        let kecamatan = gazetteer.kecamatan.first { $0.desa.count > 1 } ?? gazetteer.kecamatan.first
        guard let kecamatan else { return "" }
        let desa = kecamatan.desa.dropFirst().first ?? kecamatan.desa.first
        return desa.map { "\($0.name), \(kecamatan.name)" } ?? kecamatan.name
    }
}
