import AduanWilayah
import Foundation
import Testing

@Suite struct PlaceTests {
    @Test func displayName() {
        #expect(Place(kecamatan: "Kintamani", desa: "Abuan").displayName == "Desa Abuan, Kecamatan Kintamani")
        #expect(Place(kecamatan: "Kintamani").displayName == "Kecamatan Kintamani")
    }

    @Test func codableRoundTrip() throws {
        for place in [Place(kecamatan: "Susut", desa: "Abuan"), Place(kecamatan: "Susut", desa: nil)] {
            let data = try JSONEncoder().encode(place)
            #expect(try JSONDecoder().decode(Place.self, from: data) == place)
        }
        let decoded = try JSONDecoder().decode(Place.self, from: Data(#"{"kecamatan": "Susut", "desa": "Tiga"}"#.utf8))
        #expect(decoded == Place(kecamatan: "Susut", desa: "Tiga"))
    }
}
