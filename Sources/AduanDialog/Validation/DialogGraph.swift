/// Draws a dialog's state machine as text that graph tools read: Graphviz `dot` or Mermaid
/// (which GitHub and many wikis show as a picture).
///
/// ```sh
/// aduan graph Dialogs/pengaduan.json --format mermaid
/// aduan graph Dialogs/pengaduan.json --format dot | dot -Tpng > pengaduan.png
/// ```
public enum DialogGraph {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// Graphviz.
        case dot
        /// Mermaid flowchart.
        case mermaid
    }

    /// The dialog as a graph in `format`. Nodes show the state id and what it does; edges show
    /// the option or rule that takes them.
    public static func render(_ dialog: Dialog, format: Format) -> String {
        switch format {
        case .dot: return dot(dialog)
        case .mermaid: return mermaid(dialog)
        }
    }

    static func caption(_ state: DialogState) -> String {
        switch state.kind {
        case .message: return "message"
        case .question(let q):
            var c = "question: " + q.input.typeName
            if let save = q.save { c += " → " + save }
            if q.optional { c += " (optional)" }
            return c
        case .branch: return "branch"
        case .action: return "action: file_case"
        case .end: return "end"
        }
    }

    static func dot(_ dialog: Dialog) -> String {
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        }
        func q(_ s: String) -> String { "\"" + escaped(s) + "\"" }
        var lines = ["digraph \(q(dialog.id)) {", "  rankdir=TB;", "  node [fontname=\"Helvetica\"];",
                     "  \"__start\" [shape=point];", "  \"__start\" -> \(q(dialog.start));"]
        for state in dialog.states {
            let shape: String
            switch state.kind {
            case .question: shape = "box, style=rounded"
            case .branch: shape = "diamond"
            case .action: shape = "box, style=bold"
            case .end: shape = "doublecircle"
            case .message: shape = "box"
            }
            // `\n` is Graphviz's line break inside a label, so it is added after escaping.
            let label = "\"" + escaped(state.id) + "\\n" + escaped(caption(state)) + "\""
            lines.append("  \(q(state.id)) [shape=\(shape), label=\(label)];")
        }
        for state in dialog.states {
            for (target, label, _) in state.targets {
                lines.append("  \(q(state.id)) -> \(q(target))" + (label.isEmpty ? ";" : " [label=\(q(label))];"))
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func mermaid(_ dialog: Dialog) -> String {
        var ids: [String: String] = [:]
        for (i, state) in dialog.states.enumerated() where ids[state.id] == nil { ids[state.id] = "s\(i)" }
        func node(_ id: String) -> String { ids[id] ?? "missing_" + id.filter { $0.isLetter || $0.isNumber } }
        func text(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "#quot;") + "\"" }
        var lines = ["flowchart TD", "  start((start)) --> \(node(dialog.start))"]
        for state in dialog.states {
            let label = text(state.id + "<br/>" + caption(state))
            let shape: String
            switch state.kind {
            case .question: shape = "(\(label))"
            case .branch: shape = "{\(label)}"
            case .end: shape = "(((\(label))))"
            case .action: shape = "[[\(label)]]"
            case .message: shape = "[\(label)]"
            }
            lines.append("  \(node(state.id))\(shape)")
        }
        for state in dialog.states {
            for (target, label, _) in state.targets {
                lines.append("  \(node(state.id)) -->" + (label.isEmpty ? " " : "|\(text(label))| ") + node(target))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
