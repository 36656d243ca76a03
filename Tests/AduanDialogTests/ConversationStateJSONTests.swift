import AduanDialog
import AduanWilayah
import Foundation
import Testing

/// The runtime stores `ConversationState.json()` and reads it back with `JSONDecoder`: the two
/// must agree on every kind of state, or a restart would lose a conversation.
@Suite("ConversationState JSON")
struct ConversationStateJSONTests {
    static let states: [ConversationState] = [
        .idle,
        ConversationState(language: "en", current: "lokasi", values: [:], trail: [], pending: .desaIn("Kintamani")),
        ConversationState(
            language: nil, current: "konfirmasi",
            values: [
                "lokasi": .place(Place(kecamatan: "Susut", desa: "Abuan")),
                "kec": .place(Place(kecamatan: "Tembuku", desa: nil)),
                "kategori": .choice("jalan"),
                "uraian": .text("Jalan \"berlubang\"\\ di depan SD\n\tsejak 2 minggu 🚧 é\u{1}\u{1F}"),
                "mau": .bool(true), "tidak": .bool(false),
                "kontak": .phone("+6281234567890"),
                "jumlah": .number(3), "pecahan": .number(-2.5), "besar": .number(1e20),
            ],
            trail: [
                .init(state: "lokasi", key: "lokasi", previous: nil),
                .init(state: "kategori", key: "kategori", previous: .choice("sampah")),
                .init(state: "info", key: nil, previous: nil),
            ],
            pending: .choose([Place(kecamatan: "Kintamani", desa: "Abuan"), Place(kecamatan: "Susut", desa: nil)])),
    ]

    @Test("json() decodes back to the same state", arguments: ConversationStateJSONTests.states)
    func roundTrip(_ state: ConversationState) throws {
        let decoded = try JSONDecoder().decode(ConversationState.self, from: Data(state.json().utf8))
        #expect(decoded == state)
        #expect(try JSONSerialization.jsonObject(with: Data(state.json().utf8)) is [String: Any])
    }
}
