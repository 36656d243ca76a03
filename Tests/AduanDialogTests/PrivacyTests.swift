import AduanCore
import AduanDialog
import AduanWilayah
import Foundation
import Testing

/// Anonymous (*anonim*) and confidential (*rahasia*) filing: the question in
/// `Dialogs/pengaduan.json`, what is filed, and what the validator says about `"privacy"`.
@Suite struct PrivacyTests {
    static let details = "Jalan berlubang besar di depan SD 2, sudah dua minggu, motor sering jatuh."

    /// A chat waiting at the privacy question, after location, category `category` and details.
    static func atPrivacy(category: String = "1") -> Chat {
        let chat = Chat()
        chat.send(["halo", "batur selatan", category, Self.details])
        #expect(chat.current == "identitas")
        return chat
    }

    static func privacy(_ chat: Chat) -> String? {
        if case .choice(let v)? = chat.state.values["identitas"] { return v }
        return nil
    }

    // MARK: - The question

    @Test func theQuestionExplainsTheThreeChoicesInPlainWords() {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "1"])
        let question = chat.send(Self.details)
        for part in ["Bolehkah petugas tahu siapa Anda?", "*Biasa*", "*Rahasia*", "tidak dibuka untuk umum", "*Anonim*",
                     "petugas tidak bisa menghubungi Anda", "selalu dirahasiakan",
                     "1. Biasa\n2. Rahasia\n3. Anonim (tanpa nama)"] {
            #expect(question.contains(part), "the question lacks \(part)")
        }
    }

    @Test(arguments: [
        ("1", "biasa"), ("biasa", "biasa"), ("Biasa saja", "biasa"), ("boleh", "biasa"), ("ya boleh", "biasa"),
        ("tidak apa-apa", "biasa"), ("gak apa apa", "biasa"), ("gpp", "biasa"), ("iya", "biasa"),
        ("2", "rahasia"), ("rahasia", "rahasia"), ("Rahasiakan", "rahasia"), ("tolong dirahasiakan", "rahasia"),
        ("ya rahasiakan", "rahasia"), ("rahsia", "rahasia"),
        ("3", "anonim"), ("anonim", "anonim"), ("anonim saja", "anonim"), ("tanpa nama", "anonim"),
        ("sembunyikan", "anonim"), ("sembunyikan nama saya", "anonim"), ("tidak boleh", "anonim"),
        ("jangan", "anonim"), ("gak boleh", "anonim"), ("anonymous", "anonim"), ("anonm", "anonim"),
    ])
    func theChoiceByNumberWordOrSynonym(_ answer: String, _ expected: String) {
        let chat = Self.atPrivacy()
        chat.send(answer)
        #expect(Self.privacy(chat) == expected, "\(answer)")
        #expect(chat.current == (expected == "anonim" ? "konfirmasi" : "mau_kontak"), "\(answer)")
    }

    @Test(arguments: ["tidak", "4", "terserah", "hmm", "🙏"])
    func anUnclearAnswerIsAskedAgainWithTheNumbers(_ answer: String) {
        let chat = Self.atPrivacy()
        let reply = chat.send(answer)
        #expect(reply.hasPrefix("Maaf, saya belum mengerti. Balas *1* (biasa), *2* (rahasia), atau *3* (anonim).\n\n🔒 Bolehkah"),
                "\(answer)")
        #expect(chat.current == "identitas")
        #expect(Self.privacy(chat) == nil)
    }

    // MARK: - What is filed

    @Test func normalFilingKeepsTheContactAndIsNotConfidential() throws {
        let chat = Self.atPrivacy()
        chat.send(["1", "ya"])
        let summary = chat.send("0812 3456 7890")
        #expect(summary.contains("🔒 Identitas: Biasa\n📞 Kontak: +6281234567890"))
        let done = chat.send("ya")
        #expect(done.contains("Identitas: Biasa"))
        let filing = try #require(chat.filings.first)
        #expect(filing.contact == "+6281234567890")
        #expect(!filing.confidential)
        #expect(!filing.anonymous)
    }

    @Test func aSensitiveCategoryIsConfidentialWhateverTheChoice() throws {
        let chat = Self.atPrivacy(category: "3")  // kesehatan, sensitive
        chat.send(["biasa", "tidak", "ya"])
        let filing = try #require(chat.filings.first)
        #expect(filing.category == "kesehatan")
        #expect(filing.confidential)
        #expect(!filing.anonymous)
    }

    @Test func rahasiaIsConfidentialAndKeepsTheContact() throws {
        let chat = Self.atPrivacy()
        chat.send(["rahasia", "ya"])
        let summary = chat.send("0812 3456 7890")
        #expect(summary.contains("🔒 Identitas: Rahasia\n📞 Kontak: +6281234567890"))
        #expect(chat.send("ya").contains("Identitas: Rahasia"))
        let filing = try #require(chat.filings.first)
        #expect(filing.confidential)
        #expect(!filing.anonymous)
        #expect(filing.contact == "+6281234567890")
    }

    @Test func anonimSkipsTheContactQuestionAndFilesNoContact() throws {
        let chat = Self.atPrivacy()
        let summary = chat.send("anonim")
        #expect(chat.current == "konfirmasi", "the contact questions are skipped")
        #expect(chat.state.values["mau_dihubungi"] == nil)
        #expect(summary.contains("🔒 Identitas: Anonim (tanpa nama). Tidak ada petugas yang tahu siapa Anda."))
        #expect(summary.contains("📞 Kontak: tidak disimpan, jadi petugas tidak bisa menghubungi Anda."))
        #expect(chat.send("ya").contains("Identitas: Anonim (tanpa nama)"))
        let filing = try #require(chat.filings.first)
        #expect(filing.anonymous)
        #expect(filing.confidential, "anonymous cases are confidential too")
        #expect(filing.contact == nil)
    }

    @Test func choosingAnonimAfterGivingANumberDropsTheNumber() throws {
        let chat = Self.atPrivacy()
        chat.send(["biasa", "ya", "0812 3456 7890", "tidak"])
        #expect(chat.current == "ubah")
        chat.send("identitas")
        #expect(chat.current == "ubah_identitas")
        let summary = chat.send("3")
        #expect(chat.current == "konfirmasi")
        #expect(!summary.contains("+6281234567890"), "the number is not shown")
        #expect(summary.contains("📞 Kontak: tidak disimpan"))
        chat.send("ya")
        let filing = try #require(chat.filings.first)
        #expect(filing.anonymous)
        #expect(filing.contact == nil, "an anonymous case never carries a contact")
    }

    @Test func askingToChangeTheNumberWhenAnonymousExplainsAndOffersTheChoiceAgain() throws {
        let chat = Self.atPrivacy()
        chat.send(["3", "tidak"])
        let reply = chat.send("nomor hp")
        #expect(reply.hasPrefix("Anda memilih *anonim*, jadi nomor HP tidak disimpan."))
        #expect(chat.current == "ubah_identitas")
        let summary = chat.send("rahasia")
        #expect(summary.contains("🔒 Identitas: Rahasia\n📞 Kontak: tidak dicantumkan"))
        chat.send(["tidak", "nomor hp"])
        #expect(chat.current == "kontak", "no longer anonymous: the number can be given")
        chat.send(["0812 3456 7890", "ya"])
        let filing = try #require(chat.filings.first)
        #expect(filing.confidential && !filing.anonymous)
        #expect(filing.contact == "+6281234567890")
    }

    @Test func backFromTheAnonymousSummaryReturnsToTheChoice() {
        let chat = Self.atPrivacy()
        chat.send("anonim")
        let reply = chat.send("kembali")
        #expect(chat.current == "identitas")
        #expect(reply.hasPrefix("🔒 Bolehkah petugas tahu siapa Anda?"))
        #expect(Self.privacy(chat) == nil)
    }

    @Test func anonymousInEnglish() throws {
        let chat = Chat()
        chat.send(["hello", "english", "batur selatan", "1", "A big pothole in front of primary school 2 for two weeks."])
        #expect(chat.reply.contains("May the officers know who you are?"))
        #expect(chat.reply.hasSuffix("1. Normal\n2. Confidential\n3. Anonymous (no name)"))
        let summary = chat.send("anonymous")
        #expect(summary.contains("🔒 Identity: Anonymous (no name). No officer knows who you are."))
        #expect(summary.contains("📞 Contact: not kept, so the officer cannot contact you."))
        #expect(chat.send("yes").contains("Identity: Anonymous (no name)"))
        let filing = try #require(chat.filings.first)
        #expect(filing.anonymous && filing.confidential && filing.contact == nil && filing.language == "en")
    }

    // MARK: - The engine, with a dialog of the test's own

    /// A one-language dialog whose privacy question has the options `options` (JSON), asked after
    /// the phone number, so that an anonymous citizen has given one.
    static func dialog(privacyOptions options: String = Self.allOptions, privacyInput: String? = nil) -> String {
        """
        {
          "format": 1,
          "id": "rahasia",
          "languages": ["id"],
          "start": "lokasi",
          "states": [
            { "id": "lokasi", "type": "question", "text": { "id": "Di mana?" },
              "input": { "type": "location" }, "save": "lokasi", "next": "kategori" },
            { "id": "kategori", "type": "question", "text": { "id": "Jenis apa?" },
              "input": { "type": "choice", "options_from": "categories" }, "save": "kategori", "next": "uraian" },
            { "id": "uraian", "type": "question", "text": { "id": "Ceritakan." },
              "input": { "type": "text", "min_length": 10 }, "save": "uraian", "next": "kontak" },
            { "id": "kontak", "type": "question", "text": { "id": "Nomor HP?" },
              "input": { "type": "phone" }, "save": "kontak", "optional": true, "next": "identitas" },
            { "id": "identitas", "type": "question", "text": { "id": "Siapa yang boleh tahu?" },
              "input": \(privacyInput ?? #"{ "type": "choice", "options": \#(options) }"#),
              "save": "identitas", "next": "ajukan" },
            { "id": "ajukan", "type": "action", "action": "file_case",
              "case": { "category": "kategori", "location": "lokasi", "details": "uraian", "contact": "kontak",
                        "privacy": "identitas" },
              "next": "selesai" },
            { "id": "selesai", "type": "end", "text": { "id": "Nomor: {{tracking}}" } }
          ],
          "messages": \(DialogFixtures.messages(["id"]))
        }
        """
    }

    static let allOptions = """
        [
                { "value": "biasa", "text": { "id": "Biasa" } },
                { "value": "rahasia", "text": { "id": "Rahasia" } },
                { "value": "anonim", "text": { "id": "Anonim" } } ]
        """

    @Test(arguments: [("1", false, false), ("2", true, false), ("3", true, true)])
    func theEngineFilesThePrivacyChoice(_ answer: String, _ confidential: Bool, _ anonymous: Bool) throws {
        let json = Self.dialog()
        #expect(DialogFixtures.problems(json) == [])
        let chat = Chat(dialog: try DialogFixtures.dialog(json))
        chat.send(["halo", "batur selatan", "jalan", Self.details, "0812 3456 7890", answer])
        let filing = try #require(chat.filings.first)
        #expect(filing.confidential == confidential)
        #expect(filing.anonymous == anonymous)
        #expect(filing.contact == (anonymous ? nil : "+6281234567890"), "anonymous cases never carry the number")
    }

    @Test func aSkippedOrMissingPrivacyChoiceFilesNormally() throws {
        // An optional privacy question, skipped.
        let optional = Self.dialog().replacingOccurrences(of: #""save": "identitas", "next": "ajukan""#,
                                                          with: #""save": "identitas", "optional": true, "next": "ajukan""#)
        #expect(DialogFixtures.problems(optional) == [], "a privacy choice may be missing, like a contact")
        let chat = Chat(dialog: try DialogFixtures.dialog(optional))
        chat.send(["halo", "batur selatan", "jalan", Self.details, "0812 3456 7890", "lewati"])
        let filing = try #require(chat.filings.first)
        #expect(!filing.confidential && !filing.anonymous && filing.contact == "+6281234567890")
        // A sensitive category is confidential anyway.
        let health = Chat(dialog: try DialogFixtures.dialog(optional))
        health.send(["halo", "batur selatan", "kesehatan", "Puskesmas tutup sejak pagi tanpa pemberitahuan.", "lewati", "lewati"])
        let sensitive = try #require(health.filings.first)
        #expect(sensitive.confidential && !sensitive.anonymous)
    }

    // MARK: - Reading and checking "privacy"

    @Test func theCaseFieldIsReadAndNamed() throws {
        let json = #"{ "action": "file_case", "next": "x", "case": { "category": "k", "location": "l", "details": "u", "privacy": "identitas" } }"#
        let step = try JSONDecoder().decode(ActionStep.self, from: Data(json.utf8))
        guard case .fileCase(let fields) = step.action else {
            Issue.record("not file_case")
            return
        }
        #expect(fields.privacy == "identitas")
        #expect(fields.contact == nil)
        #expect(fields.named.map(\.field) == ["category", "location", "details", "privacy"])
        #expect(fields.named.last?.value == "identitas")
        // And written back.
        let again = try JSONDecoder().decode(ActionStep.self, from: JSONEncoder().encode(step))
        #expect(again == step)
        // Without it, nothing changes.
        let plain = try JSONDecoder().decode(FileCaseFields.self, from: Data(#"{ "category": "k", "location": "l", "details": "u" }"#.utf8))
        #expect(plain.privacy == nil)
        #expect(FileCaseFields(category: "k", location: "l", details: "u", contact: nil) == plain)
        #expect(CasePrivacy.optionValues == ["biasa", "rahasia", "anonim"])
    }

    @Test func someOfTheThreeOptionsAreEnough() {
        let two = """
            [
                    { "value": "rahasia", "text": { "id": "Rahasia" } },
                    { "value": "anonim", "text": { "id": "Anonim" } } ]
            """
        #expect(DialogFixtures.problems(Self.dialog(privacyOptions: two)) == [])
    }

    @Test func anOptionOutsideTheThreeIsReportedWithTheAllowedValues() {
        let wrong = """
            [
                    { "value": "biasa", "text": { "id": "Biasa" } },
                    { "value": "anonym", "text": { "id": "Anonim" } } ]
            """
        #expect(DialogFixtures.problems(Self.dialog(privacyOptions: wrong)) == [
            #"Dialogs/broken.json:22:28: error: state "ajukan": states[5].case.privacy: "privacy" names "identitas", saved by "identitas", whose option "anonym" is not allowed; a privacy question's options may only be "biasa", "rahasia", "anonim" (normal, confidential, anonymous) (did you mean "anonim"?)"#,
        ])
        let several = """
            [
                    { "value": "ya", "text": { "id": "Ya" } },
                    { "value": "tidak", "text": { "id": "Tidak" } } ]
            """
        #expect(DialogFixtures.problems(Self.dialog(privacyOptions: several)).contains {
            $0.contains(#"states[5].case.privacy: "privacy" names "identitas", saved by "identitas", whose options "ya", "tidak" are not allowed; a privacy question's options may only be "biasa", "rahasia", "anonim""#)
        })
    }

    @Test func privacyFromAnotherKindOfQuestionIsReported() {
        #expect(DialogFixtures.problems(Self.dialog(privacyInput: #"{ "type": "yes_no" }"#)) == [
            #"Dialogs/broken.json:20:28: error: state "ajukan": states[5].case.privacy: "privacy" must come from a choice with the options "biasa", "rahasia", "anonim", but "identitas" is saved by "identitas", a yes_no question"#,
        ])
        #expect(DialogFixtures.problems(Self.dialog(privacyInput: #"{ "type": "choice", "options_from": "categories" }"#)).contains {
            $0.contains(#"states[5].case.privacy: "privacy" must come from a choice with the options "biasa", "rahasia", "anonim", but "identitas" is saved by "identitas", a choice question"#)
        })
    }

    @Test func aMisspeltPrivacyFieldOrValueName() {
        let misspeltField = Self.dialog().replacingOccurrences(of: #""privacy": "identitas""#, with: #""privasi": "identitas""#)
        #expect(DialogFixtures.problems(misspeltField) == [
            #"Dialogs/broken.json:23:17: error: state "ajukan": states[5].case.privasi: unknown field "privasi" in the case fields (did you mean "privacy"?)"#,
        ])
        let misspeltValue = Self.dialog().replacingOccurrences(of: #""privacy": "identitas""#, with: #""privacy": "identitsa""#)
        #expect(DialogFixtures.problems(misspeltValue) == [
            #"Dialogs/broken.json:23:28: error: state "ajukan": states[5].case.privacy: no question saves a value named "identitsa" (did you mean "identitas"?)"#,
        ])
    }

    @Test func theRealDialogNamesItsPrivacyQuestion() throws {
        let dialog = DialogFixtures.pengaduan.dialog
        let action = try #require(dialog.states.compactMap { state -> FileCaseFields? in
            if case .action(let a) = state.kind, case .fileCase(let f) = a.action { return f } else { return nil }
        }.first)
        #expect(action.privacy == "identitas")
        for id in ["identitas", "ubah_identitas"] {
            guard case .question(let q)? = dialog.state(id)?.kind, case .choice(.options(let options)) = q.input else {
                Issue.record("\(id) is not a choice with options")
                continue
            }
            #expect(options.map(\.value) == CasePrivacy.optionValues, "\(id)")
            #expect(q.save == "identitas")
        }
    }
}
