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
    /// Response deadlines in hours by agency identifier, for agencies that set their own; a
    /// category's own `response_hours` still wins (see ``responseHours(for:)``).
    public var agencyResponseHours: [String: Int]
    /// The categories offered to citizens, in order.
    public var categories: [CaseCategory]
    /// The agencies' names by identifier (`{{opd}}`).
    public var agencyNames: [String: LocalizedText]
    /// The regency's kecamatan and desa.
    public var gazetteer: Gazetteer
    /// Resolves what citizens type into places.
    public let resolver: LocationResolver
    /// An example place for prompts, e.g. "Batur Selatan, Kintamani" (`{{example_location}}`):
    /// a real place of the regency that, typed as shown, the resolver finds without asking back.
    public let exampleLocation: String

    /// Makes a catalog.
    public init(botName: LocalizedText, regency: String, trackingPrefix: String, timeZone: TimeZone,
                responseHours: Int, categories: [CaseCategory], agencyNames: [String: LocalizedText],
                gazetteer: Gazetteer, agencyResponseHours: [String: Int] = [:]) {
        self.botName = botName
        self.regency = regency
        self.trackingPrefix = trackingPrefix
        self.timeZone = timeZone
        self.responseHours = responseHours
        self.agencyResponseHours = agencyResponseHours
        self.categories = categories
        self.agencyNames = agencyNames
        self.gazetteer = gazetteer
        self.resolver = LocationResolver(gazetteer: gazetteer)
        self.exampleLocation = Self.example(in: gazetteer, resolver: resolver)
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

    /// The response deadline in hours for a case of `category`: the category's own, else its
    /// agency's, else the bot's default.
    public func responseHours(for category: CaseCategory) -> Int {
        category.responseHours ?? agencyResponseHours[category.opd] ?? responseHours
    }

    /// The values every template may use: `bot`, `regency`, `example_location` (a real place
    /// of the regency, to show the citizen how to answer) and `example_tracking` (a tracking
    /// number of this bot's form, e.g. `BGL-K7M-4QX`).
    public static let builtinValues = ["bot", "regency", "example_location", "example_tracking"]

    /// The first place, preferring a kecamatan with several desa and not its first desa, whose
    /// "Desa, Kecamatan" the resolver finds as exactly that place. (A desa whose name is also in
    /// another kecamatan, next to a kecamatan named like the regency, would make the citizen who
    /// copies the example answer a follow-up question.)
    static func example(in gazetteer: Gazetteer, resolver: LocationResolver) -> String {
        let preferred = gazetteer.kecamatan.first { $0.desa.count > 1 } ?? gazetteer.kecamatan.first
        guard let preferred else { return "" }
        var candidates: [(kecamatan: String, desa: String)] = []
        for kecamatan in [preferred] + gazetteer.kecamatan where !kecamatan.desa.isEmpty {
            let desa = Array(kecamatan.desa.dropFirst()) + [kecamatan.desa[0]]
            candidates += desa.map { (kecamatan.name, $0.name) }
        }
        for (kecamatan, desa) in candidates
        where resolver.resolve("\(desa), \(kecamatan)") == .found(Place(kecamatan: kecamatan, desa: desa)) {
            return "\(desa), \(kecamatan)"
        }
        return candidates.first.map { "\($0.desa), \($0.kecamatan)" } ?? preferred.name
    }
}
