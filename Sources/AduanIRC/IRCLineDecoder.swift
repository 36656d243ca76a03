import NIOCore

/// Cuts the received byte stream into IRC lines: at LF, with a CR before it dropped (CR LF and
/// bare LF both end a line). A line longer than ``maximumLineLength`` without an LF is thrown
/// away up to its LF, so a misbehaving server cannot make the bot buffer without end.
///
/// The framing itself is ``nextLine(from:)``, pure over a `ByteBuffer`, so it is tested without
/// a channel: byte by byte, in random chunks and all at once.
struct IRCLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    /// The longest line kept, without its line ending: 8,191 bytes of tags plus 512 for the rest
    /// by default (IRCv3 message-tags).
    let maximumLineLength: Int
    /// Whether the bytes up to the next LF belong to an overlong line being thrown away.
    private(set) var discarding = false
    /// How many readable bytes were already searched for an LF.
    private var searched = 0
    /// How many overlong lines were thrown away.
    private(set) var discardedLines = 0

    init(maximumLineLength: Int = 8191 + 512) {
        self.maximumLineLength = maximumLineLength
    }

    /// The next complete line (without CR LF or LF), or nil until more bytes arrive.
    mutating func nextLine(from buffer: inout ByteBuffer) -> ByteBuffer? {
        while true {
            let view = buffer.readableBytesView
            let start = view.index(view.startIndex, offsetBy: min(searched, view.count))
            guard let newline = view[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                if view.count > maximumLineLength {
                    if !discarding { discardedLines += 1 }
                    discarding = true
                    buffer.moveReaderIndex(forwardBy: view.count)
                    searched = 0
                } else {
                    searched = view.count
                }
                return nil
            }
            let length = newline - view.startIndex
            searched = 0
            if discarding {
                buffer.moveReaderIndex(forwardBy: length + 1)
                discarding = false
                continue
            }
            if length > maximumLineLength {
                buffer.moveReaderIndex(forwardBy: length + 1)
                discardedLines += 1
                continue
            }
            var line = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            if line.readableBytesView.last == UInt8(ascii: "\r") {
                line.moveWriterIndex(to: line.writerIndex - 1)
            }
            return line
        }
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let line = nextLine(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        if let line = nextLine(from: &buffer) {
            context.fireChannelRead(Self.wrapInboundOut(line))
            return .continue
        }
        // The last line may lack its line ending (an `ERROR` right before the close).
        if !discarding, buffer.readableBytes > 0, var rest = buffer.readSlice(length: buffer.readableBytes) {
            if rest.readableBytesView.last == UInt8(ascii: "\r") { rest.moveWriterIndex(to: rest.writerIndex - 1) }
            context.fireChannelRead(Self.wrapInboundOut(rest))
        }
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }
}
