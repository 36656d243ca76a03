/// One IRC message: optional IRCv3 tags, an optional source, a command and its parameters.
///
/// ```
/// @time=2026-01-02T03:04:05Z :warga!w@host PRIVMSG #opd-pupr :jalan rusak di desa Kintamani
/// ```
///
/// Parse received lines with `parse(_:)` and write with
/// ``serialize()``. The trailing parameter is not special once parsed: it is just the last
/// element of ``params``. Two messages are equal when their tags (as a dictionary, in any order),
/// source, command and parameters are equal.
public struct IRCMessage: Sendable, Hashable, CustomStringConvertible {
    /// The tags in the order received or added, each key at most once.
    public private(set) var tagList: [IRCTag]
    /// The source without its leading `:` (`nick!user@host` or a server name), or `nil`.
    public var source: String?
    /// The command exactly as received (`PRIVMSG`, `privmsg`, `001`, …).
    public var verb: String
    /// The parameters; a trailing parameter is the last element, without its `:`.
    public var params: [String]

    /// Makes a message. When `tags` repeats a key, the last value wins, at the first key's place.
    public init(tags: [IRCTag] = [], source: String? = nil, verb: String, params: [String] = []) {
        self.tagList = []
        self.source = source
        self.verb = verb
        self.params = params
        for tag in tags { self[tag: tag.key] = tag.value }
    }

    /// Makes a message with tags from a dictionary (written in key order, for determinism).
    public init(tags: [String: String], source: String? = nil, verb: String, params: [String] = []) {
        self.init(tags: tags.sorted { $0.key < $1.key }.map { IRCTag(key: $0.key, value: $0.value) },
                  source: source, verb: verb, params: params)
    }

    /// The tags as a dictionary (unescaped values; `""` for a tag without a value).
    public var tags: [String: String] {
        Dictionary(tagList.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The value of one tag, or `nil`; setting `nil` removes it, setting a new key appends it.
    public subscript(tag key: String) -> String? {
        get { tagList.first { $0.key == key }?.value }
        set {
            if let index = tagList.firstIndex(where: { $0.key == key }) {
                if let newValue { tagList[index].value = newValue } else { tagList.remove(at: index) }
            } else if let newValue {
                tagList.append(IRCTag(key: key, value: newValue))
            }
        }
    }

    /// The source split into nick, user and host, or `nil` when there is no source.
    public var sourceParts: IRCSource? {
        source.map(IRCSource.init(parsing:))
    }

    /// A `PRIVMSG` to a channel or nick. Nothing is checked here: ``serialize()`` refuses a
    /// target or text that could inject another command; use ``IRCTextSplitter`` for long or
    /// multi-line text.
    public static func privmsg(target: String, text: String) -> IRCMessage {
        IRCMessage(verb: "PRIVMSG", params: [target, text])
    }

    /// A `NOTICE` to a channel or nick (see ``privmsg(target:text:)``).
    public static func notice(target: String, text: String) -> IRCMessage {
        IRCMessage(verb: "NOTICE", params: [target, text])
    }

    /// The message as it would be sent, or a description of why it cannot be.
    public var description: String {
        do {
            return IRCBytes.string(try serialize())
        } catch {
            return "<unsendable IRC message: \(error)>"
        }
    }

    /// Equal when tags (in any order), source, command and parameters are equal.
    public static func == (lhs: IRCMessage, rhs: IRCMessage) -> Bool {
        lhs.source == rhs.source && lhs.verb == rhs.verb && lhs.params == rhs.params && lhs.tags == rhs.tags
    }

    /// Hashes the same fields that ``==(_:_:)`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(tags)
        hasher.combine(source)
        hasher.combine(verb)
        hasher.combine(params)
    }
}
