import AduanCore
import AduanDialog
import AduanWilayah
import Foundation

/// One message of an intake and what the bot must answer to it.
struct ScriptStep: Sendable {
    /// What the citizen sends.
    var text: String
    /// What the replies to the citizen must be.
    var expected: Expectation
}

/// What the bot must say after one message.
enum Expectation: Sendable {
    /// Exactly these replies to the citizen, in order (the dialog is deterministic before a case
    /// is filed).
    case replies([String])
    /// The step that files the case: this many replies, the first starting with this line, and a
    /// tracking number with the bot's prefix in one of them (the number and deadline differ from
    /// the dry run's).
    case filing(replyCount: Int, firstLine: String)
}

/// A whole intake, from the greeting to the filed case.
struct IntakeScript: Sendable {
    var steps: [ScriptStep]
    /// Whether the place the dialog settled on is the one the persona meant.
    var placeAsMeant: Bool
    /// The size of the conversation state, as the runtime stores it, after each step (JSON bytes).
    var stateBytes: [Int]
    /// The conversation's language at the end (it carries over to the citizen's next intake).
    var language: String?
}

/// Turns personas into scripts by running the real dialog in the pure ``DialogEngine`` (no
/// database): at each step it looks at the question the bot is asking and answers it the way
/// the persona would. The result is the list of messages with the replies the bot must give,
/// which the benchmark then checks at every step it runs through the runtime and the database.
/// A dialog that cannot be completed (no case filed within 40 messages) fails the plan.
struct IntakePlanner {
    let engine: DialogEngine
    let trackingPrefix: String
    let encoder = JSONEncoder()

    init(engine: DialogEngine) {
        self.engine = engine
        self.trackingPrefix = engine.catalog.trackingPrefix
    }

    struct PlanError: Error, CustomStringConvertible {
        var description: String
    }

    private var dialog: Dialog { engine.dialog }

    /// The script of one intake, starting from an idle conversation in `language`.
    func plan(_ persona: Persona, language: String?) throws -> IntakeScript {
        var run = Run(persona: persona)
        var state = ConversationState.idle
        state.language = language
        var steps: [ScriptStep] = []
        var stateBytes: [Int] = []
        var filed = false
        var placeAsMeant = true
        let context = StepContext(now: Date(timeIntervalSince1970: 1_767_225_600)) { [trackingPrefix] in
            TrackingNumber(prefix: trackingPrefix, sequence: 1)
        }
        var transcript: [String] = []

        func send(_ text: String) throws {
            let result = engine.handle(text, state: state, context: context)
            for effect in result.effects {
                if case .scriptError(let problem) = effect {
                    throw PlanError(description: "the dialog reported a script error after \"\(text)\": \(problem)")
                }
            }
            let replies = result.replies
            transcript.append("> \(text)")
            transcript += replies.map { "< " + $0.replacingOccurrences(of: "\n", with: "\n  ") }
            if let filing = result.filing {
                placeAsMeant = filing.place == persona.place
                guard !filed else { throw PlanError(description: "the dialog filed two cases in one intake") }
                filed = true
                steps.append(ScriptStep(text: text, expected: .filing(
                    replyCount: replies.count,
                    firstLine: replies.first.map { String($0.prefix { $0 != "\n" }) } ?? "")))
            } else {
                steps.append(ScriptStep(text: text, expected: .replies(replies)))
            }
            state = result.state
            stateBytes.append(try encoder.encode(state).count)
        }

        try send(persona.greeting)
        if persona.switchesToEnglish { try send("english") }
        while !(filed && !state.isActive) {
            guard steps.count < 40 else {
                throw PlanError(description: "no case filed after 40 messages:\n" + transcript.suffix(30).joined(separator: "\n"))
            }
            guard let current = state.current, case .question(let question)? = dialog.state(current)?.kind else {
                throw PlanError(description: "the conversation ended without filing a case:\n"
                                + transcript.suffix(30).joined(separator: "\n"))
            }
            let answer = self.answer(question, id: current, state: state, context: context, run: &run)
            try send(answer)
        }
        return IntakeScript(steps: steps, placeAsMeant: placeAsMeant, stateBytes: stateBytes, language: state.language)
    }

    /// What the persona has done so far in this intake.
    private struct Run {
        var persona: Persona
        var attempts: [String: Int] = [:]
        var helped = false
        var wentBack = false
        var corrected = false
        var detailsWritten = 0
    }

    /// The persona's answer to the question `id`.
    private func answer(_ q: QuestionStep, id: String, state: ConversationState, context: StepContext,
                        run: inout Run) -> String {
        let persona = run.persona
        let attempt = run.attempts[id, default: 0]
        run.attempts[id] = attempt + 1
        switch q.input {
        case .location:
            let exact = "\(Persona.typed(persona.place.desa ?? "")), \(persona.place.kecamatan)"
            switch state.pending {
            case .choose(let places):
                if let i = places.firstIndex(of: persona.place) { return "\(i + 1)" }
                return exact
            case .desaIn(let kecamatan):
                return kecamatan == persona.place.kecamatan ? Persona.typed(persona.place.desa ?? "") : exact
            case nil:
                return attempt == 0 ? persona.locationText : exact
            }
        case .choice(let source):
            if case .fromCatalog = source {
                if persona.asksHelp && !run.helped {
                    run.helped = true
                    run.attempts[id] = attempt
                    return "bantuan"
                }
                if attempt == 0, let word = persona.categoryWord { return word }
                return "\(persona.category)"
            }
            // A dialog-defined list (e.g. "what would you like to change?"): the option that
            // leads to a text question, else the first.
            guard case .options(let options) = source else { return "1" }
            let index = options.firstIndex { option in
                guard let next = option.next, case .question(let target)? = dialog.state(next)?.kind,
                      case .text = target.input else { return false }
                return true
            } ?? 0
            return "\(index + 1)"
        case .text:
            if persona.goesBack && !run.wentBack && run.detailsWritten == 0 {
                // Back to the previous question (the category), which is then answered again.
                run.wentBack = true
                run.attempts[id] = attempt
                return "kembali"
            }
            defer { run.detailsWritten += 1 }
            return run.detailsWritten == 0 ? persona.details : (persona.correctedDetails ?? persona.details)
        case .yesNo:
            // Is this the contact question? It is if "ya" leads to a phone question.
            let yes = engine.handle("ya", state: state, context: context)
            if let next = yes.state.current, case .question(let target)? = dialog.state(next)?.kind, case .phone = target.input,
               yes.filing == nil {
                return persona.phone == nil ? "tidak" : "ya"
            }
            if yes.filing != nil, persona.correctedDetails != nil, !run.corrected {
                run.corrected = true
                return "tidak"
            }
            return persona.switchesToEnglish ? "yes" : "ya"
        case .phone:
            return persona.phone ?? "lewati"
        case .number(let min, _, _):
            return min.map { String(Int($0.rounded(.up))) } ?? "1"
        }
    }
}
