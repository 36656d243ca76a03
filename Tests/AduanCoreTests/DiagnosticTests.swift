import Testing

@testable import AduanCore

@Suite struct DiagnosticTests {
    @Test func rendersAllParts() {
        let diagnostic = Diagnostic(
            file: "Dialogs/pengaduan.json", position: SourcePosition(line: 12, column: 17),
            path: ["states", 3, "next"], context: #"state "lokasi""#,
            message: #"unknown state "lokas""#, hint: #"did you mean "lokasi"?"#, severity: .error)
        #expect(
            diagnostic.description
                == #"Dialogs/pengaduan.json:12:17: error: state "lokasi": states[3].next: unknown state "lokas" (did you mean "lokasi"?)"#
        )
    }

    @Test func leavesOutNilParts() {
        #expect(Diagnostic(file: "a.json", message: "cannot read file: no such file").description
            == "a.json: error: cannot read file: no such file")
        #expect(
            Diagnostic(file: "bots/desa.json", position: SourcePosition(line: 3, column: 5),
                       message: "x", severity: .warning).description == "bots/desa.json:3:5: warning: x")
        #expect(
            Diagnostic(file: "b.json", path: ["nxt"], message: #"unknown field "nxt""#,
                       hint: #"did you mean "next"?"#, severity: .warning).description
                == #"b.json: warning: nxt: unknown field "nxt" (did you mean "next"?)"#)
        #expect(Diagnostic(file: "", position: SourcePosition(line: 1, column: 2), message: "m").description
            == "1:2: error: m")
        #expect(Diagnostic(file: "", message: "m").description == "error: m")
        #expect(Diagnostic(file: "c.json", path: .root, message: "m").description == "c.json: error: (top level): m")
    }

    @Test func positionFromASourceMap() throws {
        let map = try JSONSourceMap.parse("{\n  \"states\": [\n    {\"id\": \"a\", \"next\": \"lokas\"}\n  ]\n}")
        let diagnostic = Diagnostic(
            file: "d.json", path: ["states", 0, "next"], in: map, message: #"unknown state "lokas""#)
        #expect(diagnostic.position == SourcePosition(line: 3, column: 25))
        let missing = Diagnostic(file: "d.json", path: ["states", 0, "say"], in: map, message: "m")
        #expect(missing.position == SourcePosition(line: 3, column: 5))
    }

    @Test func isHashableAndAnError() {
        let a = Diagnostic(file: "a.json", message: "m")
        let b = Diagnostic(file: "a.json", message: "m")
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        let error: any Error = a
        #expect(error as? Diagnostic == a)
    }

    @Test func listRendersOnePerLineAndSorts() {
        let late = Diagnostic(file: "a.json", position: SourcePosition(line: 9, column: 1), message: "late")
        let early = Diagnostic(
            file: "a.json", position: SourcePosition(line: 2, column: 4), message: "early", severity: .warning)
        let noPosition = Diagnostic(file: "a.json", message: "whole file")
        let other = Diagnostic(file: "0.json", position: SourcePosition(line: 1, column: 1), message: "other file")
        var list = DiagnosticList([late, early])
        list.append(noPosition)
        list.append(other)
        #expect(list.description == [late, early, noPosition, other].map(\.description).joined(separator: "\n"))
        #expect(list.sortedByLocation().diagnostics == [other, noPosition, early, late])
        #expect(list.hasErrors)
        #expect(list.warnings == [early])
        #expect(list.errors.count == 3)
        #expect(list.count == 4)
        #expect(!DiagnosticList([early]).hasErrors)
    }
}
