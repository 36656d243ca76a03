import AduanWilayah
import Foundation
import Testing

@Suite struct GazetteerLoadingTests {

    @Test(arguments: [
        ("bangli", "Kabupaten Bangli", "Bali", 4, 72),
        ("kabupaten-bekasi", "Kabupaten Bekasi", "Jawa Barat", 23, 187),
        ("kota-bekasi", "Kota Bekasi", "Jawa Barat", 12, 56),
        ("bojonegoro", "Kabupaten Bojonegoro", "Jawa Timur", 28, 429),
    ])
    func loadsTheRealFiles(_ file: String, _ regency: String, _ province: String, _ kecamatan: Int, _ desa: Int) throws {
        let gazetteer = try WilayahFixtures.load(file)
        #expect(gazetteer.regency == regency)
        #expect(gazetteer.province == province)
        #expect(gazetteer.source.contains("areaid 1.1.2"))
        #expect(gazetteer.kecamatan.count == kecamatan)
        #expect(gazetteer.desaCount == desa)
        #expect(gazetteer.kecamatan.allSatisfy { !$0.desa.isEmpty })
        #expect(gazetteer.kecamatan.allSatisfy { $0.desa.allSatisfy { ($0.postcode ?? 0) >= 10000 } })
    }

    @Test func keepsNamesAndPostcodesAsInTheFile() throws {
        let bangli = WilayahFixtures.bangli
        #expect(bangli.kecamatan.map(\.name) == ["Bangli", "Kintamani", "Susut", "Tembuku"])
        let kintamani = try #require(bangli.kecamatan(named: "KINTAMANI"))
        #expect(kintamani.desa.first { $0.name == "Batur Selatan" }?.postcode == 80652)
        #expect(bangli.kecamatan(named: "atlantis") == nil)
        let tambunUtara = try #require(WilayahFixtures.kabupatenBekasi.kecamatan(named: "Tambun Utara"))
        #expect(tambunUtara.desa.contains(Desa(name: "Jalenjaya (Jejalenjaya)", postcode: 17510)))
    }

    @Test func memberwiseInitAndKotaNaming() {
        let gazetteer = Gazetteer(
            regency: "Kota Contoh", province: "Jawa Barat", source: "test",
            kecamatan: [Kecamatan(name: "Timur", desa: [Desa(name: "Margahayu", postcode: 17113)])])
        #expect(gazetteer.isKota)
        #expect(gazetteer.desaCount == 1)
        #expect(gazetteer.displayName(of: Place(kecamatan: "Timur", desa: "Margahayu")) == "Kelurahan Margahayu, Kecamatan Timur")
        #expect(gazetteer.displayName(of: Place(kecamatan: "Timur")) == "Kecamatan Timur")
        #expect(!WilayahFixtures.bangli.isKota)
        #expect(WilayahFixtures.bangli.displayName(of: Place(kecamatan: "Susut", desa: "Abuan")) == "Desa Abuan, Kecamatan Susut")
    }

    static func error(_ json: String) -> GazetteerError? {
        do {
            _ = try Gazetteer(jsonData: Data(json.utf8))
            return nil
        } catch let error as GazetteerError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    static let head = #""kabupaten_kota": "Kabupaten X", "provinsi": "P", "source": "s""#

    @Test(arguments: [
        (#"{"kabupaten_kota": "#, "", "not valid JSON"),
        (#"[1, 2]"#, "", "JSON object"),
        (#"{"provinsi": "P", "kecamatan": []}"#, "kabupaten_kota", "missing"),
        (#"{"kabupaten_kota": 7, "kecamatan": []}"#, "kabupaten_kota", "non-empty string"),
        (#"{"kabupaten_kota": "Kabupaten X"}"#, "kecamatan", "missing"),
        (#"{"kabupaten_kota": "Kabupaten X", "kecamatan": []}"#, "kecamatan", "non-empty list"),
        (#"{"kabupaten_kota": "Kabupaten X", "kecamatan": ["A"]}"#, "kecamatan[0]", "expected an object"),
        (#"{"kabupaten_kota": "K", "kecamatan": [{"nama": "A"}]}"#, "kecamatan[0].desa_kelurahan", "missing"),
        (#"{"kabupaten_kota": "K", "kecamatan": [{"nama": "A", "desa_kelurahan": [{"kode_pos": 12345}]}]}"#,
         "kecamatan[0].desa_kelurahan[0].nama", "missing"),
        (#"{"kabupaten_kota": "K", "kecamatan": [{"nama": "A", "desa_kelurahan": [{"nama": " - "}]}]}"#,
         "kecamatan[0].desa_kelurahan[0].nama", "non-empty string"),
        (#"{"kabupaten_kota": "K", "kecamatan": [{"nama": "A", "desa_kelurahan": [{"nama": "B", "kode_pos": "12345"}]}]}"#,
         "kecamatan[0].desa_kelurahan[0].kode_pos", "5-digit"),
        (#"{"kabupaten_kota": "K", "kecamatan": [{"nama": "A", "desa_kelurahan": [{"nama": "B", "kode_pos": 123}]}]}"#,
         "kecamatan[0].desa_kelurahan[0].kode_pos", "5-digit"),
        (#"{"kabupaten_kota": "K", "kecamatan": [{"nama": "A", "desa_kelurahan": [{"nama": "Sumber Agung"}, {"nama": "sumberagung"}]}]}"#,
         "kecamatan[0].desa_kelurahan[1].nama", "same name"),
        (#"{"kabupaten_kota": "K", "kecamatan": [{"nama": "Kepoh Baru", "desa_kelurahan": [{"nama": "B"}]}, {"nama": "KepohBaru", "desa_kelurahan": [{"nama": "B"}]}]}"#,
         "kecamatan[1].nama", "same name"),
    ])
    func wrongShapeIsAClearError(_ json: String, _ path: String, _ message: String) throws {
        let error = try #require(Self.error(json))
        #expect(error.path == path)
        #expect(error.message.contains(message))
        #expect(error.description.hasPrefix(path))
    }

    @Test func optionalFieldsMayBeAbsentOrNull() throws {
        let json = #"{"kabupaten_kota": "Kabupaten X", "kecamatan": [{"nama": "A", "desa_kelurahan": [{"nama": "B", "kode_pos": null}, {"nama": "C"}]}]}"#
        let gazetteer = try Gazetteer(jsonData: Data(json.utf8))
        #expect(gazetteer.province == "")
        #expect(gazetteer.source == "")
        #expect(gazetteer.kecamatan[0].desa == [Desa(name: "B"), Desa(name: "C")])
    }

    @Test func aMissingFileNamesThePath() {
        let url = WilayahFixtures.directory.appendingPathComponent("does-not-exist.json")
        let error = #expect(throws: GazetteerError.self) { try Gazetteer(contentsOf: url) }
        #expect(error?.message.contains("does-not-exist.json") == true)
    }
}
