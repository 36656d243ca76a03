import AduanCore
import AduanDialog
import AduanRuntime
import ArgumentParser
import Foundation

/// `aduan validate`: check dialog and bot files.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dialog and bot files / periksa berkas dialog dan bot.",
        discussion: """
            Each problem is printed as FILE:LINE:COLUMN: error: … with the state and the JSON path
            where it is. A bot file is checked together with its dialog and wilayah list.
            The exit status is 0 only when every file is valid.
            """)

    @Argument(help: "Dialog files (Dialogs/*.json) and bot files (Bots/*.json).")
    var files: [String]

    func run() throws {
        var invalid = 0
        for file in files {
            do {
                Console.out(try Self.check(file))
            } catch let list as DiagnosticList {
                invalid += 1
                Console.err(list.sortedByLocation().description)
            } catch {
                invalid += 1
                Console.err("\(file): error: \(error)")
            }
        }
        if invalid > 0 {
            Console.err("\(invalid) of \(files.count) file\(files.count == 1 ? "" : "s") invalid")
            throw ExitCode(1)
        }
    }

    /// Checks one file; returns a one-line summary, or throws its problems.
    static func check(_ file: String) throws -> String {
        switch try FileKind.of(file) {
        case .bot:
            let bot = try BotFile.load(path: file)
            return "ok: \(file): bot \"\(bot.id)\" (\(bot.configuration.categories.count) categories, "
                + "\(bot.catalog.gazetteer.kecamatan.count) kecamatan, \(bot.catalog.gazetteer.desaCount) desa/kelurahan), "
                + "dialog \(bot.dialog.path) revision \(bot.dialog.revision)"
        case .dialog:
            let dialog = try DialogFile.load(path: file)
            return "ok: \(file): dialog \"\(dialog.dialog.id)\" (\(dialog.dialog.states.count) states), revision \(dialog.revision)"
        }
    }
}

/// Whether a JSON file is a bot configuration or a dialog.
enum FileKind {
    case bot
    case dialog

    static func of(_ file: String) throws -> FileKind {
        let data: Data
        do {
            data = try JSONFile.read(URL(fileURLWithPath: file), file: file)
        } catch {
            throw DiagnosticList([error])
        }
        let map: JSONSourceMap
        do {
            map = try JSONFile.parse(data, file: file)
        } catch {
            throw DiagnosticList([error])
        }
        let keys = Set(map.keys(at: .root))
        if keys.contains("states") { return .dialog }
        if keys.contains("categories") || keys.contains("dialog") { return .bot }
        throw DiagnosticList([Diagnostic(
            file: file, position: SourcePosition(line: 1, column: 1), path: nil, context: nil,
            message: "neither a dialog (it has no \"states\") nor a bot configuration (no \"dialog\" or \"categories\")",
            hint: nil, severity: .error)])
    }
}
