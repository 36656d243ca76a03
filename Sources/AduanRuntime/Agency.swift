import AduanDialog

/// A government agency (OPD) or outside body (Polres, PDAM) that handles cases.
///
/// ```json
/// { "id": "pupr", "name": { "id": "Dinas PUPR", "en": "Public Works Agency (PUPR)" },
///   "channel": "#opd-pupr", "staff": ["irc-account:budi", "matrix:@sari:bangli.go.id"],
///   "head": ["irc-account:kadis_pupr"], "response_hours": 24 }
/// ```
///
/// Staff and heads are named by the identity their network vouches for: `irc-account:NAME` (an
/// IRC services account), `matrix:@user:server`, or `terminal:NAME` for the terminal chat.
public struct Agency: Sendable, Hashable, Codable {
    /// The identifier that categories route to.
    public var id: String
    /// The name citizens and staff read.
    public var name: LocalizedText
    /// The staff channel where its new cases are announced.
    public var channel: String?
    /// Whether it is outside the regency government (police, water company).
    public var external: Bool
    /// The staff who work its cases (its TRC): identities their network vouches for.
    public var staff: [String]
    /// Its head (*kepala*), who gets handling reports and the first escalation; may also act on
    /// its cases.
    public var head: [String]
    /// Where escalations to the head are posted; nil for the agency's channel.
    public var headChannel: String?
    /// Its response deadline in hours, where it differs from the bot's (a category's own wins).
    public var responseHours: Int?

    /// Makes an agency.
    public init(id: String, name: LocalizedText, channel: String?, external: Bool = false,
                staff: [String] = [], head: [String] = [], headChannel: String? = nil, responseHours: Int? = nil) {
        self.id = id
        self.name = name
        self.channel = channel
        self.external = external
        self.staff = staff
        self.head = head
        self.headChannel = headChannel
        self.responseHours = responseHours
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, channel, external, staff, head
        case headChannel = "head_channel"
        case responseHours = "response_hours"
    }

    /// Decodes an agency; `external` defaults to false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(LocalizedText.self, forKey: .name)
        channel = try c.decodeIfPresent(String.self, forKey: .channel)
        external = try c.decodeIfPresent(Bool.self, forKey: .external) ?? false
        staff = try c.decodeIfPresent([String].self, forKey: .staff) ?? []
        head = try c.decodeIfPresent([String].self, forKey: .head) ?? []
        headChannel = try c.decodeIfPresent(String.self, forKey: .headChannel)
        responseHours = try c.decodeIfPresent(Int.self, forKey: .responseHours)
    }

    /// The fields an agency may have.
    public static let fields = ["id", "name", "channel", "external", "staff", "head", "head_channel",
                                "response_hours", "note"]
}
