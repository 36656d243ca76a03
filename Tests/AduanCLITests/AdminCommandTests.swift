import AduanTesting
import Foundation
import Testing

/// The admin tools: validate, graph, simulate, on the shipped files and on broken ones.
@Suite("admin commands")
struct AdminCommandTests {
    @Test("every file in Dialogs/ and Bots/ is valid")
    func shippedFilesAreValid() throws {
        let files = Repository.jsonFiles(in: "Dialogs") + Repository.jsonFiles(in: "Bots")
        #expect(files.count >= 4)
        let outcome = try ProcessRunner.aduan(["validate"] + files)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.split(separator: "\n").filter { $0.hasPrefix("ok: ") }.count == files.count)
    }

    @Test("a broken dialog is reported with file, line and column, and the exit status is 1")
    func brokenDialog() throws {
        let folder = try Repository.temporaryFolder("aduan-admin")
        let path = folder.appendingPathComponent("rusak.json").path
        var text = try String(contentsOfFile: Repository.path("Dialogs/pengaduan.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"next\": \"kategori\"", with: "\"next\": \"kategory\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try ProcessRunner.aduan(["validate", path])
        #expect(outcome.status == 1)
        #expect(outcome.errors.range(of: #"rusak\.json:\d+:\d+: error: state "lokasi": states\[\d+\]\.next: unknown state "kategory" \(did you mean "kategori"\?\)"#,
                                     options: .regularExpression) != nil, "\(outcome.errors)")

        let syntax = folder.appendingPathComponent("koma.json").path
        try "{\n  \"format\": 1\n  \"id\": \"x\"\n}\n".write(toFile: syntax, atomically: true, encoding: .utf8)
        let bad = try ProcessRunner.aduan(["validate", syntax])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("koma.json:3:3: error: expected ',' or '}' after the value of \"format\" (is a comma missing?)"), "\(bad.errors)")
    }

    @Test("graph draws every state, as mermaid and as dot")
    func graph() throws {
        let mermaid = try ProcessRunner.aduan(["graph", Repository.path("Dialogs/pengaduan.json"), "--format", "mermaid"])
        #expect(mermaid.status == 0)
        #expect(mermaid.output.hasPrefix("flowchart TD"))
        let dot = try ProcessRunner.aduan(["graph", Repository.path("Dialogs/pengaduan.json"), "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.output.hasPrefix("digraph"))
        for state in ["sapa", "lokasi", "kategori", "uraian", "ajukan", "terkirim"] {
            #expect(dot.output.contains("\"\(state)\""))
            #expect(mermaid.output.contains(state))
        }
        let wrong = try ProcessRunner.aduan(["graph", Repository.path("Dialogs/pengaduan.json"), "--format", "png"])
        #expect(wrong.status != 0)
    }

    @Test("simulate runs a dialog without a database")
    func simulate() throws {
        let folder = try Repository.temporaryFolder("aduan-admin")
        let outcome = try ProcessRunner.aduan(
            ["simulate", Repository.path("Dialogs/pengaduan.json"), "--bot", Repository.path("Bots/bangli.json")],
            input: "halo\nbatur selatan\njalan\nJalan berlubang di depan pura desa\n1\ntidak\nya\n", in: folder)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.hasPrefix("> halo\n< "))
        #expect(outcome.output.contains("= file_case BGL-"))
        #expect(outcome.output.contains("opd=pupr"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("aduan.sqlite").path))
    }
}
