import AduanCore
import AduanWilayah
import Foundation

/// The work of one message: a mutable copy of the conversation and the effects gathered so far.
struct Turn {
    let engine: DialogEngine
    var state: ConversationState
    let context: StepContext
    var effects: [Effect] = []
    var steps = 0

    init(engine: DialogEngine, state: ConversationState, context: StepContext) {
        self.engine = engine
        self.state = state
        self.context = context
    }

    var dialog: Dialog { engine.dialog }
    var language: String {
        if let l = state.language, dialog.languages.contains(l) { return l }
        return dialog.defaultLanguage
    }

    // MARK: - Saying things

    mutating func say(_ text: LocalizedText, extra: [String: String] = [:]) {
        let rendered = engine.render(text.text(in: language), language: language, values: state.values, extra: extra)
        if !rendered.isEmpty { effects.append(.reply(rendered)) }
    }

    mutating func say(_ key: SystemMessages.Key, extra: [String: String] = [:]) {
        say(dialog.messages[key], extra: extra)
    }

    /// Asks the current question again, or the pending location follow-up.
    mutating func reask() {
        guard let current = state.current, let st = dialog.state(current), case .question(let q) = st.kind else { return }
        switch state.pending {
        case .choose(let places):
            say(.locationAmbiguous, extra: ["options": Self.numbered(places.map(\.displayName))])
        case .desaIn(let kecamatan):
            say(.locationWhichDesa, extra: ["kecamatan": kecamatan])
        case nil:
            ask(q)
        }
    }

    mutating func ask(_ q: QuestionStep) {
        var text = engine.render(q.text.text(in: language), language: language, values: state.values, extra: [:])
        if case .choice(let source) = q.input {
            let labels = DialogEngine.options(source, catalog: engine.catalog).map { $0.text.text(in: language) }
            text += (text.isEmpty ? "" : "\n") + Self.numbered(labels)
        }
        effects.append(.reply(text))
    }

    static func numbered(_ items: [String]) -> String {
        items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
    }

    // MARK: - Commands

    mutating func apply(_ command: GlobalCommand) {
        switch command {
        case .cancel:
            let language = state.language
            state = .idle
            state.language = language
            say(.cancelled)
        case .restart:
            let language = state.language
            state = .idle
            state.language = language
            say(.restarted)
            run(from: dialog.start)
        case .back:
            if state.pending != nil {
                state.pending = nil
                reask()
            } else if let last = state.trail.popLast() {
                if let key = last.key {
                    state.values[key] = last.previous
                }
                state.current = last.state
                reask()
            } else if state.isActive {
                say(.backAtFirst)
                reask()
            } else {
                run(from: dialog.start)
            }
        case .help:
            say(.help)
            if state.isActive { reask() } else { run(from: dialog.start) }
        case .status(let tracking):
            effects.append(.showStatus(tracking: tracking))
            reask()
        case .language(let code):
            state.language = code
            say(.languageChanged)
            if state.isActive { reask() } else { run(from: dialog.start) }
        case .languageOptions:
            say(.languageOptions)
            reask()
        }
    }

    // MARK: - Answers

    mutating func answer(_ text: String, to q: QuestionStep, id: String) {
        switch q.input {
        case .text(let minLength, let maxLength):
            let length = text.count
            if length < minLength || text.isEmpty {
                if q.optional && AnswerParser.isSkip(text) { return skip(q, id: id) }
                retry(q, fallback: .retryTextTooShort, extra: ["min": String(minLength)])
            } else if length > maxLength {
                retry(q, fallback: .retryTextTooLong, extra: ["max": String(maxLength)])
            } else {
                accept(.text(text), for: q, id: id, next: q.next)
            }
        case .choice(let source):
            let (options, matcher) = engine.choices[id] ?? {
                let options = DialogEngine.options(source, catalog: engine.catalog)
                return (options, ChoiceMatcher(options))
            }()
            if let i = matcher.match(text) {
                accept(.choice(options[i].value), for: q, id: id, next: options[i].next ?? q.next)
            } else if q.optional && AnswerParser.isSkip(text) {
                skip(q, id: id)
            } else {
                retry(q, fallback: .retryChoice)
            }
        case .yesNo:
            if let yes = AnswerParser.yesNo(text) {
                accept(.bool(yes), for: q, id: id, next: q.next)
            } else if q.optional && AnswerParser.isSkip(text) {
                skip(q, id: id)
            } else {
                retry(q, fallback: .retryYesNo)
            }
        case .phone:
            if let phone = AnswerParser.phone(text) {
                accept(.phone(phone), for: q, id: id, next: q.next)
            } else if q.optional && AnswerParser.isSkip(text) {
                skip(q, id: id)
            } else {
                retry(q, fallback: .retryPhone)
            }
        case .number(let min, let max, let integer):
            if let n = AnswerParser.number(text), min.map({ n >= $0 }) ?? true, max.map({ n <= $0 }) ?? true,
               !integer || n == n.rounded() {
                accept(.number(n), for: q, id: id, next: q.next)
            } else if q.optional && AnswerParser.isSkip(text) {
                skip(q, id: id)
            } else {
                retry(q, fallback: .retryNumber)
            }
        case .location(let level):
            answerLocation(text, to: q, id: id, level: level)
        }
    }

    mutating func retry(_ q: QuestionStep, fallback: SystemMessages.Key, extra: [String: String] = [:]) {
        if let custom = q.retry {
            say(custom, extra: extra)
        } else {
            say(fallback, extra: extra)
        }
        ask(q)
    }

    mutating func accept(_ value: CollectedValue, for q: QuestionStep, id: String, next: String?) {
        state.trail.append(.init(state: id, key: q.save, previous: q.save.flatMap { state.values[$0] }))
        if let key = q.save { state.values[key] = value }
        state.pending = nil
        guard let next else {
            return fail("question \"\(id)\" has no \"next\" for this answer")
        }
        run(from: next)
    }

    mutating func skip(_ q: QuestionStep, id: String) {
        state.trail.append(.init(state: id, key: q.save, previous: q.save.flatMap { state.values[$0] }))
        if let key = q.save { state.values[key] = nil }
        state.pending = nil
        guard let next = q.next else {
            return fail("question \"\(id)\" has no \"next\"")
        }
        run(from: next)
    }

    mutating func answerLocation(_ text: String, to q: QuestionStep, id: String, level: QuestionInput.LocationLevel) {
        let resolver = engine.catalog.resolver
        guard text.count <= 200 else {
            state.pending = nil
            say(.locationNotFound)
            return ask(q)
        }
        switch state.pending {
        case .choose(let places):
            if let place = resolver.choose(text, among: places) {
                return take(.found(place), q: q, id: id, level: level)
            }
            let anywhere = resolver.resolve(text)
            if case .notFound(let suggestions) = anywhere, suggestions.isEmpty {
                // Neither one of the offered places (say "7" of two) nor any other place: offer the
                // same list again rather than dropping it.
                say(.retryChoice)
                return reask()
            }
            return take(anywhere, q: q, id: id, level: level)
        case .desaIn(let kecamatan):
            let inside = resolver.resolve(text, inKecamatan: kecamatan)
            guard case .notFound(let suggestions) = inside, suggestions.isEmpty else {
                return take(inside, q: q, id: id, level: level)
            }
            let anywhere = resolver.resolve(text)
            if case .notFound(let elsewhere) = anywhere, elsewhere.isEmpty {
                // Nothing like it anywhere: stay in the kecamatan the citizen already named.
                say(.locationNotFound)
                return say(.locationWhichDesa, extra: ["kecamatan": kecamatan])
            }
            return take(anywhere, q: q, id: id, level: level)
        case nil:
            break
        }
        take(resolver.resolve(text), q: q, id: id, level: level)
    }

    mutating func take(_ match: LocationMatch, q: QuestionStep, id: String, level: QuestionInput.LocationLevel) {
        switch match {
        case .found(let place):
            if place.desa == nil && level == .desa {
                state.pending = .desaIn(place.kecamatan)
                say(.locationWhichDesa, extra: ["kecamatan": place.kecamatan])
            } else {
                accept(.place(place), for: q, id: id, next: q.next)
            }
        case .kecamatanOnly(let kecamatan):
            if level == .kecamatan {
                accept(.place(Place(kecamatan: kecamatan, desa: nil)), for: q, id: id, next: q.next)
            } else {
                state.pending = .desaIn(kecamatan)
                say(.locationWhichDesa, extra: ["kecamatan": kecamatan])
            }
        case .ambiguous(let places):
            state.pending = .choose(places)
            say(.locationAmbiguous, extra: ["options": Self.numbered(places.map(\.displayName))])
        case .notFound(let suggestions):
            if suggestions.isEmpty {
                state.pending = nil
                say(.locationNotFound)
                ask(q)
            } else {
                state.pending = .choose(suggestions)
                say(.locationSuggestions, extra: ["options": Self.numbered(suggestions.map(\.displayName))])
            }
        }
    }

    // MARK: - Running states

    /// Runs from state `id` until a question waits for an answer or the dialog ends.
    mutating func run(from id: String) {
        var id = id
        while true {
            steps += 1
            if steps > dialog.maxStepsPerMessage {
                return fail("more than \(dialog.maxStepsPerMessage) states for one message (a loop through \"\(id)\"?)")
            }
            guard let st = dialog.state(id) else {
                return fail("unknown state \"\(id)\"")
            }
            switch st.kind {
            case .message(let m):
                say(m.text)
                id = m.next
            case .question(let q):
                state.current = st.id
                state.pending = nil
                ask(q)
                return
            case .branch(let b):
                id = b.rules.first { rule in holds(rule) }?.next ?? b.otherwise
            case .action(let a):
                switch a.action {
                case .fileCase(let fields):
                    guard fileCase(fields, stateID: st.id) else { return }
                }
                id = a.next
            case .end(let e):
                if let text = e.text { say(text) }
                let language = state.language
                state = .idle
                state.language = language
                return
            }
        }
    }

    func holds(_ rule: BranchRule) -> Bool {
        let value = state.values[rule.when]
        switch rule.test {
        case .isSet(let set): return (value != nil) == set
        case .equals(let s): return value?.matches(s) ?? false
        case .isOneOf(let list): return list.contains { value?.matches($0) ?? false }
        }
    }

    mutating func fileCase(_ fields: FileCaseFields, stateID: String) -> Bool {
        let catalog = engine.catalog
        guard case .choice(let categoryID)? = state.values[fields.category], let category = catalog.category(categoryID) else {
            fail("state \"\(stateID)\": file_case needs a category in \"\(fields.category)\"")
            return false
        }
        guard case .place(let place)? = state.values[fields.location] else {
            fail("state \"\(stateID)\": file_case needs a location in \"\(fields.location)\"")
            return false
        }
        guard let detailsValue = state.values[fields.details] else {
            fail("state \"\(stateID)\": file_case needs details in \"\(fields.details)\"")
            return false
        }
        let details = engine.display(detailsValue, key: fields.details, language: language)
        let privacy = self.privacy(fields)
        let anonymous = privacy == .anonymous
        var contact: String?
        // An anonymous case carries no contact, even one given before the citizen chose anonim
        // (or given through "change the phone number" afterwards).
        if !anonymous, let key = fields.contact, let value = state.values[key] {
            contact = engine.display(value, key: key, language: language)
        }
        let hours = catalog.responseHours(for: category)
        let due = context.responseDeadline(context.now, hours, category.opd)
        let tracking = context.nextTrackingNumber()
        effects.append(.fileCase(CaseFiling(
            tracking: tracking, category: category.id, opd: category.opd, place: place, details: details,
            contact: contact, language: language, confidential: category.sensitive || privacy != .normal,
            filedAt: context.now, dueAt: due, anonymous: anonymous)))
        state.values["tracking"] = .text(tracking.code)
        state.values["opd"] = .text(catalog.agencyNames[category.opd]?.text(in: language) ?? category.opd)
        state.values["response_time"] = .text(DateText.hours(hours, language: language, working: context.countsWorkingHours))
        state.values["due"] = .text(DateText.dateTime(due, timeZone: catalog.timeZone, language: language))
        state.trail = []
        return true
    }

    /// The citizen's privacy choice: the value `fields.privacy` names, or normal when the dialog
    /// has no privacy question, it was not answered, or its value is not a ``CasePrivacy`` (the
    /// validator refuses such options).
    func privacy(_ fields: FileCaseFields) -> CasePrivacy {
        guard let key = fields.privacy, case .choice(let value)? = state.values[key] else { return .normal }
        return CasePrivacy(rawValue: value) ?? .normal
    }

    /// Stops a broken script: tells the citizen, reports it, and resets the conversation.
    mutating func fail(_ problem: String) {
        effects.append(.scriptError("dialog \"\(dialog.id)\": " + problem))
        say(.scriptError)
        let language = state.language
        state = .idle
        state.language = language
    }
}
