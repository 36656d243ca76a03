import AduanCore

/// One run of ``DialogValidator`` over one dialog.
struct DialogCheck {
    let dialog: Dialog
    let catalog: Catalog?
    var reporter: DiagnosticReporter

    /// Which question (and so which input type) saves each value name.
    private var producers: [String: [(state: String, input: QuestionInput)]] = [:]
    private var stateIDs: [String] = []

    init(dialog: Dialog, catalog: Catalog?, reporter: DiagnosticReporter) {
        self.dialog = dialog
        self.catalog = catalog
        self.reporter = reporter
    }

    static func statePath(_ index: Int) -> [JSONPathComponent] { [.key("states"), .index(index)] }

    mutating func run() {
        stateIDs = dialog.states.map(\.id)
        for state in dialog.states {
            if case .question(let q) = state.kind, let key = q.save {
                producers[key, default: []].append((state.id, q.input))
            }
        }
        checkTopLevel()
        checkMessages()
        for (i, state) in dialog.states.enumerated() {
            checkState(state, index: i)
        }
        checkGraph()
        checkValuesInFlow()
    }

    // MARK: - Top level

    mutating func checkTopLevel() {
        reporter.unknownFields(at: [], allowed: Dialog.fields, what: "the dialog")
        if dialog.id.trimmingCharacters(in: .whitespaces).isEmpty {
            reporter.error("the dialog needs an \"id\"", at: [.key("id")])
        }
        if !dialog.languages.contains("id") {
            reporter.error("\"languages\" must include \"id\" (Bahasa Indonesia)", at: [.key("languages")])
        }
        var seen: Set<String> = []
        for (i, language) in dialog.languages.enumerated() where !seen.insert(language).inserted {
            reporter.error("language \"\(language)\" is listed twice", at: [.key("languages"), .index(i)])
        }
        if dialog.maxStepsPerMessage < 1 {
            reporter.error("\"max_steps_per_message\" must be at least 1", at: [.key("limits"), .key("max_steps_per_message")])
        }
        reporter.unknownFields(at: [.key("limits")], allowed: ["max_steps_per_message"], what: "the limits")
        for (name, words) in dialog.commandOverrides {
            if !CommandWords.names.contains(name) {
                reporter.error("unknown command \"\(name)\"; the commands are: " + CommandWords.names.joined(separator: ", "),
                               at: [.key("commands"), .key(name)],
                               hint: DiagnosticReporter.didYouMean(name, among: CommandWords.names), atKey: true)
            } else if words.isEmpty {
                reporter.error("command \"\(name)\" needs at least one word", at: [.key("commands"), .key(name)])
            }
        }
        var seenIDs: [String: Int] = [:]
        for (i, state) in dialog.states.enumerated() {
            if state.id.isEmpty {
                reporter.error("a state needs a non-empty \"id\"", at: Self.statePath(i) + [.key("id")])
            } else if let first = seenIDs[state.id] {
                reporter.error("state id \"\(state.id)\" is used twice (first at states[\(first)])",
                               at: Self.statePath(i) + [.key("id")], state: state.id)
            } else {
                seenIDs[state.id] = i
            }
        }
        if dialog.states.isEmpty {
            reporter.error("the dialog has no states", at: [.key("states")])
        } else if dialog.state(dialog.start) == nil {
            reporter.error("the start state \"\(dialog.start)\" does not exist", at: [.key("start")],
                           hint: DiagnosticReporter.didYouMean(dialog.start, among: stateIDs))
        }
        if !dialog.states.contains(where: { if case .end = $0.kind { return true } else { return false } }) {
            reporter.error("the dialog has no \"end\" state, so no conversation can finish", at: [.key("states")])
        }
    }

    mutating func checkMessages() {
        let keys = SystemMessages.Key.allCases.map(\.rawValue)
        for key in SystemMessages.Key.allCases where dialog.messages.texts[key.rawValue] == nil {
            reporter.error("missing the standard message \"\(key.rawValue)\"", at: [.key("messages")])
        }
        for (name, text) in dialog.messages.texts.sorted(by: { $0.key < $1.key }) {
            let path: [JSONPathComponent] = [.key("messages"), .key(name)]
            guard let key = SystemMessages.Key(rawValue: name) else {
                reporter.error("unknown message \"\(name)\"", at: path, hint: DiagnosticReporter.didYouMean(name, among: keys),
                               atKey: true)
                continue
            }
            checkLanguages(text, at: path, state: nil)
            let allowed = key.values + Catalog.builtinValues
            for placeholder in Self.placeholders(text) where !allowed.contains(placeholder.name) {
                reporter.error("message \"\(name)\" cannot use {{\(placeholder.name)}}"
                               + (key.values.isEmpty ? "" : "; it may use " + key.values.map { "{{\($0)}}" }.joined(separator: ", ")),
                               at: path, hint: DiagnosticReporter.didYouMean(placeholder.name, among: allowed))
            }
        }
    }

    // MARK: - States

    mutating func checkState(_ state: DialogState, index: Int) {
        let path = Self.statePath(index)
        reporter.unknownFields(at: path, allowed: state.allowedFields, state: state.id, what: "a \(state.typeName) state")
        for (target, _, relative) in state.targets where dialog.state(target) == nil {
            reporter.error("unknown state \"\(target)\"", at: path + relative, state: state.id,
                           hint: DiagnosticReporter.didYouMean(target, among: stateIDs))
        }
        switch state.kind {
        case .message(let m):
            checkLanguages(m.text, at: path + [.key("text")], state: state.id)
        case .end(let e):
            if let text = e.text { checkLanguages(text, at: path + [.key("text")], state: state.id) }
        case .question(let q):
            checkQuestion(q, state: state.id, path: path)
        case .branch(let b):
            checkBranch(b, state: state.id, path: path)
        case .action(let a):
            reporter.unknownFields(at: path + [.key("case")], allowed: FileCaseFields.fieldNames,
                                   state: state.id, what: "the case fields")
            if case .fileCase(let fields) = a.action {
                checkFileCase(fields, state: state.id, path: path + [.key("case")])
            }
        }
    }

    mutating func checkQuestion(_ q: QuestionStep, state: String, path: [JSONPathComponent]) {
        checkLanguages(q.text, at: path + [.key("text")], state: state)
        if let retry = q.retry { checkLanguages(retry, at: path + [.key("retry")], state: state) }
        reporter.unknownFields(at: path + [.key("input")], allowed: q.input.allowedFields, state: state, what: "the input")
        if let key = q.save {
            let reserved = Catalog.builtinValues + ActionStep.fileCaseOutputs
            if reserved.contains(key) {
                reporter.error("\"\(key)\" is a name the bot fills in itself; save the answer under another name",
                               at: path + [.key("save")], state: state)
            }
        }
        switch q.input {
        case .text(let minLength, let maxLength):
            if minLength < 0 || maxLength < 1 || minLength > maxLength {
                reporter.error("\"min_length\" (\(minLength)) must be between 0 and \"max_length\" (\(maxLength))",
                               at: path + [.key("input")], state: state)
            }
        case .number(let min, let max, _):
            if let min, let max, min > max {
                reporter.error("\"min\" is larger than \"max\"", at: path + [.key("input")], state: state)
            }
        case .choice(.options(let options)):
            let optionsPath = path + [.key("input"), .key("options")]
            if options.isEmpty {
                reporter.error("a choice needs at least one option", at: optionsPath, state: state)
            }
            var values: Set<String> = []
            for (i, option) in options.enumerated() {
                let optionPath = optionsPath + [.index(i)]
                reporter.unknownFields(at: optionPath, allowed: ChoiceOption.fields, state: state, what: "an option")
                checkLanguages(option.text, at: optionPath + [.key("text")], state: state)
                if !values.insert(option.value).inserted {
                    reporter.error("option value \"\(option.value)\" is used twice", at: optionPath + [.key("value")], state: state)
                }
                if option.next == nil && q.next == nil {
                    reporter.error("option \"\(option.value)\" has no target: give it a \"next\", or give the question one",
                                   at: optionPath, state: state)
                }
            }
        case .choice(.fromCatalog(let source)):
            if !QuestionInput.catalogSources.contains(source) {
                reporter.error("unknown list \"\(source)\"; a choice can take its options from: "
                               + QuestionInput.catalogSources.joined(separator: ", "),
                               at: path + [.key("input"), .key("options_from")], state: state,
                               hint: DiagnosticReporter.didYouMean(source, among: QuestionInput.catalogSources))
            } else if let catalog, (catalog.options(from: source) ?? []).isEmpty {
                reporter.error("the bot configuration has no \(source)", at: path + [.key("input"), .key("options_from")], state: state)
            }
        case .yesNo, .phone, .location:
            break
        }
        if q.next == nil && !isChoiceWithOptions(q.input) {
            reporter.error("missing required field \"next\"", at: path, state: state)
        }
    }

    private func isChoiceWithOptions(_ input: QuestionInput) -> Bool {
        if case .choice(.options(let options)) = input, !options.isEmpty { return true }
        return false
    }

    mutating func checkBranch(_ b: BranchStep, state: String, path: [JSONPathComponent]) {
        for (i, rule) in b.rules.enumerated() {
            let rulePath = path + [.key("rules"), .index(i)]
            reporter.unknownFields(at: rulePath, allowed: BranchRule.fields, state: state, what: "a rule")
            guard let sources = producers[rule.when] else {
                let known = Array(producers.keys).sorted()
                reporter.error("no question saves a value named \"\(rule.when)\"", at: rulePath + [.key("when")], state: state,
                               hint: DiagnosticReporter.didYouMean(rule.when, among: known))
                continue
            }
            for value in rule.comparedValues {
                for source in sources {
                    if let problem = comparisonProblem(value, input: source.input) {
                        reporter.error("\"\(rule.when)\" (saved by \"\(source.state)\") \(problem)",
                                       at: rulePath, state: state)
                    }
                }
            }
        }
    }

    /// Why `value` can never equal an answer to `input`, if it cannot.
    func comparisonProblem(_ value: Scalar, input: QuestionInput) -> String? {
        switch input {
        case .yesNo:
            if case .bool = value { return nil }
            return "is a yes/no answer: compare it with true or false, not \(value)"
        case .number:
            if case .number = value { return nil }
            return "is a number: compare it with a number, not \(value)"
        case .choice(let source):
            guard case .text(let text) = value else { return "is a choice: compare it with an option's \"value\", not \(value)" }
            let options: [ChoiceOption]
            switch source {
            case .options(let list): options = list
            case .fromCatalog(let name):
                guard let catalog, let list = catalog.options(from: name) else { return nil }
                options = list
            }
            let values = options.map(\.value)
            if values.contains(text) { return nil }
            let hint = DiagnosticReporter.didYouMean(text, among: values).map { " (\($0))" } ?? ""
            return "has no option \"\(text)\"\(hint); its options are: " + values.joined(separator: ", ")
        case .text, .phone, .location:
            if case .text = value { return nil }
            return "is a text: compare it with a text, not \(value)"
        }
    }

    mutating func checkFileCase(_ fields: FileCaseFields, state: String, path: [JSONPathComponent]) {
        for (field, name) in fields.named {
            guard let sources = producers[name] else {
                reporter.error("no question saves a value named \"\(name)\"", at: path + [.key(field)], state: state,
                               hint: DiagnosticReporter.didYouMean(name, among: Array(producers.keys).sorted()))
                continue
            }
            for source in sources {
                let fits: Bool
                switch (field, source.input) {
                case ("category", .choice(.fromCatalog("categories"))): fits = true
                case ("location", .location): fits = true
                case ("details", .text): fits = true
                case ("contact", .phone), ("contact", .text): fits = true
                case ("privacy", .choice(.options)): fits = true
                default: fits = false
                }
                if !fits {
                    let wanted = ["category": "a choice with \"options_from\": \"categories\"",
                                  "location": "a location question", "details": "a text question",
                                  "contact": "a phone question",
                                  "privacy": "a choice with the options " + Self.privacyValues][field] ?? ""
                    reporter.error("\"\(field)\" must come from \(wanted), but \"\(name)\" is saved by \"\(source.state)\", a \(source.input.typeName) question",
                                   at: path + [.key(field)], state: state)
                } else if field == "privacy", case .choice(.options(let options)) = source.input {
                    checkPrivacyOptions(options, name: name, question: source.state, state: state, at: path + [.key(field)])
                }
            }
        }
    }

    /// `"biasa", "rahasia", "anonim"`: the option values a privacy question may have.
    static let privacyValues = CasePrivacy.optionValues.map { "\"\($0)\"" }.joined(separator: ", ")

    /// A privacy question's options must be some of ``CasePrivacy``'s values: any other value
    /// would be filed as a normal case although the citizen picked it for a reason.
    mutating func checkPrivacyOptions(_ options: [ChoiceOption], name: String, question: String, state: String,
                                      at path: [JSONPathComponent]) {
        let allowed = CasePrivacy.optionValues
        let others = options.map(\.value).filter { !allowed.contains($0) }
        guard let first = others.first else { return }
        let listed = others.map { "\"\($0)\"" }.joined(separator: ", ")
        reporter.error("\"privacy\" names \"\(name)\", saved by \"\(question)\", whose option"
                       + (others.count == 1 ? " " : "s ") + listed + (others.count == 1 ? " is" : " are")
                       + " not allowed; a privacy question's options may only be " + Self.privacyValues
                       + " (normal, confidential, anonymous)",
                       at: path, state: state, hint: DiagnosticReporter.didYouMean(first, among: allowed))
    }

    mutating func checkLanguages(_ text: LocalizedText, at path: [JSONPathComponent], state: String?) {
        for language in dialog.languages where (text.translations[language] ?? "").isEmpty {
            let name = language == "id" ? "Bahasa Indonesia (\"id\")" : "\"\(language)\""
            reporter.error("the text in \(name) is missing", at: path, state: state)
        }
        for language in text.translations.keys.sorted() where !dialog.languages.contains(language) {
            reporter.error("text in \"\(language)\", which is not in \"languages\"", at: path + [.key(language)], state: state,
                           hint: DiagnosticReporter.didYouMean(language, among: dialog.languages), atKey: true)
        }
    }

    // MARK: - The graph

    mutating func checkGraph() {
        guard dialog.state(dialog.start) != nil else { return }
        var reachable: Set<String> = [dialog.start]
        var queue = [dialog.start]
        while let id = queue.popLast() {
            for (target, _, _) in dialog.state(id)?.targets ?? [] where dialog.state(target) != nil {
                if reachable.insert(target).inserted { queue.append(target) }
            }
        }
        // States from which an end can be reached: walk the edges backwards from every end.
        var predecessors: [String: [String]] = [:]
        for state in dialog.states {
            for (target, _, _) in state.targets { predecessors[target, default: []].append(state.id) }
        }
        var finishing: Set<String> = Set(dialog.states.compactMap { if case .end = $0.kind { return $0.id } else { return nil } })
        queue = Array(finishing)
        while let id = queue.popLast() {
            for p in predecessors[id] ?? [] where finishing.insert(p).inserted { queue.append(p) }
        }
        for (i, state) in dialog.states.enumerated() {
            if !reachable.contains(state.id) {
                reporter.error("unreachable: no state leads here from the start \"\(dialog.start)\"",
                               at: Self.statePath(i) + [.key("id")], state: state.id)
            } else if !finishing.contains(state.id) {
                reporter.error("no way to an end from here: every path loops without reaching an \"end\" state",
                               at: Self.statePath(i) + [.key("id")], state: state.id)
            }
        }
    }

    // MARK: - Values along the flow

    /// Which values are certainly collected when each state is entered (a "must" analysis over
    /// every path from the start), then checks each template and each case field against it.
    /// A branch rule that only holds for a given value (`equals`, `is_one_of`, `is_set: true`)
    /// counts it as collected on the way to its `next`.
    mutating func checkValuesInFlow() {
        guard dialog.state(dialog.start) != nil else { return }
        let saved = Set(producers.keys)
        let hasFileCase = dialog.states.contains { if case .action = $0.kind { return true } else { return false } }
        let everything = saved.union(ActionStep.fileCaseOutputs)
        var entry: [String: Set<String>] = [:]
        for state in dialog.states { entry[state.id] = everything }
        entry[dialog.start] = []
        var changed = true
        var predecessorsOut: [String: [Set<String>]] = [:]
        while changed {
            changed = false
            predecessorsOut = [:]
            for state in dialog.states {
                guard let inSet = entry[state.id] else { continue }
                var out = inSet
                switch state.kind {
                case .question(let q):
                    if let key = q.save, !q.optional { out.insert(key) }
                case .action(let a):
                    if case .fileCase = a.action { out.formUnion(ActionStep.fileCaseOutputs) }
                default: break
                }
                if case .branch(let b) = state.kind {
                    for rule in b.rules where dialog.state(rule.next) != nil {
                        let given: Bool
                        switch rule.test {
                        case .equals, .isOneOf: given = true
                        case .isSet(let set): given = set
                        }
                        predecessorsOut[rule.next, default: []].append(given ? out.union([rule.when]) : out)
                    }
                    if dialog.state(b.otherwise) != nil { predecessorsOut[b.otherwise, default: []].append(out) }
                } else {
                    for (target, _, _) in state.targets where dialog.state(target) != nil {
                        predecessorsOut[target, default: []].append(out)
                    }
                }
            }
            for state in dialog.states where state.id != dialog.start {
                let incoming = predecessorsOut[state.id] ?? []
                let newSet = incoming.isEmpty ? everything : incoming.dropFirst().reduce(incoming[0]) { $0.intersection($1) }
                if newSet != entry[state.id] {
                    entry[state.id] = newSet
                    changed = true
                }
            }
            if let startIncoming = predecessorsOut[dialog.start], !startIncoming.isEmpty {
                // The start may be re-entered (ulang); it is checked with nothing collected anyway.
                entry[dialog.start] = []
            }
        }
        let known = Array(saved.union(Catalog.builtinValues).union(hasFileCase ? Set(ActionStep.fileCaseOutputs) : [])).sorted()
        for (i, state) in dialog.states.enumerated() {
            let available = (entry[state.id] ?? []).union(Catalog.builtinValues)
            let path = Self.statePath(i)
            for (text, relative) in texts(of: state) {
                for placeholder in Template.placeholders(in: text) {
                    checkPlaceholder(placeholder, available: available, known: known, state: state.id, at: path + relative)
                }
            }
            if case .action(let a) = state.kind, case .fileCase(let fields) = a.action {
                // A contact and a privacy choice may be missing: the case is filed without a contact,
                // or normally (a sensitive category is confidential anyway).
                for (field, name) in fields.named
                where !["contact", "privacy"].contains(field) && producers[name] != nil && !available.contains(name) {
                    reporter.error("\"\(name)\" may not be collected yet when the case is filed here (some path skips it)",
                                   at: path + [.key("case"), .key(field)], state: state.id)
                }
            }
        }
    }

    mutating func checkPlaceholder(_ p: Template.Placeholder, available: Set<String>, known: [String], state: String,
                                   at path: [JSONPathComponent]) {
        if !known.contains(p.name) {
            reporter.error("{{\(p.name)}} is not a value any question saves", at: path, state: state,
                           hint: DiagnosticReporter.didYouMean(p.name, among: known))
        } else if p.fallback == nil && !available.contains(p.name) {
            reporter.error("{{\(p.name)}} may not be collected yet when this is said (some path here skips it); "
                           + "move the text after the question, or give a fallback: {{\(p.name)|…}}",
                           at: path, state: state)
        }
    }

    /// The texts a state shows, with their paths relative to the state.
    func texts(of state: DialogState) -> [(String, [JSONPathComponent])] {
        var result: [(String, [JSONPathComponent])] = []
        func add(_ text: LocalizedText?, _ path: [JSONPathComponent]) {
            guard let text else { return }
            for (language, value) in text.translations.sorted(by: { $0.key < $1.key }) {
                result.append((value, path + [.key(language)]))
            }
        }
        switch state.kind {
        case .message(let m): add(m.text, [.key("text")])
        case .end(let e): add(e.text, [.key("text")])
        case .question(let q):
            add(q.text, [.key("text")])
            add(q.retry, [.key("retry")])
            if case .choice(.options(let options)) = q.input {
                for (i, o) in options.enumerated() { add(o.text, [.key("input"), .key("options"), .index(i), .key("text")]) }
            }
        case .branch, .action: break
        }
        return result
    }

    static func placeholders(_ text: LocalizedText) -> [Template.Placeholder] {
        text.translations.keys.sorted().flatMap { Template.placeholders(in: text.translations[$0] ?? "") }
    }
}
