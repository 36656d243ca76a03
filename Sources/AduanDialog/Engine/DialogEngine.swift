import AduanCore
import AduanWilayah
import Foundation

/// The dialog engine: given a dialog, a conversation's state and one message from the citizen, it
/// returns the conversation's new state and the effects to carry out (replies, a case to file, a
/// status to look up). It does no I/O and reads no clock: the ``StepContext`` brings the time and
/// the tracking numbers, so the same inputs always give the same outputs.
///
/// ```swift
/// let engine = DialogEngine(dialog: dialog, catalog: catalog)
/// let result = engine.handle("halo", state: .idle, context: context)
/// // result.effects: [.reply("Selamat datang …"), .reply("Di mana lokasinya? …")]
/// ```
public struct DialogEngine: Sendable {
    /// The dialog being run.
    public let dialog: Dialog
    /// What the dialog needs to know about its bot.
    public let catalog: Catalog
    let words: NormalizedCommandWords
    /// Choice labels by saved value name, then by option value, to render `{{kategori}}` as a label.
    let choiceLabels: [String: [String: LocalizedText]]
    /// The options of every choice question and their matcher, by state id.
    let choices: [String: (options: [ChoiceOption], matcher: ChoiceMatcher)]
    /// The privacy value of a `file_case` and the category value it goes with, by privacy value
    /// name: a sensitive category shows its case as confidential even when the citizen chose
    /// *biasa* (that is how it is filed).
    let privacyCategories: [String: String]

    /// Prepares a dialog to run for a bot.
    public init(dialog: Dialog, catalog: Catalog) {
        self.dialog = dialog
        self.catalog = catalog
        self.words = NormalizedCommandWords(dialog.commandWords)
        var labels: [String: [String: LocalizedText]] = [:]
        var choices: [String: (options: [ChoiceOption], matcher: ChoiceMatcher)] = [:]
        var privacyCategories: [String: String] = [:]
        for state in dialog.states {
            if case .action(let step) = state.kind, case .fileCase(let fields) = step.action, let privacy = fields.privacy {
                privacyCategories[privacy] = fields.category
            }
            guard case .question(let q) = state.kind, case .choice(let source) = q.input else { continue }
            let options = Self.options(source, catalog: catalog)
            choices[state.id] = (options, ChoiceMatcher(options))
            guard let key = q.save else { continue }
            for option in options {
                labels[key, default: [:]][option.value] = option.text
            }
        }
        self.choiceLabels = labels
        self.choices = choices
        self.privacyCategories = privacyCategories
    }

    /// Handles one message from the citizen.
    public func handle(_ message: String, state: ConversationState, context: StepContext) -> StepResult {
        var turn = Turn(engine: self, state: state, context: context)
        let text = Self.sanitize(message)
        if let command = words.parse(text, trackingPrefix: catalog.trackingPrefix, languages: dialog.languages) {
            turn.apply(command)
        } else if let current = state.current, case .question(let q)? = dialog.state(current)?.kind {
            turn.answer(text, to: q, id: current)
        } else {
            // Idle, or waiting on a question this dialog does not have: start afresh, without the
            // old answers and trail (keeping the language).
            let language = state.language
            turn.state = .idle
            turn.state.language = language
            turn.run(from: dialog.start)
        }
        return StepResult(state: turn.state, effects: turn.effects)
    }

    /// Whether `message` is one of the commands that work in every state (cancel, back, help,
    /// status, language…), which the runtime lets through even when a case waits for the
    /// citizen's answer.
    public func isCommand(_ message: String) -> Bool {
        words.parse(Self.sanitize(message), trackingPrefix: catalog.trackingPrefix, languages: dialog.languages) != nil
    }

    /// The reply to a status request, once the runtime has looked up the citizen's cases.
    ///
    /// - Parameters:
    ///   - cases: the citizen's cases that match (all of them, or the one asked for).
    ///   - query: the tracking number asked for, or nil for "all my cases".
    public func statusReply(cases: [CaseSummary], query: String?, language: String) -> String {
        if cases.isEmpty {
            if let query {
                return render(dialog.messages[.statusNotFound].text(in: language), language: language,
                              values: [:], extra: ["tracking": TrackingNumber.displayed(query)])
            }
            return render(dialog.messages[.statusNone].text(in: language), language: language, values: [:], extra: [:])
        }
        return cases.map { c in
            let category = catalog.category(c.category)?.label.text(in: language) ?? c.category
            let extra = [
                "tracking": c.tracking,
                "status": c.status.label(language: language),
                "category": category,
                "location": c.place.displayName,
                "filed": DateText.short(c.filedAt, timeZone: catalog.timeZone, language: language),
                "updated": DateText.short(c.updatedAt, timeZone: catalog.timeZone, language: language),
                "opd": catalog.agencyNames[c.opd]?.text(in: language) ?? c.opd,
            ]
            return render(dialog.messages[.statusCase].text(in: language), language: language, values: [:], extra: extra)
        }.joined(separator: "\n")
    }

    // MARK: - Rendering

    /// `text` with its `{{placeholders}}` filled from the collected values, the catalog and `extra`.
    func render(_ text: String, language: String, values: [String: CollectedValue], extra: [String: String]) -> String {
        Template.render(text) { name in
            if let v = extra[name] { return v }
            if let v = values[name] { return display(effectivePrivacy(v, key: name, values: values), key: name, language: language) }
            switch name {
            case "bot": return catalog.botName.text(in: language)
            case "regency": return catalog.regency
            case "example_location": return catalog.exampleLocation
            case "example_tracking": return catalog.trackingPrefix.isEmpty ? "K7M-4QX" : catalog.trackingPrefix + "-K7M-4QX"
            default: return nil
            }
        }
    }

    /// A privacy choice as the case is filed: *biasa* becomes *rahasia* when the complaint's
    /// category is sensitive (health, violence, …), so the summary and the receipt tell the
    /// citizen the truth. Any other value is returned as it is.
    func effectivePrivacy(_ value: CollectedValue, key: String, values: [String: CollectedValue]) -> CollectedValue {
        guard case .choice(CasePrivacy.normal.rawValue) = value, let categoryKey = privacyCategories[key],
              case .choice(let category)? = values[categoryKey], catalog.category(category)?.sensitive == true
        else { return value }
        return .choice(CasePrivacy.confidential.rawValue)
    }

    /// A collected value as the citizen reads it.
    func display(_ value: CollectedValue, key: String, language: String) -> String {
        switch value {
        case .text(let s), .phone(let s): return s
        case .choice(let v): return choiceLabels[key]?[v]?.text(in: language) ?? v
        case .bool(let b): return language == "en" ? (b ? "yes" : "no") : (b ? "ya" : "tidak")
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .place(let p): return p.displayName
        }
    }

    /// The options of a choice, taken from the dialog or the catalog.
    static func options(_ source: QuestionInput.ChoiceSource, catalog: Catalog) -> [ChoiceOption] {
        switch source {
        case .options(let options): return options
        case .fromCatalog(let name): return catalog.options(from: name) ?? []
        }
    }

    /// The message without control characters (which could inject commands into a chat protocol),
    /// with spaces trimmed. Line breaks inside are kept.
    static func sanitize(_ message: String) -> String {
        // Nothing to remove, replace or trim (the usual case): the message as it is.
        func isClean(_ s: Unicode.Scalar) -> Bool {
            !(s.value < 0x20 && s != "\n" && s != "\t") && s.value != 0x7F && !(0x80...0x9F).contains(s.value)
        }
        let input = message.unicodeScalars
        if let first = input.first, let last = input.last, !first.properties.isWhitespace,
           !last.properties.isWhitespace, input.allSatisfy(isClean) {
            return message
        }
        var scalars = String.UnicodeScalarView()
        // A carriage return ends a line like a line feed does; it must not glue two lines together.
        let lines = message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for s in lines.unicodeScalars {
            if s == "\n" || s == "\t" {
                scalars.append(s)
            } else if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) {
                continue
            } else {
                scalars.append(s)
            }
        }
        return String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The outcome of one message: the new state and what to do.
public struct StepResult: Sendable, Hashable {
    /// The conversation's state after the message.
    public var state: ConversationState
    /// What to carry out, in order.
    public var effects: [Effect]

    /// Makes a result.
    public init(state: ConversationState, effects: [Effect]) {
        self.state = state
        self.effects = effects
    }

    /// The texts of the replies.
    public var replies: [String] {
        effects.compactMap { if case .reply(let s) = $0 { return s } else { return nil } }
    }

    /// The case filed in this step, if any.
    public var filing: CaseFiling? {
        effects.lazy.compactMap { if case .fileCase(let f) = $0 { return f } else { return nil } }.first
    }
}
