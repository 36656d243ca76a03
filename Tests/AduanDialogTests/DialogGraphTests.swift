import AduanDialog
import Testing

/// `aduan graph`: the dialog as Graphviz dot and as Mermaid.
@Suite struct DialogGraphTests {
    static let dialog = DialogFixtures.pengaduan.dialog

    @Test func dotNamesEveryStateAndEdge() {
        let dot = DialogGraph.render(Self.dialog, format: .dot)
        #expect(dot.hasPrefix("digraph \"pengaduan\" {\n"))
        #expect(dot.hasSuffix("}\n"))
        #expect(dot.contains("\"__start\" -> \"sapa\";"))
        for state in Self.dialog.states {
            #expect(dot.contains("  \"\(state.id)\" [shape="), "no node for \(state.id)")
        }
        #expect(dot.contains("\"lokasi\" [shape=box, style=rounded, label=\"lokasi\\nquestion: location → lokasi\"];"))
        #expect(dot.contains("\"kontak\" [shape=box, style=rounded, label=\"kontak\\nquestion: phone → kontak (optional)\"];"))
        #expect(dot.contains("\"cek_kontak\" -> \"kontak\" [label=\"mau_dihubungi = true\"];"))
        #expect(dot.contains("\"cek_kontak\" -> \"cek_ringkasan\" [label=\"otherwise\"];"))
        #expect(dot.contains("\"identitas\" -> \"cek_ringkasan\" [label=\"anonim\"];"))
        #expect(dot.contains("\"ubah\" -> \"ubah_lokasi\" [label=\"lokasi\"];"))
        #expect(dot.contains("\"ajukan\" [shape=box, style=bold, label=\"ajukan\\naction: file_case\"];"))
        #expect(dot.contains("\"terkirim\" [shape=doublecircle, label=\"terkirim\\nend\"];"))
        #expect(!dot.contains("\\\\n"), "a label's line break is Graphviz's \\n, not an escaped backslash")
        let edges = Self.dialog.states.reduce(0) { $0 + $1.targets.count }
        #expect(dot.components(separatedBy: "\n").filter { $0.contains(" -> ") }.count == edges + 1)
    }

    @Test func mermaidNamesEveryStateAndEdge() {
        let mermaid = DialogGraph.render(Self.dialog, format: .mermaid)
        #expect(mermaid.hasPrefix("flowchart TD\n  start((start)) --> s0\n"))
        for (i, state) in Self.dialog.states.enumerated() {
            #expect(mermaid.contains("  s\(i)"), "no node for \(state.id)")
            #expect(mermaid.contains("\"\(state.id)<br/>"), "no label for \(state.id)")
        }
        #expect(mermaid.contains("s1(\"lokasi<br/>question: location → lokasi\")"))
        #expect(mermaid.contains("s6{\"cek_kontak<br/>branch\"}"))
        #expect(mermaid.contains("s6 -->|\"mau_dihubungi = true\"| s7"))
        #expect(mermaid.contains("s20[[\"ajukan<br/>action: file_case\"]]"))
        #expect(mermaid.contains("s21(((\"terkirim<br/>end\")))"))
        #expect(mermaid.contains("s13 -->|\"kontak\"| s17"))
        #expect(mermaid.contains("s17 -->|\"otherwise\"| s7"))
        let edges = Self.dialog.states.reduce(0) { $0 + $1.targets.count }
        #expect(mermaid.components(separatedBy: "\n").filter { $0.contains(" -->") }.count == edges + 1)
    }

    @Test func quotesInIDsAreEscaped() throws {
        let json = """
            { "format": 1, "id": "kutip\\"an", "languages": ["id"], "start": "a\\"b",
              "states": [ { "id": "a\\"b", "type": "end" } ], "messages": \(DialogFixtures.messages(["id"])) }
            """
        let dialog = try DialogFixtures.dialog(json)
        #expect(DialogGraph.render(dialog, format: .dot).contains("\"a\\\"b\" [shape=doublecircle, label=\"a\\\"b\\nend\"];"))
        #expect(DialogGraph.render(dialog, format: .mermaid).contains("s0(((\"a#quot;b<br/>end\")))"))
    }
}
