/// Cuts a received byte stream into lines at LF, dropping a CR before it.
///
/// Bytes are buffered until a line is complete, so a UTF-8 sequence or a CR LF pair split across
/// two reads is handled. Empty lines are returned too (callers normally skip them).
public struct IRCLineBuffer: Sendable {
    private var buffer: [UInt8] = []
    /// Where the next line starts.
    private var start = 0
    /// Where to resume looking for LF (bytes before it, from `start`, hold none).
    private var searchFrom = 0

    /// Makes an empty buffer.
    public init() {}

    /// Adds received bytes.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            searchFrom -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete line without its CR LF (or LF), or `nil` until one is complete.
    public mutating func nextLine() -> [UInt8]? {
        guard let lf = buffer[max(start, searchFrom)...].firstIndex(of: IRCBytes.lf) else {
            searchFrom = buffer.count
            return nil
        }
        var end = lf
        if end > start && buffer[end - 1] == IRCBytes.cr { end -= 1 }
        let line = Array(buffer[start..<end])
        start = lf + 1
        searchFrom = start
        return line
    }

    /// At the end of the stream: the last line if it had no line ending (its trailing CR
    /// dropped), or `nil`. The buffer is empty afterwards.
    public mutating func finish() -> [UInt8]? {
        defer {
            buffer = []
            start = 0
            searchFrom = 0
        }
        guard start < buffer.count else { return nil }
        var end = buffer.count
        if buffer[end - 1] == IRCBytes.cr { end -= 1 }
        return Array(buffer[start..<end])
    }

    /// The number of buffered bytes not yet returned as a line.
    public var pendingByteCount: Int {
        buffer.count - start
    }
}
