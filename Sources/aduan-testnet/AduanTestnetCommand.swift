import AduanRuntime
import AduanTesting
import ArgumentParser
import Foundation

/// `aduan-testnet`: a local IRC network with services accounts for the officers of a bot file,
/// for trying the bot — citizens and the staff desk — by hand with irssi or weechat.
@main
struct AduanTestnetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aduan-testnet",
        abstract: "Start a local IRC network (InspIRCd + Atheme) to try the bot by hand.",
        discussion: """
            Registers a services account for every irc-account: the bot file names (coordinators, \
            agency staff and heads), all with the same password, prints the commands to start the \
            bot and to connect as a citizen and as an officer, and runs until Ctrl-C. Needs \
            Debian's inspircd and atheme-services (apt-get install inspircd atheme-services).
            """)

    @Option(name: .long, help: "The bot file whose officers get accounts.")
    var bot = "Bots/bangli.json"

    @Option(name: .long, help: "The port on 127.0.0.1 clients connect to.")
    var port = 6667

    @Option(name: .long, help: "The password of every account.")
    var password = "coba-aduan"

    @Option(name: .long, help: "The database file the printed bot command uses.")
    var db = "/tmp/aduan-coba.sqlite"

    mutating func run() async throws {
        let botFile: BotFile
        do {
            botFile = try BotFile.load(path: bot)
        } catch {
            throw ValidationError("\(bot): \(error)")
        }
        let stop = Self.stopSignals()
        FileHandle.standardOutput.write(Data("Menyiapkan jaringan dan akun / starting the network and registering accounts …\n".utf8))
        let network: TryNetwork
        do {
            network = try TryNetwork.start(bot: botFile.configuration, port: port, password: password)
        } catch {
            throw ValidationError("\(error)")
        }
        // Written unbuffered: shown now even when the output goes to a file or a pipe.
        FileHandle.standardOutput.write(Data(("\n" + network.instructions(botPath: bot, database: db) + "\n").utf8))
        for await _ in stop.signals { break }
        withExtendedLifetime(stop.sources) { network.stop() }
        print("Jaringan dihentikan / network stopped.")
    }

    /// SIGINT and SIGTERM as a stream, instead of ending the process at once (the sources must be
    /// kept alive while the stream is read).
    private static func stopSignals() -> (signals: AsyncStream<Int32>, sources: [any DispatchSourceSignal]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        return (stream, sources)
    }
}
