import AduanWilayah

/// An answer saved during a conversation, typed by the question that collected it.
public enum CollectedValue: Sendable, Hashable {
    /// Free text.
    case text(String)
    /// A choice's `value`.
    case choice(String)
    /// Yes (true) or no (false).
    case bool(Bool)
    /// A phone number in international form, e.g. `+6281234567890`.
    case phone(String)
    /// A number.
    case number(Double)
    /// A place of the regency.
    case place(Place)

    /// Whether this value matches a branch's scalar.
    public func matches(_ scalar: Scalar) -> Bool {
        switch (self, scalar) {
        case (.bool(let a), .bool(let b)): return a == b
        case (.choice(let a), .text(let b)), (.text(let a), .text(let b)), (.phone(let a), .text(let b)):
            return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.place(let p), .text(let b)):
            return p.kecamatan == b || p.desa == b
        default: return false
        }
    }
}

extension CollectedValue: Codable {
    private enum CodingKeys: String, CodingKey {
        case text, choice, bool, phone, number, place
    }

    /// Decodes the one-key object form, e.g. `{"choice": "jalan"}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let v = try c.decodeIfPresent(String.self, forKey: .text) {
            self = .text(v)
        } else if let v = try c.decodeIfPresent(String.self, forKey: .choice) {
            self = .choice(v)
        } else if let v = try c.decodeIfPresent(Bool.self, forKey: .bool) {
            self = .bool(v)
        } else if let v = try c.decodeIfPresent(String.self, forKey: .phone) {
            self = .phone(v)
        } else if let v = try c.decodeIfPresent(Double.self, forKey: .number) {
            self = .number(v)
        } else if let v = try c.decodeIfPresent(Place.self, forKey: .place) {
            self = .place(v)
        } else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: c.codingPath, debugDescription: "unknown collected value"))
        }
    }

    /// Encodes as a one-key object.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let v): try c.encode(v, forKey: .text)
        case .choice(let v): try c.encode(v, forKey: .choice)
        case .bool(let v): try c.encode(v, forKey: .bool)
        case .phone(let v): try c.encode(v, forKey: .phone)
        case .number(let v): try c.encode(v, forKey: .number)
        case .place(let v): try c.encode(v, forKey: .place)
        }
    }
}
