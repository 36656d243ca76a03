import AduanCore
import Foundation

/// The kecamatan and desa/kelurahan of one kabupaten or kota, as kept in `Bots/wilayah/*.json`.
///
/// The file format:
/// ```json
/// { "source": "…", "provinsi": "Bali", "kabupaten_kota": "Kabupaten Bangli",
///   "kecamatan": [ { "nama": "Kintamani",
///                    "desa_kelurahan": [ { "nama": "Abuan", "kode_pos": 80652 } ] } ] }
/// ```
/// Other keys (such as `ibukota`) are ignored.
public struct Gazetteer: Sendable, Hashable {
    /// The kabupaten or kota, e.g. "Kabupaten Bangli" or "Kota Bekasi".
    public var regency: String
    /// The province, e.g. "Bali".
    public var province: String
    /// Where the data comes from (kept for attribution).
    public var source: String
    /// The kecamatan, in the order of the data file.
    public var kecamatan: [Kecamatan]

    /// A gazetteer from its parts (no validation; the resolver copes with any content).
    public init(regency: String, province: String, source: String, kecamatan: [Kecamatan]) {
        self.regency = regency
        self.province = province
        self.source = source
        self.kecamatan = kecamatan
    }

    /// Reads the `Bots/wilayah` JSON format.
    ///
    /// Throws `GazetteerError` naming the JSON path of the first problem: invalid JSON, a missing
    /// or mistyped key, an empty name or list, a postcode that is not a 5-digit number, or two
    /// kecamatan (or two desa of one kecamatan) whose names differ only in case, spaces or
    /// punctuation (the resolver could not tell them apart).
    public init(jsonData: Data) throws {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: jsonData, options: [])
        } catch {
            throw GazetteerError(path: "", message: "not valid JSON (\(error.localizedDescription))")
        }
        guard let object = root as? [String: Any] else {
            throw GazetteerError(path: "", message: "expected a JSON object at the top level")
        }
        let regency = try Self.requiredString(object, "kabupaten_kota", at: "")
        let province = try Self.optionalString(object, "provinsi", at: "") ?? ""
        let source = try Self.optionalString(object, "source", at: "") ?? ""
        guard let list = object["kecamatan"] else {
            throw GazetteerError(path: "kecamatan", message: "missing (expected a list of kecamatan)")
        }
        guard let kecamatanList = list as? [Any], !kecamatanList.isEmpty else {
            throw GazetteerError(path: "kecamatan", message: "expected a non-empty list of kecamatan")
        }
        var kecamatan: [Kecamatan] = []
        var seenKecamatan: [String: String] = [:]
        for (index, element) in kecamatanList.enumerated() {
            let path = "kecamatan[\(index)]"
            let parsed = try Self.parseKecamatan(element, at: path)
            let key = TextMatching.compact(parsed.name)
            if let earlier = seenKecamatan[key] {
                throw GazetteerError(
                    path: "\(path).nama",
                    message: "\"\(parsed.name)\" is the same name as the earlier kecamatan \"\(earlier)\"")
            }
            seenKecamatan[key] = parsed.name
            kecamatan.append(parsed)
        }
        self.init(regency: regency, province: province, source: source, kecamatan: kecamatan)
    }

    /// Reads a gazetteer file (see `init(jsonData:)`); the error names the file.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw GazetteerError(path: "", message: "cannot read \(url.path): \(error.localizedDescription)")
        }
        do {
            try self.init(jsonData: data)
        } catch let error as GazetteerError {
            throw GazetteerError(path: error.path, message: "\(error.message) (in \(url.lastPathComponent))")
        }
    }

    /// The number of desa and kelurahan in all kecamatan.
    public var desaCount: Int { kecamatan.reduce(0) { $0 + $1.desa.count } }

    /// Whether this is a kota (city), whose units are all kelurahan rather than desa.
    public var isKota: Bool { regency.lowercased().hasPrefix("kota ") }

    /// The kecamatan with this name, ignoring case, spaces and punctuation.
    public func kecamatan(named name: String) -> Kecamatan? {
        let key = TextMatching.compact(name)
        return kecamatan.first { TextMatching.compact($0.name) == key }
    }

    /// Like `Place.displayName`, but says "Kelurahan" instead of "Desa" in a kota:
    /// "Kelurahan Margahayu, Kecamatan Bekasi Timur".
    public func displayName(of place: Place) -> String {
        guard let desa = place.desa else { return place.displayName }
        return "\(isKota ? "Kelurahan" : "Desa") \(desa), Kecamatan \(place.kecamatan)"
    }

    private static func parseKecamatan(_ element: Any, at path: String) throws -> Kecamatan {
        guard let object = element as? [String: Any] else {
            throw GazetteerError(path: path, message: "expected an object with \"nama\" and \"desa_kelurahan\"")
        }
        let name = try requiredString(object, "nama", at: path)
        guard let list = object["desa_kelurahan"] else {
            throw GazetteerError(path: "\(path).desa_kelurahan", message: "missing (expected a list of desa)")
        }
        guard let desaList = list as? [Any], !desaList.isEmpty else {
            throw GazetteerError(path: "\(path).desa_kelurahan", message: "expected a non-empty list of desa")
        }
        var desa: [Desa] = []
        var seen: [String: String] = [:]
        for (index, element) in desaList.enumerated() {
            let desaPath = "\(path).desa_kelurahan[\(index)]"
            let parsed = try parseDesa(element, at: desaPath)
            let key = TextMatching.compact(parsed.name)
            if let earlier = seen[key] {
                throw GazetteerError(
                    path: "\(desaPath).nama",
                    message: "\"\(parsed.name)\" is the same name as the earlier desa \"\(earlier)\" of kecamatan \"\(name)\"")
            }
            seen[key] = parsed.name
            desa.append(parsed)
        }
        return Kecamatan(name: name, desa: desa)
    }

    private static func parseDesa(_ element: Any, at path: String) throws -> Desa {
        guard let object = element as? [String: Any] else {
            throw GazetteerError(path: path, message: "expected an object with \"nama\" and \"kode_pos\"")
        }
        let name = try requiredString(object, "nama", at: path)
        var postcode: Int?
        if let value = object["kode_pos"], !(value is NSNull) {
            guard !(value is String), !(value is Bool), let number = value as? Int, (10000...99999).contains(number)
            else {
                throw GazetteerError(path: "\(path).kode_pos", message: "expected a 5-digit number, e.g. 80652 (or null)")
            }
            postcode = number
        }
        return Desa(name: name, postcode: postcode)
    }

    private static func requiredString(_ object: [String: Any], _ key: String, at path: String) throws -> String {
        guard let value = try optionalString(object, key, at: path) else {
            throw GazetteerError(path: join(path, key), message: "missing (expected a non-empty string)")
        }
        return value
    }

    private static func optionalString(_ object: [String: Any], _ key: String, at path: String) throws -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String,
              !TextMatching.compact(text).isEmpty
        else {
            throw GazetteerError(path: join(path, key), message: "expected a non-empty string")
        }
        return text
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
