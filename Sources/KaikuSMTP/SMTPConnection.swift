import NIOCore
import NIOPosix
import NIOSSL

/// One open SMTP connection, driven from async code: write a line, await the
/// reply. Every touch of the pipeline hops onto the channel's event loop,
/// where `SMTPReplyHandler` lives; this value itself is freely shareable.
struct SMTPConnection: Sendable {
    /// The TLS settings for one connection: the shared context (trust roots
    /// loaded once per sender) and the name to check the certificate against.
    struct TLS: Sendable {
        let context: NIOSSLContext
        /// nil for an IP literal: SNI cannot carry one, and NIOSSL then
        /// checks the certificate against the peer's address instead.
        let serverHostname: String?
    }

    private let channel: Channel
    private let replies: NIOLoopBound<SMTPReplyHandler>

    /// Connects; with `implicitTLS` the TLS handshake starts at once (port
    /// 465), otherwise the connection is plaintext until `startTLS`.
    static func open(
        host: String, port: Int, group: EventLoopGroup, timeout: TimeAmount, implicitTLS: TLS?
    ) async throws -> SMTPConnection {
        guard let bootstrap = ClientBootstrap(validatingGroup: group) else {
            throw SMTPError.invalidConfiguration("the event loop group cannot open TCP connections")
        }
        let channel: Channel
        do {
            channel = try await bootstrap
                .connectTimeout(timeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let pipeline = channel.pipeline.syncOperations
                        if let tls = implicitTLS {
                            try pipeline.addHandler(
                                NIOSSLClientHandler(context: tls.context, serverHostname: tls.serverHostname))
                        }
                        try pipeline.addHandler(SMTPReplyHandler(timeout: timeout))
                    }
                }
                .connect(host: host, port: port)
                .get()
        } catch ChannelError.connectTimeout(_) {
            throw SMTPError.timedOut(waitingFor: "the connection to \(host):\(port)")
        } catch {
            let described = SMTPReplyHandler.describe(error)
            if case .connectionClosed = described {
                throw SMTPError.connectionFailed(host: host, port: port, reason: "\(error)")
            }
            throw described
        }
        let replies = try await channel.eventLoop.submit {
            NIOLoopBound(
                try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self),
                eventLoop: channel.eventLoop)
        }.get()
        return SMTPConnection(channel: channel, replies: replies)
    }

    private init(channel: Channel, replies: NIOLoopBound<SMTPReplyHandler>) {
        self.channel = channel
        self.replies = replies
    }

    /// Waits for a reply without sending anything: the greeting.
    func reply(awaiting label: String) async throws -> SMTPReply {
        try await write(nil, awaiting: label)
    }

    /// Sends one command line (CRLF is added) and returns the server's reply.
    /// `label` names the step in errors; it must not contain secrets, which
    /// is why it is separate from the line itself.
    func command(_ line: String, label: String) async throws -> SMTPReply {
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line)
        buffer.writeString("\r\n")
        return try await write(buffer, awaiting: label)
    }

    /// Sends raw bytes, e.g. the dot-stuffed message after DATA.
    func send(_ bytes: ByteBuffer, awaiting label: String) async throws -> SMTPReply {
        try await write(bytes, awaiting: label)
    }

    /// Puts TLS under the conversation after the server's "220" to STARTTLS.
    /// The handler goes first in the pipeline so that every later byte,
    /// both ways, passes through it; the reply handler carries on unchanged.
    func startTLS(_ tls: TLS) async throws {
        let channel = self.channel
        let replies = self.replies
        try await channel.eventLoop.submit {
            if replies.value.hasUnreadInput {
                let error = SMTPError.protocolViolation("the server sent data after agreeing to STARTTLS")
                replies.value.fail(error)
                throw error
            }
            do {
                let handler = try NIOSSLClientHandler(context: tls.context, serverHostname: tls.serverHostname)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            } catch {
                let failure = SMTPReplyHandler.describe(error)
                replies.value.fail(failure)
                throw failure
            }
        }.get()
    }

    /// Closes the connection; errors no longer matter at this point.
    func close() async {
        try? await channel.close().get()
    }

    private func write(_ bytes: ByteBuffer?, awaiting label: String) async throws -> SMTPReply {
        let channel = self.channel
        let replies = self.replies
        // The waiter is registered before the bytes leave, so a fast reply
        // cannot race past it and the timeout covers the whole exchange.
        return try await channel.eventLoop.flatSubmit {
            let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
            replies.value.nextReply(label: label, promise: promise)
            if let bytes {
                channel.writeAndFlush(bytes).whenFailure { error in
                    replies.value.fail(SMTPReplyHandler.describe(error))
                }
            }
            return promise.futureResult
        }.get()
    }
}
