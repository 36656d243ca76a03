import AduanDialog

/// A government agency (OPD) or outside body (Polres, PDAM) that handles cases.
///
/// ```json
/// { "id": "pupr", "name": { "id": "Dinas PUPR", "en": "Public Works Agency (PUPR)" },
///   "channel": "#opd-pupr" }
/// ```
public struct Agency: Sendable, Hashable, Codable {
    /// The identifier that categories route to.
    public var id: String
    /// The name citizens and staff read.
    public var name: LocalizedText
    /// The staff channel where its new cases are announced.
    public var channel: String?
    /// Whether it is outside the regency government (police, water company).
    public var external: Bool

    /// Makes an agency.
    public init(id: String, name: LocalizedText, channel: String?, external: Bool = false) {
        self.id = id
        self.name = name
        self.channel = channel
        self.external = external
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, channel, external
    }

    /// Decodes an agency; `external` defaults to false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(LocalizedText.self, forKey: .name)
        channel = try c.decodeIfPresent(String.self, forKey: .channel)
        external = try c.decodeIfPresent(Bool.self, forKey: .external) ?? false
    }

    /// The fields an agency may have.
    public static let fields = ["id", "name", "channel", "external", "note"]
}
