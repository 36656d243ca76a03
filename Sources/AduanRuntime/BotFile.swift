import AduanCore
import AduanDialog
import AduanWilayah
import Foundation

/// A bot configuration loaded from `Bots/`, with everything it names: its kecamatan/desa list and
/// its dialog, all checked. This is what the runtime runs.
public struct BotFile: Sendable {
    /// The bot file's path.
    public var path: String
    /// The configuration.
    public var configuration: BotConfiguration
    /// What the dialog engine needs to know about the bot.
    public var catalog: Catalog
    /// The dialog it runs, as loaded now.
    public var dialog: DialogFile
    /// The response clock (working hours, holidays, reminders, the escalation ladder) and the
    /// texts for citizens, prepared once per load.
    var desk: DeskSettings

    /// The bot's identifier.
    public var id: String { configuration.id }

    /// Loads and checks the bot at `path`, its wilayah list and its dialog.
    ///
    /// - Throws: ``DiagnosticList`` with every problem found, each naming its file and place.
    public static func load(path: String) throws -> BotFile {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try JSONFile.read(url, file: path)
        } catch {
            throw DiagnosticList([error])
        }
        let configuration: BotConfiguration
        let map: JSONSourceMap
        do {
            (configuration, map) = try JSONFile.decode(BotConfiguration.self, from: data, file: path)
        } catch {
            throw DiagnosticList([error])
        }
        var validator = BotValidator(configuration: configuration, file: path, map: map)
        var problems = validator.validate()
        let directory = url.deletingLastPathComponent()
        let wilayahPath = Self.resolve(configuration.wilayah, in: directory)
        var gazetteer: Gazetteer?
        do {
            gazetteer = try Gazetteer(contentsOf: URL(fileURLWithPath: wilayahPath))
        } catch {
            problems.append(Diagnostic(file: path, path: ["wilayah"], in: map, context: nil,
                                       message: "cannot use the wilayah list \"\(configuration.wilayah)\": \(error)", hint: nil))
        }
        let timeZone = TimeZone(identifier: configuration.timeZone)
        if timeZone == nil {
            problems.append(Diagnostic(file: path, path: ["time_zone"], in: map, context: nil,
                                       message: "unknown time zone \"\(configuration.timeZone)\"",
                                       hint: "use Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)"))
        }
        guard problems.isEmpty, let gazetteer, let timeZone else { throw DiagnosticList(problems) }
        let catalog = Catalog(
            botName: configuration.name, regency: configuration.regency, trackingPrefix: configuration.trackingPrefix,
            timeZone: timeZone, responseHours: configuration.responseHours, categories: configuration.categories,
            agencyNames: Dictionary(configuration.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            gazetteer: gazetteer,
            agencyResponseHours: Dictionary(configuration.agencies.compactMap { a in a.responseHours.map { (a.id, $0) } },
                                            uniquingKeysWith: { a, _ in a }))
        let dialogPath = Self.resolve(configuration.dialog, in: directory)
        let dialog = try DialogFile.load(path: dialogPath, catalog: catalog)
        return BotFile(path: path, configuration: configuration, catalog: catalog, dialog: dialog,
                       desk: DeskSettings(configuration, timeZone: timeZone))
    }

    /// When a response is due for a case filed at `start` with `hours` to answer: counted in
    /// the bot's working hours and around its holidays, if it has them.
    public func responseDeadline(from start: Date, hours: Int) -> Date {
        desk.deadline(from: start, hours: hours)
    }

    /// Whether response times count working hours only (the bot has `clock.working_hours`).
    public var countsWorkingHours: Bool {
        desk.calendar.workingHours != nil
    }

    /// A path from a bot file, relative to the bot file's folder unless absolute.
    static func resolve(_ path: String, in directory: URL) -> String {
        if path.hasPrefix("/") { return path }
        return directory.appendingPathComponent(path).standardizedFileURL.path
    }

    /// The paths whose change means the bot should be reloaded.
    public var watchedPaths: [String] {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        return [path, dialog.path, Self.resolve(configuration.wilayah, in: directory)]
    }
}
