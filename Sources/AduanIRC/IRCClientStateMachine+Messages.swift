import AduanIRCProtocol

/// Channels, nick changes and chat messages.
extension IRCClientStateMachine {
    /// `JOIN`: the bot's own joins are the channels it is in (and show its `user@host`).
    mutating func receivedJoin(_ message: IRCMessage) -> [IRCClientAction] {
        guard let source = message.sourceParts, let channel = message.params.first else { return [] }
        guard isOwn(source.nick) else {
            guard session.joined[fold(channel)] != nil else { return [] }
            let accountsKnown = session.capabilities.contains("account-tag")
            let account = accountsKnown ? message[tag: "account"].flatMap { $0.isEmpty || $0 == "*" ? nil : $0 } : nil
            return [.arrival(arrival(in: channel, nick: source.nick, account: account, accountsKnown: accountsKnown))]
        }
        learnOwnSource(source)
        session.joined[fold(channel)] = channel
        var actions: [IRCClientAction] = [.log(.info, "joined \(channel)")]
        // Who is in already, with their accounts (WHOX), so they are checked as arrivals are.
        actions += whoMembers(of: channel)
        return actions
    }

    /// `WHO #channel %tcna,717` (members with their accounts) where the server tells accounts
    /// and knows WHOX; nothing otherwise.
    private func whoMembers(of channel: String) -> [IRCClientAction] {
        guard session.capabilities.contains("account-tag"), session.support["WHOX"] != nil else { return [] }
        return [.send(IRCMessage(verb: "WHO", params: [channel, "%tcna,\(Self.whoToken)"]))]
    }

    private func arrival(in channel: String, nick: String, account: String?, accountsKnown: Bool) -> IRCChannelArrival {
        IRCChannelArrival(channel: channel, nick: nick, account: account, accountsKnown: accountsKnown,
                          identity: account.map { IRCIdentityBook.identity(account: $0, caseMapping: session.support.caseMapping) })
    }

    /// `MODE #channel +o aduan`: the bot became a channel operator, so it can now remove the
    /// outsiders it could not before: it looks at the members again.
    mutating func receivedMode(_ message: IRCMessage) -> [IRCClientAction] {
        let params = message.params
        guard params.count >= 3, let channel = session.joined[fold(params[0])], params[1].hasPrefix("+"),
              params[1].contains("o"), params.dropFirst(2).contains(where: { isOwn($0) }) else { return [] }
        return whoMembers(of: channel)
    }

    /// The token of the bot's `WHO` for the members of a channel it joined.
    static let whoToken = "717"

    /// `354` (WHOX) for the bot's `WHO #channel %tcna`: a member who was in the channel before
    /// the bot, reported as an arrival (account `0` means not logged in).
    mutating func receivedWhox(_ message: IRCMessage) -> [IRCClientAction] {
        let params = message.params
        guard params.count >= 5, params[1] == Self.whoToken, !isOwn(params[3]),
              let channel = session.joined[fold(params[2])] else { return [] }
        let account = params[4] == "0" || params[4].isEmpty ? nil : params[4]
        return [.arrival(arrival(in: channel, nick: params[3], account: account, accountsKnown: true))]
    }

    /// `PART`: the bot left a channel.
    mutating func receivedPart(_ message: IRCMessage) -> [IRCClientAction] {
        guard isOwn(message.sourceParts?.nick), let channel = message.params.first else { return [] }
        session.joined[fold(channel)] = nil
        return [.log(.info, "left \(channel)")]
    }

    /// `KICK`: when the bot is kicked from a configured channel, it rejoins after a delay.
    mutating func receivedKick(_ message: IRCMessage) -> [IRCClientAction] {
        guard message.params.count >= 2, isOwn(message.params[1]) else { return [] }
        let channel = message.params[0]
        session.joined[fold(channel)] = nil
        let by = message.sourceParts?.nick ?? "?"
        var actions: [IRCClientAction] = [.log(.warning, "kicked from \(channel) by \(by): \(message.params.count > 2 ? message.params[2] : "")")]
        if configuration.channels.contains(where: { fold($0.name) == fold(channel) }) {
            actions.append(.scheduleRejoin(channel: channel, after: configuration.rejoinDelay))
        }
        return actions
    }

    /// `NICK`: the bot's own nick, or a user the bot shares a channel with, changed nick.
    mutating func receivedNick(_ message: IRCMessage) -> [IRCClientAction] {
        guard let old = message.sourceParts?.nick, let new = message.params.first, !new.isEmpty else { return [] }
        if isOwn(old) {
            session.nick = new
            return [.log(.info, "now known as \(new)")]
        }
        identities.renamed(from: old, to: new, caseMapping: session.support.caseMapping)
        return []
    }

    /// `PRIVMSG`: a chat message to the bot or in one of its channels, a CTCP request, or the
    /// server echoing the bot's own message.
    mutating func receivedPrivmsg(_ message: IRCMessage) -> [IRCClientAction] {
        guard isRegistered, message.params.count >= 2, let source = message.sourceParts, !source.nick.isEmpty else {
            return []
        }
        if isOwn(source.nick) {
            // echo-message: the server shows how it relays the bot.
            learnOwnSource(source)
            return []
        }
        if source.looksLikeServer { return [] }
        let target = message.params[0]
        let text = message.params[message.params.count - 1]
        if CTCP(text: text) != nil {
            if let reply = CTCP.reply(to: message, version: configuration.version) {
                return [.send(reply)]
            }
            return []
        }
        let channel: String?
        if session.support.caseMapping.equals(target, session.nick) {
            channel = nil
        } else if let joined = session.joined[fold(target)] {
            channel = joined
        } else {
            return [.log(.debug, "ignored a message to \(target)")]
        }
        let cleaned = IRCFormatting.strip(text)
        guard cleaned.contains(where: { !$0.isWhitespace }) else { return [] }
        let tagsOn = session.capabilities.contains("account-tag")
        let account = tagsOn ? message[tag: "account"].flatMap { $0.isEmpty || $0 == "*" ? nil : $0 } : nil
        let identity = identities.identity(nick: source.nick, account: account, accountTagsEnabled: tagsOn,
                                           caseMapping: session.support.caseMapping)
        // The line as the server relayed it (without tags): a client cuts a long text into lines that fill it.
        let relayedBytes = 1 + (message.source?.utf8.count ?? 0) + " PRIVMSG ".utf8.count + target.utf8.count + " :".utf8.count
            + text.utf8.count
        return [.deliver(IRCChatMessage(identity: identity, nick: source.nick, channel: channel, text: cleaned, account: account,
                                        relayedBytes: relayedBytes))]
    }

    mutating func learnOwnSource(_ source: IRCSource) {
        if let user = source.user, let host = source.host {
            session.user = user
            session.host = host
        }
    }
}
