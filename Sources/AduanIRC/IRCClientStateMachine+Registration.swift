import AduanIRCProtocol

/// Registration: capabilities, SASL, nick collisions, the welcome.
extension IRCClientStateMachine {
    /// `CAP LS`, `ACK`, `NAK`, `NEW`, `DEL`.
    mutating func receivedCapability(_ message: IRCMessage) -> [IRCClientAction] {
        guard message.params.count >= 3 else { return [] }
        let list = Self.capabilityTokens(message.params[message.params.count - 1])
        switch message.params[1].uppercased() {
        case "LS":
            guard case .registering(var registration) = state, case .listing(var offered) = registration.capabilities else {
                return []
            }
            for (name, value) in list { offered[name] = value }
            let more = message.params.count >= 4 && message.params[2] == "*"
            if more {
                registration.capabilities = .listing(offered: offered)
                state = .registering(registration)
                return []
            }
            let wanted = configuration.wantedCapabilities.filter { name in
                guard let value = offered[name] else { return false }
                if name == "sasl" {
                    return configuration.sasl != nil && (value.isEmpty || value.split(separator: ",").contains("PLAIN"))
                }
                return true
            }
            var actions: [IRCClientAction] = [.log(.debug, "server offers: \(offered.keys.sorted().joined(separator: " "))")]
            if configuration.sasl != nil && !wanted.contains("sasl") {
                actions.append(.log(.error, "SASL is configured but the server offers no SASL PLAIN; continuing without an account"))
            }
            if wanted.isEmpty {
                registration.capabilities = .ended
                state = .registering(registration)
                actions.append(.send(IRCMessage(verb: "CAP", params: ["END"])))
            } else {
                registration.capabilities = .requested
                state = .registering(registration)
                actions.append(.send(IRCMessage(verb: "CAP", params: ["REQ", wanted.joined(separator: " ")])))
            }
            return actions
        case "ACK":
            for (name, _) in list {
                if name.hasPrefix("-") {
                    session.capabilities.remove(String(name.dropFirst()))
                } else {
                    session.capabilities.insert(name)
                }
            }
            guard case .registering(var registration) = state, registration.capabilities == .requested else { return [] }
            if let sasl = configuration.sasl, session.capabilities.contains("sasl") {
                registration.capabilities = .authenticating
                state = .registering(registration)
                return [.log(.debug, "logging in to account \(sasl.account) with SASL PLAIN"),
                        .send(IRCMessage(verb: "AUTHENTICATE", params: ["PLAIN"]))]
            }
            return endCapabilities(log: .log(.debug, "capabilities enabled: \(session.capabilities.sorted().joined(separator: " "))"))
        case "NAK":
            guard case .registering(let registration) = state, registration.capabilities == .requested else { return [] }
            return endCapabilities(log: .log(.warning, "server refused capabilities: \(message.params.last ?? "")"))
        case "NEW":
            let wanted = configuration.wantedCapabilities.filter { $0 != "sasl" && list[$0] != nil && !session.capabilities.contains($0) }
            return wanted.isEmpty ? [] : [.send(IRCMessage(verb: "CAP", params: ["REQ", wanted.joined(separator: " ")]))]
        case "DEL":
            for (name, _) in list { session.capabilities.remove(name) }
            return [.log(.info, "server withdrew capabilities: \(list.keys.sorted().joined(separator: " "))")]
        default:
            return []
        }
    }

    /// `AUTHENTICATE +`: the server is ready for the credentials.
    mutating func receivedAuthenticate(_ message: IRCMessage) -> [IRCClientAction] {
        guard case .registering(let registration) = state, registration.capabilities == .authenticating,
              message.params.first == "+", let sasl = configuration.sasl else { return [] }
        return SASLPlain.chunks(account: sasl.account, password: sasl.password).map {
            .send(IRCMessage(verb: "AUTHENTICATE", params: [$0]))
        }
    }

    /// Ends capability negotiation (once) with `CAP END`.
    mutating func endCapabilities(log: IRCClientAction) -> [IRCClientAction] {
        guard case .registering(var registration) = state, registration.capabilities != .ended else { return [log] }
        registration.capabilities = .ended
        state = .registering(registration)
        return [log, .send(IRCMessage(verb: "CAP", params: ["END"]))]
    }

    /// `421`: a server that does not know `CAP` registers without it; one that does not know
    /// `ISON` cannot say who is online.
    mutating func receivedUnknownCommand(_ message: IRCMessage) -> [IRCClientAction] {
        if message.params.count >= 2, message.params[1].uppercased() == "ISON" {
            return [.online(nil), .log(.warning, "the server does not know ISON: messages to citizens are sent without knowing whether they are online")]
        }
        guard message.params.count >= 2, message.params[1].uppercased() == "CAP",
              case .registering(var registration) = state else { return [] }
        registration.capabilities = .ended
        state = .registering(registration)
        return [.log(.info, "server does not support CAP; registering without capabilities")]
    }

    /// `432`/`433`/`436`/`437`: the nick is refused. While registering, the next candidate is
    /// tried: `nick_`, `nick__`, then up to six characters of the nick with three random digits.
    mutating func receivedNickRefused(_ message: IRCMessage) -> [IRCClientAction] {
        guard case .registering(var registration) = state else {
            return [.log(.debug, "nick \(message.params.dropFirst().first ?? "?") refused: \(message.params.last ?? "")")]
        }
        registration.nickAttempt += 1
        let base = configuration.nick
        let next: String
        switch registration.nickAttempt {
        case 1: next = base + "_"
        case 2: next = base + "__"
        default: next = String(base.prefix(6)) + randomDigits(3)
        }
        state = .registering(registration)
        let refused = session.nick
        session.nick = next
        return [.log(.warning, "nick \(refused) refused (\(message.verb)); trying \(next)"),
                .send(IRCMessage(verb: "NICK", params: [next]))]
    }

    /// `001`: registered. Learns the nick (and `user@host` when the welcome text ends with
    /// `nick!user@host`), then joins the channels.
    mutating func receivedWelcome(_ message: IRCMessage) -> [IRCClientAction] {
        guard case .registering = state else { return [] }
        if let nick = message.params.first, !nick.isEmpty, nick != "*" { session.nick = nick }
        if let last = message.params.last?.split(separator: " ").last, last.contains("!"), last.contains("@") {
            let source = IRCSource(parsing: String(last))
            if session.support.caseMapping.equals(source.nick, session.nick) {
                session.user = source.user
                session.host = source.host
            }
        }
        state = .registered
        var actions: [IRCClientAction] = [.registered(nick: session.nick),
                                          .log(.info, "registered as \(session.nick)")]
        if session.nick != configuration.nick {
            actions.append(.log(.warning, "the nick \(configuration.nick) is taken; using \(session.nick) and asking for \(configuration.nick) again every minute"))
        }
        actions += Self.joinMessages(for: configuration.channels).map { .send($0) }
        return actions
    }

    /// `name[=value]` tokens of a capability list.
    static func capabilityTokens(_ list: String) -> [String: String] {
        var tokens: [String: String] = [:]
        for token in list.split(separator: " ") {
            if let equals = token.firstIndex(of: "=") {
                tokens[String(token[..<equals])] = String(token[token.index(after: equals)...])
            } else {
                tokens[String(token)] = ""
            }
        }
        return tokens
    }
}
