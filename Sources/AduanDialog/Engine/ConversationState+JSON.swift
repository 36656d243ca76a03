import AduanWilayah

extension ConversationState {
    /// The state as JSON, the same document `JSONEncoder` writes (keys in declaration order, nil
    /// optionals left out), written directly: the runtime stores the state after every step and
    /// `JSONEncoder` cost as much as the dialog engine itself. `JSONDecoder` reads it back.
    public func json() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        out.append(UInt8(ascii: "{"))
        var first = true
        func key(_ name: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        if let language { key("language"); JSONWriter.string(language, into: &out) }
        if let current { key("current"); JSONWriter.string(current, into: &out) }
        key("values")
        out.append(UInt8(ascii: "{"))
        var firstValue = true
        for (name, value) in values {
            if !firstValue { out.append(UInt8(ascii: ",")) }
            firstValue = false
            JSONWriter.string(name, into: &out)
            out.append(UInt8(ascii: ":"))
            JSONWriter.value(value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
        key("trail")
        out.append(UInt8(ascii: "["))
        for (i, checkpoint) in trail.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array("{\"state\":".utf8))
            JSONWriter.string(checkpoint.state, into: &out)
            if let k = checkpoint.key {
                out.append(contentsOf: Array(",\"key\":".utf8))
                JSONWriter.string(k, into: &out)
            }
            if let previous = checkpoint.previous {
                out.append(contentsOf: Array(",\"previous\":".utf8))
                JSONWriter.value(previous, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        if let pending {
            key("pending")
            switch pending {
            case .choose(let places):
                out.append(contentsOf: Array("{\"choose\":{\"_0\":[".utf8))
                for (i, place) in places.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    JSONWriter.place(place, into: &out)
                }
                out.append(contentsOf: Array("]}}".utf8))
            case .desaIn(let kecamatan):
                out.append(contentsOf: Array("{\"desaIn\":{\"_0\":".utf8))
                JSONWriter.string(kecamatan, into: &out)
                out.append(contentsOf: Array("}}".utf8))
            }
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}

enum JSONWriter {
    static func value(_ value: CollectedValue, into out: inout [UInt8]) {
        func tagged(_ tag: String, _ body: (inout [UInt8]) -> Void) {
            out.append(contentsOf: Array("{\"\(tag)\":".utf8))
            body(&out)
            out.append(UInt8(ascii: "}"))
        }
        switch value {
        case .text(let s): tagged("text") { string(s, into: &$0) }
        case .choice(let s): tagged("choice") { string(s, into: &$0) }
        case .bool(let b): tagged("bool") { $0.append(contentsOf: Array((b ? "true" : "false").utf8)) }
        case .phone(let s): tagged("phone") { string(s, into: &$0) }
        case .number(let n): tagged("number") { $0.append(contentsOf: Array("\(n)".utf8)) }
        case .place(let p): tagged("place") { place(p, into: &$0) }
        }
    }

    static func place(_ place: Place, into out: inout [UInt8]) {
        out.append(contentsOf: Array("{\"kecamatan\":".utf8))
        string(place.kecamatan, into: &out)
        if let desa = place.desa {
            out.append(contentsOf: Array(",\"desa\":".utf8))
            string(desa, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
