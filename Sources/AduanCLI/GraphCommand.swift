import AduanCore
import AduanDialog
import ArgumentParser
import Foundation

/// `aduan graph`: draw a dialog's state machine.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a dialog as a graph / gambar alur dialog.",
        discussion: """
            Mermaid shows as a picture on GitHub and in many wikis; Graphviz draws dot:
              aduan graph Dialogs/pengaduan.json --format dot | dot -Tpng > pengaduan.png
            A dialog with errors is still drawn; the errors are printed to standard error.
            """)

    @Argument(help: "The dialog file.")
    var file: String

    @Option(name: .long, help: "dot or mermaid.")
    var format: String = "mermaid"

    func validate() throws {
        guard DialogGraph.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be dot or mermaid")
        }
    }

    func run() throws {
        let graphFormat = DialogGraph.Format(rawValue: format) ?? .mermaid
        let data: Data
        do {
            data = try JSONFile.read(URL(fileURLWithPath: file), file: file)
        } catch {
            Console.err(error.description)
            throw ExitCode(1)
        }
        let loaded: DialogFile
        do {
            loaded = try DialogFile.parse(data, path: file, validate: false)
        } catch {
            Console.err("\(error)")
            throw ExitCode(1)
        }
        if case let problems = DialogValidator().validate(loaded.dialog, file: file, map: try? JSONFile.parse(data, file: file)),
           !problems.isEmpty {
            Console.err(DiagnosticList(problems).sortedByLocation().description)
        }
        Console.out(DialogGraph.render(loaded.dialog, format: graphFormat), terminator: "")
    }
}
