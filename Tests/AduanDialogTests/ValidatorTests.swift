import AduanCore
import AduanDialog
import Foundation
import Testing

/// What an admin sees for a broken dialog: file, line, column, the state, and a suggestion.
@Suite struct ValidatorTests {
    /// A small valid dialog. Its lines are numbered in the tests below, so keep its layout.
    static let base = """
        {
          "format": 1,
          "id": "mini",
          "languages": ["id", "en"],
          "start": "lokasi",
          "states": [
            { "id": "lokasi", "type": "question",
              "text": { "id": "Di mana?", "en": "Where?" },
              "input": { "type": "location" }, "save": "lokasi", "next": "kategori" },
            { "id": "kategori", "type": "question",
              "text": { "id": "Jenis apa?", "en": "What kind?" },
              "input": { "type": "choice", "options_from": "categories" }, "save": "kategori", "next": "uraian" },
            { "id": "uraian", "type": "question",
              "text": { "id": "Ceritakan.", "en": "Describe it." },
              "input": { "type": "text", "min_length": 10 }, "save": "uraian", "next": "ajukan" },
            { "id": "ajukan", "type": "action", "action": "file_case",
              "case": { "category": "kategori", "location": "lokasi", "details": "uraian" }, "next": "selesai" },
            { "id": "selesai", "type": "end",
              "text": { "id": "Nomor: {{tracking}}", "en": "Number: {{tracking}}" } }
          ],
          "messages": \(DialogFixtures.messages())
        }
        """

    /// The base dialog with `old` replaced by `new` (which must occur exactly once).
    static func broken(_ old: String, _ new: String) -> String {
        precondition(base.components(separatedBy: old).count == 2, "\(old) must occur once in the base dialog")
        return base.replacingOccurrences(of: old, with: new)
    }

    static func problems(_ old: String, _ new: String) -> [String] {
        DialogFixtures.problems(broken(old, new))
    }

    @Test func theRealDialogIsValid() throws {
        let file = DialogFixtures.pengaduan
        #expect(file.dialog.id == "pengaduan")
        #expect(file.dialog.languages == ["id", "en"])
        let data = try Data(contentsOf: URL(fileURLWithPath: DialogFixtures.pengaduanPath))
        let map = try JSONFile.parse(data, file: "Dialogs/pengaduan.json")
        #expect(DialogValidator(catalog: DialogFixtures.catalog).validate(file.dialog, file: "Dialogs/pengaduan.json", map: map) == [])
        #expect(DialogValidator().validate(file.dialog, file: "Dialogs/pengaduan.json", map: map) == [])
        // It defines every standard message in both languages.
        for key in SystemMessages.Key.allCases {
            #expect(file.dialog.messages[key].translations.keys.sorted() == ["en", "id"], "\(key.rawValue)")
        }
    }

    @Test func theBaseIsValid() {
        #expect(DialogFixtures.problems(Self.base) == [])
    }

    @Test func anUnknownNextSaysWhereAndSuggests() {
        let problems = Self.problems(#""save": "lokasi", "next": "kategori""#, #""save": "lokasi", "next": "kategory""#)
        #expect(problems.first == #"Dialogs/broken.json:9:66: error: state "lokasi": states[0].next: unknown state "kategory" (did you mean "kategori"?)"#)
    }

    @Test func anUnreachableState() {
        let problems = Self.problems("""
                { "id": "selesai", "type": "end",
            """, """
                { "id": "lupa", "type": "end", "text": { "id": "Tidak pernah.", "en": "Never." } },
                { "id": "selesai", "type": "end",
            """)
        #expect(problems == [#"Dialogs/broken.json:18:13: error: state "lupa": states[4].id: unreachable: no state leads here from the start "lokasi""#])
    }

    @Test func noPathToAnEnd() {
        let problems = Self.problems(#""save": "kategori", "next": "uraian""#, #""save": "kategori", "next": "cek" },"#
            + """

                { "id": "cek", "type": "branch",
                  "rules": [ { "when": "kategori", "equals": "sampah", "next": "putar" } ], "otherwise": "uraian" },
                { "id": "putar", "type": "message", "text": { "id": "Lagi.", "en": "Again." }, "next": "cek2" },
                { "id": "cek2", "type": "branch", "rules": [], "otherwise": "putar"
            """)
        #expect(problems == [
            #"Dialogs/broken.json:15:13: error: state "putar": states[3].id: no way to an end from here: every path loops without reaching an "end" state"#,
            #"Dialogs/broken.json:16:13: error: state "cek2": states[4].id: no way to an end from here: every path loops without reaching an "end" state"#,
        ])
    }

    @Test func aValueNotCollectedYet() {
        let problems = Self.problems(#""text": { "id": "Jenis apa?", "en": "What kind?" }"#,
                                     #""text": { "id": "Jenis apa di {{lokasi}}? {{uraian}}", "en": "What kind at {{lokasi}}? {{uraian}}" }"#)
        #expect(problems == [
            #"Dialogs/broken.json:11:68: error: state "kategori": states[1].text.en: {{uraian}} may not be collected yet when this is said (some path here skips it); move the text after the question, or give a fallback: {{uraian|…}}"#,
            #"Dialogs/broken.json:11:23: error: state "kategori": states[1].text.id: {{uraian}} may not be collected yet when this is said (some path here skips it); move the text after the question, or give a fallback: {{uraian|…}}"#,
        ])
        // With a fallback it is fine.
        #expect(Self.problems(#""text": { "id": "Jenis apa?", "en": "What kind?" }"#,
                              #""text": { "id": "Jenis apa? {{uraian|}}", "en": "What kind? {{uraian|-}}" }"#) == [])
        // A name nobody saves is reported even with a fallback.
        #expect(Self.problems(#""text": { "id": "Jenis apa?", "en": "What kind?" }"#,
                              #""text": { "id": "Jenis apa di {{lokas|sini}}?", "en": "What kind?" }"#) == [
            #"Dialogs/broken.json:11:23: error: state "kategori": states[1].text.id: {{lokas}} is not a value any question saves (did you mean "lokasi"?)"#,
        ])
    }

    @Test func aMissingEnglishText() {
        #expect(Self.problems(#""text": { "id": "Ceritakan.", "en": "Describe it." }"#, #""text": { "id": "Ceritakan." }"#) == [
            #"Dialogs/broken.json:14:15: error: state "uraian": states[2].text: the text in "en" is missing"#,
        ])
        #expect(Self.problems(#""text": { "id": "Ceritakan.", "en": "Describe it." }"#, #""text": { "id": "Ceritakan.", "eng": "Describe it." }"#) == [
            #"Dialogs/broken.json:14:15: error: state "uraian": states[2].text: the text in "en" is missing"#,
            #"Dialogs/broken.json:14:37: error: state "uraian": states[2].text.eng: text in "eng", which is not in "languages" (did you mean "en"?)"#,
        ])
        // A plain string is Indonesian only.
        #expect(Self.problems(#""text": { "id": "Ceritakan.", "en": "Describe it." }"#, #""text": "Ceritakan.""#) == [
            #"Dialogs/broken.json:14:15: error: state "uraian": states[2].text: the text in "en" is missing"#,
        ])
    }

    @Test func aChoiceOptionWithoutATarget() {
        let problems = Self.problems(#""input": { "type": "location" }, "save": "lokasi", "next": "kategori" },"#, """
            "input": { "type": "location" }, "save": "lokasi", "next": "tanya" },
                { "id": "tanya", "type": "question", "text": { "id": "Lanjut?", "en": "Go on?" },
                  "input": { "type": "choice", "options": [
                    { "value": "lanjut", "text": { "id": "Lanjut", "en": "Go on" }, "next": "kategori" },
                    { "value": "diam", "text": { "id": "Diam", "en": "Stay" } } ] } },
            """)
        #expect(problems == [
            #"Dialogs/broken.json:13:9: error: state "tanya": states[1].input.options[1]: option "diam" has no target: give it a "next", or give the question one"#,
        ])
    }

    @Test func anUnknownFieldIsProbablyAMisspelling() {
        let problems = Self.problems(#""save": "uraian", "next": "ajukan""#, #""save": "uraian", "nxt": "ajukan""#)
        #expect(problems.contains(#"Dialogs/broken.json:15:72: error: state "uraian": states[2].nxt: unknown field "nxt" in a question state (did you mean "next"?)"#))
        #expect(problems.contains(#"Dialogs/broken.json:13:5: error: state "uraian": states[2]: missing required field "next""#))
    }

    @Test func aSyntaxErrorHasItsExactLineAndColumn() {
        // The comma after "format": 1 is missing; the parser stops at the next key, line 3 column 3.
        let problems = Self.problems(#""format": 1,"#, #""format": 1"#)
        #expect(problems == [#"Dialogs/broken.json:3:3: error: expected ',' or '}' after the value of "format" (is a comma missing?)"#])
        // A trailing comma.
        #expect(Self.problems(#""next": "selesai" },"#, #""next": "selesai", },"#)
            == [#"Dialogs/broken.json:17:103: error: trailing comma before '}' (remove the last ',')"#])
    }

    @Test func aDuplicateStateID() {
        let problems = Self.problems(#"{ "id": "ajukan", "type": "action""#, #"{ "id": "uraian", "type": "action""#)
        #expect(problems.first == #"Dialogs/broken.json:16:13: error: state "uraian": states[3].id: state id "uraian" is used twice (first at states[2])"#)
    }

    @Test func aYesNoAnswerIsComparedWithTrueOrFalse() {
        let problems = Self.problems(#""save": "uraian", "next": "ajukan""#, #""save": "uraian", "next": "setuju" },"#
            + """

                { "id": "setuju", "type": "question", "text": { "id": "Kirim?", "en": "Send?" },
                  "input": { "type": "yes_no" }, "save": "setuju", "next": "cek" },
                { "id": "cek", "type": "branch",
                  "rules": [ { "when": "setuju", "equals": "ya", "next": "ajukan" } ], "otherwise": "uraian"
            """)
        #expect(problems == [
            #"Dialogs/broken.json:19:18: error: state "cek": states[4].rules[0]: "setuju" (saved by "setuju") is a yes/no answer: compare it with true or false, not "ya""#,
        ])
        #expect(Self.problems(#""save": "uraian", "next": "ajukan""#, #""save": "uraian", "next": "setuju" },"#
            + """

                { "id": "setuju", "type": "question", "text": { "id": "Kirim?", "en": "Send?" },
                  "input": { "type": "yes_no" }, "save": "setuju", "next": "cek" },
                { "id": "cek", "type": "branch",
                  "rules": [ { "when": "setuju", "equals": true, "next": "ajukan" } ], "otherwise": "uraian"
            """) == [])
    }

    @Test func aBranchRuleThatNeedsTheValueCountsItAsCollected() {
        func dialog(otherwise: String) -> String {
            #""save": "uraian", "next": "kontak" },"# + """

                { "id": "kontak", "type": "question", "text": { "id": "Nomor HP?", "en": "Phone?" },
                  "input": { "type": "phone" }, "optional": true, "save": "kontak", "next": "cek" },
                { "id": "cek", "type": "branch",
                  "rules": [ { "when": "kontak", "is_set": true, "next": "sebut" } ], "otherwise": "\(otherwise)" },
                { "id": "sebut", "type": "message",
                  "text": { "id": "Kami akan menghubungi {{kontak}}.", "en": "We will call {{kontak}}." }, "next": "ajukan"
            """
        }
        // Only reached when the optional answer was given: no fallback needed.
        #expect(Self.problems(#""save": "uraian", "next": "ajukan""#, dialog(otherwise: "ajukan")) == [])
        // Reached without it too (the otherwise path): the fallback is needed.
        let problems = Self.problems(#""save": "uraian", "next": "ajukan""#, dialog(otherwise: "sebut"))
        #expect(problems.count == 2 && problems.allSatisfy { $0.contains("{{kontak}} may not be collected yet") }, "\(problems)")
    }

    @Test func otherMistakes() {
        // A misspelt state type.
        #expect(Self.problems(#"{ "id": "ajukan", "type": "action""#, #"{ "id": "ajukan", "type": "acton""#) == [
            #"Dialogs/broken.json:16:31: error: states[3].type: unknown state type "acton" (did you mean "action"?); the types are: message, question, branch, action, end"#,
        ])
        // A misspelt input type.
        #expect(Self.problems(#"{ "type": "location" }"#, #"{ "type": "lokasi" }"#).first?
            .hasPrefix(#"Dialogs/broken.json:9:26: error: states[0].input.type: unknown input type "lokasi""#) == true)
        // A category the bot does not have, in a branch.
        #expect(Self.problems(#""save": "kategori", "next": "uraian""#, #""save": "kategori", "next": "cek" },"#
            + """

                { "id": "cek", "type": "branch",
                  "rules": [ { "when": "kategori", "equals": "jalanan", "next": "uraian" } ], "otherwise": "uraian"
            """) == [
            #"Dialogs/broken.json:14:18: error: state "cek": states[2].rules[0]: "kategori" (saved by "kategori") has no option "jalanan" (did you mean "jalan"?); its options are: jalan, sampah, kesehatan"#,
        ])
        // A branch on a value nobody saves.
        #expect(Self.problems(#""save": "kategori", "next": "uraian""#, #""save": "kategori", "next": "cek" },"#
            + """

                { "id": "cek", "type": "branch",
                  "rules": [ { "when": "kategory", "is_set": true, "next": "uraian" } ], "otherwise": "uraian"
            """) == [
            #"Dialogs/broken.json:14:28: error: state "cek": states[2].rules[0].when: no question saves a value named "kategory" (did you mean "kategori"?)"#,
        ])
        // The start state does not exist.
        #expect(Self.problems(#""start": "lokasi""#, #""start": "lokas""#).first
            == #"Dialogs/broken.json:5:12: error: start: the start state "lokas" does not exist (did you mean "lokasi"?)"#)
        // A standard message is missing, another is misspelt.
        let messages = Self.problems(#""help": {"#, #""halp": {"#)
        #expect(messages.contains { $0.hasSuffix(#"error: messages: missing the standard message "help""#) })
        #expect(messages.contains { $0.contains(#"messages.halp: unknown message "halp" (did you mean "help"?)"#) })
        // A standard message with a value it cannot have.
        #expect(Self.problems(#""retry_text_too_short id""#, #""Terlalu pendek, minimal {{max}}""#).contains {
            $0.contains(#"message "retry_text_too_short" cannot use {{max}}; it may use {{min}}"#)
        })
        // A case field from the wrong kind of question.
        #expect(Self.problems(#""details": "uraian""#, #""details": "lokasi""#).contains {
            $0.contains(#"states[3].case.details: "details" must come from a text question, but "lokasi" is saved by "lokasi", a location question"#)
        })
        // A misspelt limit would silently fall back to the default.
        #expect(Self.problems(#""start": "lokasi","#, #""start": "lokasi", "limits": { "max_step_per_message": 10 },"#) == [
            #"Dialogs/broken.json:5:34: error: limits.max_step_per_message: unknown field "max_step_per_message" in the limits (did you mean "max_steps_per_message"?)"#,
        ])
        #expect(Self.problems(#""start": "lokasi","#, #""start": "lokasi", "limits": { "max_steps_per_message": 0 },"#) == [
            #"Dialogs/broken.json:5:59: error: limits.max_steps_per_message: "max_steps_per_message" must be at least 1"#,
        ])
        // An unknown command name.
        #expect(Self.problems(#""start": "lokasi","#, #""start": "lokasi", "commands": { "cancle": ["stop"] },"#) == [
            #"Dialogs/broken.json:5:36: error: commands.cancle: unknown command "cancle"; the commands are: cancel, back, restart, help, status, language (did you mean "cancel"?)"#,
        ])
        // A file of another format.
        #expect(Self.problems(#""format": 1,"#, #""format": 2,"#)
            == [#"Dialogs/broken.json:2:13: error: format: this is format 2, but this version of Aduan reads format 1"#])
    }

    @Test func loadingAMissingFileSaysSo() {
        #expect(throws: DiagnosticList.self) { try DialogFile.load(path: "/nonexistent/dialog.json") }
        do {
            _ = try DialogFile.load(path: "/nonexistent/dialog.json")
        } catch let list as DiagnosticList {
            #expect(list.description == "/nonexistent/dialog.json: error: cannot read the file: no such file")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func theRevisionIsAFingerprintOfTheText() throws {
        let a = try DialogFile.parse(Data(Self.base.utf8), path: "a.json", catalog: DialogFixtures.catalog)
        let b = try DialogFile.parse(Data(Self.base.utf8), path: "b.json")
        let c = try DialogFile.parse(Data((Self.base + "\n").utf8), path: "a.json")
        #expect(a.revision == b.revision)
        #expect(a.revision != c.revision)
        #expect(a.source == Self.base)
    }
}
