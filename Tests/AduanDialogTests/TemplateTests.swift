import AduanDialog
import AduanWilayah
import Testing

/// `{{value}}` placeholders: what they show for each kind of answer.
@Suite struct TemplateTests {
    static let dialog = """
        {
          "format": 1, "id": "templat", "languages": ["id", "en"], "start": "warna",
          "states": [
            { "id": "warna", "type": "question", "text": { "id": "Warna?", "en": "Colour?" },
              "input": { "type": "choice", "options": [
                { "value": "merah", "text": { "id": "Merah tua", "en": "Dark red" } },
                { "value": "biru", "text": { "id": "Biru laut", "en": "Sea blue" }, "synonyms": ["biru"] } ] },
              "save": "warna", "next": "tempat" },
            { "id": "tempat", "type": "question", "text": { "id": "Di mana?", "en": "Where?" },
              "input": { "type": "location", "level": "kecamatan" }, "save": "tempat", "next": "jumlah" },
            { "id": "jumlah", "type": "question", "text": { "id": "Berapa?", "en": "How many?" },
              "input": { "type": "number", "min": 1, "max": 100, "integer": true }, "save": "jumlah", "next": "hp" },
            { "id": "hp", "type": "question", "text": { "id": "HP?", "en": "Phone?" },
              "input": { "type": "phone" }, "save": "hp", "optional": true, "next": "setuju" },
            { "id": "setuju", "type": "question", "text": { "id": "Setuju?", "en": "Agree?" },
              "input": { "type": "yes_no" }, "save": "setuju", "next": "ringkas" },
            { "id": "ringkas", "type": "message",
              "text": { "id": "{{warna}} | {{tempat}} | {{jumlah}} | {{ hp | tidak ada }} | {{setuju}} | {{bot}} | {{regency}} | {{example_location}}",
                        "en": "{{warna}} | {{tempat}} | {{jumlah}} | {{hp|none}} | {{setuju}} | {{bot}} | {{regency}}" },
              "next": "selesai" },
            { "id": "selesai", "type": "end" }
          ],
          "messages": \(DialogFixtures.messages())
        }
        """

    @Test func valuesShowAsTheCitizenKnowsThem() throws {
        #expect(DialogFixtures.problems(Self.dialog) == [])
        let chat = Chat(dialog: try DialogFixtures.dialog(Self.dialog))
        chat.send(["mulai", "biru", "kintamani", "12", "lewati"])
        #expect(chat.send("ya") == "Biru laut | Kecamatan Kintamani | 12 | tidak ada | ya | 24 Jam Bangli Era Baru | Kabupaten Bangli | "
            + DialogFixtures.catalog.exampleLocation)

        let english = Chat(dialog: try DialogFixtures.dialog(Self.dialog))
        english.send(["start", "bahasa en", "1", "desa abuan kec susut", "7", "0812 3456 7890"])
        #expect(english.send("no") == "Dark red | Desa Abuan, Kecamatan Susut | 7 | +6281234567890 | no | Bangli 24 Hours | Kabupaten Bangli")
    }

    @Test func numbersAreChecked() throws {
        let chat = Chat(dialog: try DialogFixtures.dialog(Self.dialog))
        chat.send(["mulai", "biru", "kintamani"])
        for wrong in ["0", "101", "2,5", "banyak"] {
            #expect(chat.send(wrong).hasPrefix("retry_number id"), "\(wrong)")
            #expect(chat.current == "jumlah")
        }
        chat.send("1.0")
        #expect(chat.state.values["jumlah"] == .number(1))
    }

    @Test func placeholdersAndFallbacks() {
        let found = Template.placeholders(in: "Halo {{ nama }}, kontak {{kontak|tidak dicantumkan}} {{x|}}")
        #expect(found.map(\.name) == ["nama", "kontak", "x"])
        #expect(found.map(\.fallback) == [nil, "tidak dicantumkan", ""])
        let values = ["nama": "Wayan"]
        #expect(Template.render("Halo {{ nama }}, kontak {{kontak|tidak dicantumkan}}.", { values[$0] })
            == "Halo Wayan, kontak tidak dicantumkan.")
        #expect(Template.render("{{hilang}}!", { values[$0] }) == "!")
        #expect(Template.render("tanpa kurung {{nama", { values[$0] }) == "tanpa kurung {{nama")
        #expect(Template.render("{ {nama} } {{nama}}{{nama}}", { values[$0] }) == "{ {nama} } WayanWayan")
    }
}
