import AduanCore
import Foundation

/// Runs a dialog without a database or a network, for an admin trying an edit and for golden
/// transcripts. It is a function over lines: each input line is a citizen message; the output
/// shows the input after `> `, each bot message after `< ` (further lines indented by two
/// spaces), and each other effect after `= `:
///
/// ```
/// > halo
/// < Selamat datang di layanan pengaduan …
/// = file_case BGL-K7M-4QX category=jalan opd=pupr location="Desa Abuan, Kecamatan Kintamani" contact=- confidential=false anonymous=false due=2026-01-07T01:00:00Z
/// ```
/// Cases filed during the run are remembered, so `status` answers about them.
public struct DialogSimulator {
    /// The engine.
    public let engine: DialogEngine
    /// The clock: the time for the n-th message (0-based).
    public var clock: (Int) -> Date
    /// Whether to echo the input lines (off when a person types them).
    public var echoInput: Bool
    /// The response deadline of a filed case, as the bot computes it (working hours, holidays);
    /// around the clock by default.
    public var responseDeadline: (_ start: Date, _ hours: Int, _ opd: String) -> Date
    /// Whether `responseDeadline` counts working hours only (see ``StepContext/countsWorkingHours``).
    public var countsWorkingHours: Bool

    /// Makes a simulator. By default the clock starts at `start` and advances a minute per
    /// message, and deadlines run around the clock; pass the bot's to see what citizens see.
    public init(engine: DialogEngine, start: Date, echoInput: Bool = true,
                responseDeadline: @escaping (_ start: Date, _ hours: Int, _ opd: String) -> Date = StepContext.roundTheClock,
                countsWorkingHours: Bool = false) {
        self.engine = engine
        self.clock = { start.addingTimeInterval(TimeInterval($0) * 60) }
        self.echoInput = echoInput
        self.responseDeadline = responseDeadline
        self.countsWorkingHours = countsWorkingHours
    }

    /// Runs `lines` from an idle conversation and returns the transcript.
    public func transcript(_ lines: [String]) -> String {
        var output: [String] = []
        var session = Session()
        for line in lines {
            run(line, session: &session) { output.append($0) }
        }
        return output.joined(separator: "\n") + (output.isEmpty ? "" : "\n")
    }

    /// The state kept between messages.
    public struct Session {
        /// The conversation.
        public var state = ConversationState.idle
        /// The cases filed so far.
        public var cases: [CaseFiling] = []
        /// The messages handled so far.
        public var count = 0

        /// A fresh session.
        public init() {}
    }

    /// Handles one line, writing the transcript lines to `write`.
    public func run(_ line: String, session: inout Session, write: (String) -> Void) {
        if echoInput { write("> " + line) }
        let filedSoFar = session.cases.count
        let context = StepContext(now: clock(session.count), nextTrackingNumber: {
            TrackingNumber(prefix: engine.catalog.trackingPrefix, sequence: filedSoFar + 1)
        }, responseDeadline: responseDeadline, countsWorkingHours: countsWorkingHours)
        session.count += 1
        let result = engine.handle(line, state: session.state, context: context)
        session.state = result.state
        let language = result.state.language ?? engine.dialog.defaultLanguage
        for effect in result.effects {
            switch effect {
            case .reply(let text):
                write(Self.indent("< ", text))
            case .fileCase(let f):
                session.cases.append(f)
                write("= file_case \(f.tracking.code) category=\(f.category) opd=\(f.opd) location=\"\(f.place.displayName)\" "
                      + "contact=\(f.contact ?? "-") confidential=\(f.confidential) anonymous=\(f.anonymous) due=\(ISO8601DateFormatter().string(from: f.dueAt))")
            case .showStatus(let tracking):
                let matching = session.cases.filter { tracking == nil || TrackingNumber.normalized($0.tracking.code) == tracking }
                let summaries = matching.reversed().map {
                    CaseSummary(tracking: $0.tracking.code, status: .received, category: $0.category, opd: $0.opd,
                                place: $0.place, filedAt: $0.filedAt, updatedAt: $0.filedAt)
                }
                write("= status \(tracking ?? "(all)")")
                write(Self.indent("< ", engine.statusReply(cases: summaries, query: tracking, language: language)))
            case .scriptError(let problem):
                write("= script_error \(problem)")
            }
        }
    }

    static func indent(_ marker: String, _ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { ($0.offset == 0 ? marker : "  ") + $0.element }.joined(separator: "\n")
    }
}
