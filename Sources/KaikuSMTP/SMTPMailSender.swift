import Foundation
import KaikuCore
import NIOCore
import NIOSSL

/// The live `MailSender`: one SMTP session per e-mail, on the event loops
/// Kaiku already runs (Vapor's `app.eventLoopGroup`).
///
/// A connection per message keeps the sender stateless, so a dropped or
/// timed-out session cannot poison the next send; Kaiku's volume (answers,
/// reminders, reports) is far too low for connection reuse to matter.
public struct SMTPMailSender: MailSender {
    public let configuration: SMTPConfiguration
    private let group: EventLoopGroup
    private let sender: SMTPAddress
    /// Built once: loading the trust store is the slow part of TLS setup.
    private let tlsContext: NIOSSLContext?

    /// Validates the configuration and loads the TLS trust roots; throws
    /// `SMTPError.invalidConfiguration` (or `.authenticationRequiresEncryption`
    /// for credentials without TLS), so a bad setup fails at start-up.
    public init(configuration: SMTPConfiguration, eventLoopGroup: EventLoopGroup) throws {
        self.configuration = configuration
        self.group = eventLoopGroup
        guard !configuration.host.isEmpty, (1...65535).contains(configuration.port) else {
            throw SMTPError.invalidConfiguration("host must be set and port be 1–65535")
        }
        guard (configuration.username == nil) == (configuration.password == nil) else {
            throw SMTPError.invalidConfiguration("set both username and password, or neither")
        }
        guard SMTPConfiguration.isValidHeloName(configuration.heloName) else {
            throw SMTPError.invalidConfiguration("HELO name '\(configuration.heloName)' is not a host name")
        }
        if configuration.username != nil, configuration.security == .none {
            throw SMTPError.authenticationRequiresEncryption
        }
        do {
            sender = try SMTPAddress(
                address: configuration.fromAddress, displayName: configuration.fromName, field: "from")
        } catch let error as SMTPError {
            throw SMTPError.invalidConfiguration("from address: \(error)")
        }
        switch configuration.security {
        case .none:
            tlsContext = nil
        case .startTLS, .tls:
            var tls = TLSConfiguration.makeClientConfiguration()  // full certificate and host name verification
            if let file = configuration.trustedCertificatesFile {
                tls.trustRoots = .file(file)
            }
            do {
                tlsContext = try NIOSSLContext(configuration: tls)
            } catch {
                throw SMTPError.invalidConfiguration("TLS setup failed (trusted certificates file?): \(error)")
            }
        }
    }

    public func send(_ email: OutgoingEmail) async throws {
        // Everything that can be checked offline is checked before connecting.
        let message = try SMTPMessage(email, from: sender)
        let connection = try await SMTPConnection.open(
            host: configuration.host, port: configuration.port, group: group,
            timeout: TimeAmount(configuration.timeout),
            implicitTLS: configuration.security == .tls ? tls : nil)
        do {
            try await deliver(message, over: connection)
        } catch {
            // Say goodbye if the server still listens; the error is what counts.
            _ = try? await connection.command("QUIT", label: "QUIT")
            await connection.close()
            throw error
        }
        // The message is accepted once DATA ends with 250; a failed QUIT
        // after that must not make the caller send it a second time.
        _ = try? await connection.command("QUIT", label: "QUIT")
        await connection.close()
    }

    private func deliver(_ message: SMTPMessage, over connection: SMTPConnection) async throws {
        try await connection.reply(awaiting: "greeting").require(220...220, after: "greeting")
        var extensions = try await hello(connection)

        if configuration.security == .startTLS {
            guard extensions["STARTTLS"] != nil else { throw SMTPError.startTLSNotOffered }
            try await connection.command("STARTTLS", label: "STARTTLS").require(220...220, after: "STARTTLS")
            try await connection.startTLS(tls)
            // RFC 3207 §4.2: forget what the server said before TLS, ask again.
            extensions = try await hello(connection)
        }

        if let username = configuration.username, let password = configuration.password {
            try await SMTPAuthenticator(username: username, password: password).authenticate(
                over: connection, offered: extensions["AUTH"])
        }

        try await connection.command("MAIL FROM:<\(message.sender.address)>", label: "MAIL FROM")
            .require(200...299, after: "MAIL FROM")
        try await connection.command("RCPT TO:<\(message.recipient.address)>", label: "RCPT TO")
            .require(200...299, after: "RCPT TO")
        try await connection.command("DATA", label: "DATA").require(354...354, after: "DATA")
        try await connection.send(message.dataPayload, awaiting: "end of data").require(200...299, after: "end of data")
    }

    /// EHLO, and its extension list. Falls back to HELO when the server does
    /// not know EHLO, but only when no extension is needed anyway.
    private func hello(_ connection: SMTPConnection) async throws -> [String: [String]] {
        let reply = try await connection.command("EHLO \(configuration.heloName)", label: "EHLO")
        if (500...502).contains(reply.code), configuration.security == .none, configuration.username == nil {
            try await connection.command("HELO \(configuration.heloName)", label: "HELO").require(200...299, after: "HELO")
            return [:]
        }
        try reply.require(200...299, after: "EHLO")
        return reply.extensions
    }

    private var tls: SMTPConnection.TLS {
        // tlsContext exists whenever security asks for TLS (see init).
        let host = configuration.host
        let isIPLiteral = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        return SMTPConnection.TLS(context: tlsContext!, serverHostname: isIPLiteral ? nil : host)
    }
}
