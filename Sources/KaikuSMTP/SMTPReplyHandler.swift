import NIOCore
import NIOSSL

/// The end of the pipeline: frames the server's bytes into lines, lines into
/// replies, and hands each reply to the command that waits for it, in order.
///
/// It holds the conversation's failure state too. Once anything goes wrong
/// (timeout, closed connection, TLS error, garbage) every waiting and every
/// later request fails with that one error and the channel is closed, so a
/// broken session can never be mistaken for a working one.
/// Used only on the channel's event loop.
final class SMTPReplyHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    /// RFC 5321 §4.5.3.1.5 allows 512 octets a reply line; the slack is for
    /// servers that exceed it, the cap for peers that never send a line end.
    static let maximumLineLength = 8192
    /// No honest reply has more lines than this (EHLO lists ~20 extensions).
    static let maximumReplyLines = 200

    private let timeout: TimeAmount
    private var context: ChannelHandlerContext?
    private var input = ByteBuffer()
    private var partialLines: [String] = []
    private var partialCode: Int?
    /// Replies that arrived before anyone asked; normally only the greeting.
    private var unclaimed = CircularBuffer<SMTPReply>()
    private var waiters = CircularBuffer<(label: String, promise: EventLoopPromise<SMTPReply>)>()
    private var timeoutTask: Scheduled<Void>?
    private var failure: SMTPError?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        fail(.connectionClosed(reason: "SMTP reply handler removed"))
    }

    /// The next reply, whenever it comes. `label` names what is awaited
    /// ("greeting", "RCPT TO") for the timeout error.
    func nextReply(label: String, promise: EventLoopPromise<SMTPReply>) {
        if let failure {
            promise.fail(failure)
        } else if let reply = unclaimed.popFirst() {
            promise.succeed(reply)
        } else {
            waiters.append((label, promise))
            if waiters.count == 1 { armTimeout() }
        }
    }

    /// Whether the server sent anything not yet asked for. Checked at the
    /// STARTTLS switch: plaintext sent after "220 ready" would otherwise be
    /// read as if it came through TLS (the response-injection attack of
    /// CVE-2011-0411's family).
    var hasUnreadInput: Bool {
        !unclaimed.isEmpty || input.readableBytes > 0 || !partialLines.isEmpty
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard failure == nil else { return }
        var bytes = unwrapInboundIn(data)
        input.writeBuffer(&bytes)
        do {
            while let newline = input.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                let length = newline - input.readerIndex
                var line = input.readString(length: length) ?? ""
                input.moveReaderIndex(forwardBy: 1)
                if line.hasSuffix("\r") { line.removeLast() }
                try receive(line: Substring(line))
            }
            if input.readableBytes > Self.maximumLineLength {
                throw SMTPError.protocolViolation("reply line longer than \(Self.maximumLineLength) bytes")
            }
            input.discardReadBytes()
        } catch {
            fail(error as? SMTPError ?? .protocolViolation("\(error)"))
        }
    }

    private func receive(line: Substring) throws {
        let (code, isLast, text) = try SMTPReply.parseLine(line)
        if let partialCode, partialCode != code {
            throw SMTPError.protocolViolation("reply lines with mixed codes \(partialCode) and \(code)")
        }
        partialCode = code
        partialLines.append(text)
        guard partialLines.count <= Self.maximumReplyLines else {
            throw SMTPError.protocolViolation("reply with more than \(Self.maximumReplyLines) lines")
        }
        guard isLast else { return }
        let reply = SMTPReply(code: code, lines: partialLines)
        partialLines.removeAll()
        partialCode = nil
        if let waiter = waiters.popFirst() {
            timeoutTask?.cancel()
            timeoutTask = nil
            if !waiters.isEmpty { armTimeout() }
            waiter.promise.succeed(reply)
        } else {
            unclaimed.append(reply)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.connectionClosed(reason: "the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        fail(Self.describe(error))
    }

    /// Ends the conversation: every waiter fails with `error`, as does every
    /// later request, and the connection closes. The first failure wins, since
    /// the later ones are usually its echoes (closing after a timeout, say).
    func fail(_ error: SMTPError) {
        if failure == nil { failure = error }
        timeoutTask?.cancel()
        timeoutTask = nil
        while let waiter = waiters.popFirst() {
            waiter.promise.fail(failure ?? error)
        }
        context?.close(promise: nil)
    }

    private func armTimeout() {
        guard let context, let label = waiters.first?.label else { return }
        timeoutTask = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.fail(.timedOut(waitingFor: label))
        }
    }

    /// Errors from further down the pipeline (NIOSSL, the socket) in the
    /// vocabulary of `SMTPError`, so callers need to know only one type.
    static func describe(_ error: Error) -> SMTPError {
        switch error {
        case let error as SMTPError: error
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError: .tlsFailed(reason: "\(error)")
        default: .connectionClosed(reason: "\(error)")
        }
    }
}
