extension IRCMessage {
    /// Writes the message for the wire, without the CR LF that ends it.
    ///
    /// Tag values are escaped (so CR and LF inside them are harmless); tags without a value are
    /// written as bare keys. The last parameter is written as a trailing parameter (`:`) only
    /// when it must be: when it is empty, contains a space or starts with `:`.
    ///
    /// Throws instead of writing anything unsafe: a CR, LF or NUL in the source, command or any
    /// parameter (NUL in a tag value), an invalid command or tag key, a source that is empty or
    /// has a space, or a parameter other than the last one that is empty, has a space or starts
    /// with `:`. Text typed by a citizen therefore can never end the line and inject a command.
    public func serialize() throws(IRCSerializeError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + params.reduce(0) { $0 + $1.utf8.count + 1 })

        if !tagList.isEmpty {
            out.append(IRCBytes.at)
            for (number, tag) in tagList.enumerated() {
                guard IRCTag.isValidKey(tag.key) else { throw .invalidTagKey(tag.key) }
                if tag.value.utf8.contains(IRCBytes.nul) {
                    throw .forbiddenCharacter(.tag(tag.key), byte: IRCBytes.nul)
                }
                if number > 0 { out.append(IRCBytes.semicolon) }
                out.append(contentsOf: tag.key.utf8)
                if !tag.value.isEmpty {
                    out.append(IRCBytes.equals)
                    IRCTag.escape(tag.value, into: &out)
                }
            }
            out.append(IRCBytes.space)
        }

        if let source {
            try Self.checkForbidden(source, part: .source)
            if source.isEmpty || source.utf8.contains(IRCBytes.space) { throw .invalidSource(source) }
            out.append(IRCBytes.colon)
            out.append(contentsOf: source.utf8)
            out.append(IRCBytes.space)
        }

        try Self.checkForbidden(verb, part: .verb)
        guard IRCBytes.isValidVerb(verb.utf8) else { throw .invalidVerb(verb) }
        out.append(contentsOf: verb.utf8)

        for (index, param) in params.enumerated() {
            try Self.checkForbidden(param, part: .parameter(index))
            let bytes = param.utf8
            let needsTrailing = bytes.isEmpty || bytes.contains(IRCBytes.space) || bytes.first == IRCBytes.colon
            out.append(IRCBytes.space)
            if needsTrailing {
                guard index == params.count - 1 else { throw .invalidMiddleParameter(index: index, param) }
                out.append(IRCBytes.colon)
            }
            out.append(contentsOf: bytes)
        }
        return out
    }

    /// The serialized message as a string (see ``serialize()``).
    public func serializedString() throws(IRCSerializeError) -> String {
        IRCBytes.string(try serialize())
    }

    private static func checkForbidden(_ text: String, part: IRCMessagePart) throws(IRCSerializeError) {
        if let byte = text.utf8.first(where: IRCBytes.isForbidden) {
            throw .forbiddenCharacter(part, byte: byte)
        }
    }
}
