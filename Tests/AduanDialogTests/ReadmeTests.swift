import AduanDialog
import Foundation
import Testing

/// `Dialogs/README.md` stays true: its complete example is valid and runs, and it names every
/// state type, input type, standard message and command.
@Suite struct ReadmeTests {
    static let readme: String = {
        let path = DialogFixtures.root.appendingPathComponent("Dialogs/README.md").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    /// The JSON block after `<!-- minimal-example -->`.
    static var example: String? { block(after: "<!-- minimal-example -->") }

    /// The JSON block after `<!-- privacy-example -->`.
    static var privacyExample: String? { block(after: "<!-- privacy-example -->") }

    static func block(after marker: String) -> String? {
        guard let marker = readme.range(of: marker),
              let open = readme.range(of: "```json\n", range: marker.upperBound..<readme.endIndex),
              let close = readme.range(of: "\n```", range: open.upperBound..<readme.endIndex)
        else { return nil }
        return String(readme[open.upperBound..<close.lowerBound])
    }

    @Test func theCompleteExampleIsValidAndFilesACase() throws {
        let json = try #require(Self.example)
        #expect(DialogFixtures.problems(json, file: "Dialogs/README.md") == [])
        let chat = Chat(dialog: try DialogFixtures.dialog(json))
        #expect(chat.send("halo") == "Di desa mana masalahnya? Contoh: \(DialogFixtures.catalog.exampleLocation)")
        chat.send(["abuan", "susut", "sampah", "Sampah menumpuk di dekat pasar sejak seminggu."])
        let filing = try #require(chat.filings.first)
        #expect(filing.category == "sampah" && filing.place.desa == "Abuan" && filing.place.kecamatan == "Susut")
        #expect(chat.reply.hasPrefix("Terima kasih. Nomor aduan Anda *\(filing.tracking.code)*, ditangani Dinas Lingkungan Hidup paling lambat Jumat, 9 Januari 2026 pukul 09.00 WITA."))
    }

    @Test func thePrivacyExampleIsValidAndFilesAnonymousAndConfidentialCases() throws {
        let json = try #require(Self.privacyExample)
        #expect(DialogFixtures.problems(json, file: "Dialogs/README.md") == [])
        let dialog = try DialogFixtures.dialog(json)
        let details = "Sampah menumpuk di dekat pasar sejak seminggu."

        let anonymous = Chat(dialog: dialog)
        anonymous.send(["halo", "batur selatan", "sampah", details])
        #expect(anonymous.reply.hasSuffix("1. Biasa\n2. Rahasia\n3. Anonim (tanpa nama)"))
        #expect(anonymous.send("tanpa nama").hasPrefix("Aduan Anda: Sampah dan pencemaran di Desa Batur Selatan, Kecamatan Kintamani.\nIdentitas: Anonim (tanpa nama)\nKontak: tidak disimpan"))
        #expect(anonymous.send("ya").contains("(Anonim (tanpa nama))"))
        let a = try #require(anonymous.filings.first)
        #expect(a.anonymous && a.confidential && a.contact == nil)

        let confidential = Chat(dialog: dialog)
        confidential.send(["halo", "batur selatan", "sampah", details, "rahasiakan"])
        #expect(confidential.send("0812 3456 7890").contains("Identitas: Rahasia\nKontak: +6281234567890"))
        confidential.send("ya")
        let c = try #require(confidential.filings.first)
        #expect(c.confidential && !c.anonymous && c.contact == "+6281234567890")
    }

    @Test func everyNameIsDocumented() {
        for key in SystemMessages.Key.allCases {
            #expect(Self.readme.contains("`\(key.rawValue)`"), "README lacks message \(key.rawValue)")
        }
        for name in DialogState.typeNames + QuestionInput.typeNames + CommandWords.names {
            #expect(Self.readme.contains("`\(name)`"), "README lacks \(name)")
        }
        for word in CommandWords.standard.cancel + CommandWords.standard.back + CommandWords.standard.restart
            + CommandWords.standard.help + CommandWords.standard.status + CommandWords.standard.language {
            #expect(Self.readme.contains(word), "README lacks the command word \(word)")
        }
        for value in Catalog.builtinValues + ActionStep.fileCaseOutputs {
            #expect(Self.readme.contains("{{\(value)}}"), "README lacks {{\(value)}}")
        }
        for name in FileCaseFields.fieldNames + CasePrivacy.optionValues {
            #expect(Self.readme.contains("`\(name)`"), "README lacks \(name)")
        }
        #expect(Self.readme.contains(#"Dialogs/pengaduan.json:12:17: error: state "lokasi": states[3].next: unknown state "lokas" (did you mean "lokasi"?)"#))
    }
}
