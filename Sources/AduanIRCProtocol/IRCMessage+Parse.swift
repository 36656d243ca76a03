extension IRCMessage {
    /// Parses one received line given as bytes, without its line ending (a trailing CR, CR LF
    /// or LF is tolerated and dropped).
    ///
    /// Follows the "Modern IRC" message format and the IRCv3 message-tags spec: tags are
    /// unescaped (the last of repeated keys wins), parts and middle parameters are separated by
    /// one or more spaces, a parameter starting with `:` is the trailing one and keeps its spaces
    /// and colons, and any number of parameters is accepted. Leading and trailing spaces are
    /// tolerated. Invalid UTF-8 is decoded with replacement characters. No length limit is
    /// applied: bounding line length is the connection's job.
    public static func parse(_ line: some Collection<UInt8>) throws(IRCParseError) -> IRCMessage {
        let bytes = Array(line)
        var end = bytes.count
        if end > 0 && bytes[end - 1] == IRCBytes.lf { end -= 1 }
        if end > 0 && bytes[end - 1] == IRCBytes.cr { end -= 1 }
        for offset in 0..<end where IRCBytes.isForbidden(bytes[offset]) {
            throw .forbiddenByte(bytes[offset], offset: offset)
        }

        var index = 0
        func skipSpaces() {
            while index < end && bytes[index] == IRCBytes.space { index += 1 }
        }
        func word() -> ArraySlice<UInt8> {
            let start = index
            while index < end && bytes[index] != IRCBytes.space { index += 1 }
            return bytes[start..<index]
        }

        skipSpaces()
        if index == end { throw .empty }

        var tags: [IRCTag] = []
        if bytes[index] == IRCBytes.at {
            index += 1
            tags = parseTags(word())
            skipSpaces()
        }

        var source: String?
        if index < end && bytes[index] == IRCBytes.colon {
            index += 1
            let sourceBytes = word()
            if sourceBytes.isEmpty { throw .emptySource }
            source = IRCBytes.string(sourceBytes)
            skipSpaces()
        }

        let verbBytes = word()
        if verbBytes.isEmpty { throw .missingVerb }
        guard IRCBytes.isValidVerb(verbBytes) else { throw .invalidVerb(IRCBytes.string(verbBytes)) }

        var params: [String] = []
        while true {
            skipSpaces()
            if index == end { break }
            if bytes[index] == IRCBytes.colon {
                params.append(IRCBytes.string(bytes[(index + 1)..<end]))
                break
            }
            params.append(IRCBytes.string(word()))
        }
        return IRCMessage(tags: tags, source: source, verb: IRCBytes.string(verbBytes), params: params)
    }

    /// Parses one received line given as a string (see the byte overload).
    public static func parse(_ line: String) throws(IRCParseError) -> IRCMessage {
        try parse(Array(line.utf8))
    }

    /// Splits `a=b;c;d=x\sy` into tags. Empty items (`a;;b`) and items with an empty key are
    /// skipped; tag keys are not otherwise checked on receipt.
    private static func parseTags(_ section: ArraySlice<UInt8>) -> [IRCTag] {
        var tags: [IRCTag] = []
        for item in section.split(separator: IRCBytes.semicolon, omittingEmptySubsequences: true) {
            let key: ArraySlice<UInt8>
            let value: String
            if let equals = item.firstIndex(of: IRCBytes.equals) {
                key = item[item.startIndex..<equals]
                value = IRCTag.unescape(item[(equals + 1)...])
            } else {
                key = item
                value = ""
            }
            if key.isEmpty { continue }
            tags.append(IRCTag(key: IRCBytes.string(key), value: value))
        }
        return tags
    }
}
