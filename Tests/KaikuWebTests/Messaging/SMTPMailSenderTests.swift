import Foundation
import KaikuCore
import NIOCore
import NIOPosix
import XCTest

@testable import KaikuWeb
@testable import KaikuSMTP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `SMTPMailSender` against a real SMTP server: Tests/system/smtp_sink.py
/// (aiosmtpd) runs as a child process on a free loopback port, and each
/// received message is checked as Python's e-mail package decodes it, so the
/// encoding is judged by an independent implementation, not by our own.
///
/// A missing python3/aiosmtpd/openssl fails these tests (never skips them):
/// run scripts/setup-test-deps.sh.
final class SMTPMailSenderTests: XCTestCase {
    private var sinks: SMTPSinks?
    private var scratch: URL { sinks?.scratch ?? URL(fileURLWithPath: "/nonexistent") }
    private let group = MultiThreadedEventLoopGroup.singleton

    override func setUpWithError() throws {
        sinks = try SMTPSinks(prefix: "kaiku-smtp")
    }

    override func tearDown() {
        sinks?.stopAll()
        super.tearDown()
    }

    // MARK: - Delivery

    func testMonthlyReportArrivesAsPlainTextAndHTMLAlternatives() async throws {
        let sink = try startSink()
        let sender = try SMTPMailSender(configuration: configuration(port: sink.port, security: .none), eventLoopGroup: group)
        let report = MonthlyReport.sample()
        let email = report.email(to: "esihenkilo@example.fi", catalogue: try Catalogue.load())
        try await sender.send(email)

        let message = try sink.onlyMessage().message
        XCTAssertEqual(message.defects, [], "Python's parser found defects in the message")
        XCTAssertTrue(message.headers["Content-Type"]?.hasPrefix("multipart/alternative; boundary=") ?? false, "\(message.headers)")
        XCTAssertEqual(message.headers["Subject"], "Yksikkö A: asiakaspalaute, marraskuu 2026")
        XCTAssertEqual(message.headers["List-Unsubscribe"], "<\(report.unsubscribeLink)>")
        let parts = try XCTUnwrap(message.parts)
        XCTAssertEqual(parts.map(\.contentType), ["text/plain", "text/html"], "plain text first: clients show the last one they can")
        XCTAssertEqual(parts[0].body.replacingOccurrences(of: "\r\n", with: "\n"), email.body)
        XCTAssertEqual(parts[1].body.replacingOccurrences(of: "\r\n", with: "\n"), email.html)
    }

    func testPlainDeliveryKeepsEnvelopeHeadersAndBody() async throws {
        let sink = try startSink()
        let sender = try SMTPMailSender(configuration: configuration(port: sink.port, security: .none), eventLoopGroup: group)
        let subject = "Vastaus palautteeseesi: hämärä katuvalo – åtgärd på gång, öljyä ja ÄÖÅ pitkässä otsikossa"
        let body = """
            Hei Matti,

            kiitos palautteestasi. Käsittelijä: Åsa Öberg, ympäristötoimi.
            .
            .piste rivin alussa
            ..kaksi pistettä
            Yhtäsuuruus = merkki ja välilyönti rivin lopussa\u{20}
            \(String(repeating: "pitkä rivi ilman rivinvaihtoa, ", count: 12))loppu
            Ystävällisin terveisin
            Kaiku

            """
        try await sender.send(OutgoingEmail(
            to: "matti.meikalainen@example.fi", subject: subject, body: body, replyTo: "kirjaamo@aanekoski.example"))

        let stored = try sink.onlyMessage()
        XCTAssertEqual(stored.mailFrom, "palaute@kaiku.example")
        XCTAssertEqual(stored.recipients, ["matti.meikalainen@example.fi"])
        XCTAssertFalse(stored.tls)
        let message = stored.message
        XCTAssertEqual(message.defects, [], "Python's parser found defects in the message")
        XCTAssertEqual(message.headers["Subject"], subject)
        XCTAssertEqual(message.from?.displayName, "Kaiku – Äänekosken palaute")
        XCTAssertEqual(message.from?.address, "palaute@kaiku.example")
        XCTAssertEqual(message.to?.address, "matti.meikalainen@example.fi")
        XCTAssertEqual(message.replyTo?.address, "kirjaamo@aanekoski.example")
        XCTAssertEqual(message.headers["MIME-Version"], "1.0")
        XCTAssertEqual(message.headers["Content-Type"], "text/plain; charset=\"utf-8\"")
        XCTAssertEqual(message.headers["Content-Transfer-Encoding"], "quoted-printable")
        XCTAssertNotNil(message.headers["Date"])
        let messageID = try XCTUnwrap(message.headers["Message-ID"])
        XCTAssertTrue(messageID.hasPrefix("<") && messageID.hasSuffix("@kaiku.example>"), messageID)
        XCTAssertEqual(message.body?.replacingOccurrences(of: "\r\n", with: "\n"), body)

        // On the wire: 7-bit, CRLF only, short lines, encoded words, and the
        // lone "." line arrived as content instead of ending DATA.
        XCTAssertTrue(stored.raw.allSatisfy { $0 < 0x80 }, "the message must be 7-bit ASCII")
        let raw = String(decoding: stored.raw, as: UTF8.self)
        XCTAssertFalse(raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF in the message")
        for line in raw.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 78, "line too long: \(line)")
        }
        XCTAssertTrue(raw.contains("Subject: =?UTF-8?B?"), raw)
        XCTAssertTrue(raw.contains("\r\n.\r\n.piste rivin alussa\r\n..kaksi"), raw)
    }

    func testStartTLSWithAuthPlainAndWrongPassword() async throws {
        let certificate = try makeCertificate()
        let sink = try startSink([
            "--starttls-cert", certificate.cert, "--starttls-key", certificate.key, "--auth", "kaiku-bot:sala:sana ö",
        ])
        let email = OutgoingEmail(to: "asiakas@example.se", subject: "Återkoppling på din respons", body: "Hej!\nTack.\n")

        let wrong = try SMTPMailSender(
            configuration: configuration(
                host: "localhost", port: sink.port, security: .startTLS,
                username: "kaiku-bot", password: "väärä", trust: certificate.cert),
            eventLoopGroup: group)
        let refusal = await sendError(wrong, email)
        XCTAssertEqual(refusal?.code, 535, "\(String(describing: refusal))")
        XCTAssertEqual(refusal?.isTransient, false)
        XCTAssertEqual(try sink.messages().count, 0)

        let sender = try SMTPMailSender(
            configuration: configuration(
                host: "localhost", port: sink.port, security: .startTLS,
                username: "kaiku-bot", password: "sala:sana ö", trust: certificate.cert),
            eventLoopGroup: group)
        try await sender.send(email)

        let stored = try sink.onlyMessage()
        XCTAssertTrue(stored.tls, "the message must have travelled over TLS")
        XCTAssertEqual(stored.authenticatedAs, "kaiku-bot")
        XCTAssertEqual(stored.authMechanism, "PLAIN")
        XCTAssertEqual(stored.recipients, ["asiakas@example.se"])
        XCTAssertEqual(stored.message.headers["Subject"], "Återkoppling på din respons")
        XCTAssertEqual(stored.message.body?.replacingOccurrences(of: "\r\n", with: "\n"), "Hej!\nTack.\n")
        XCTAssertEqual(stored.message.defects, [])
    }

    func testImplicitTLSWithAuthLoginWhenPlainIsNotOffered() async throws {
        let certificate = try makeCertificate()
        let sink = try startSink([
            "--tls-cert", certificate.cert, "--tls-key", certificate.key,
            "--auth", "kaiku:salasana", "--auth-mechanisms", "LOGIN",
        ])
        // An IP address as host: the certificate is checked against its IP entry.
        let sender = try SMTPMailSender(
            configuration: configuration(
                port: sink.port, security: .tls, username: "kaiku", password: "salasana", trust: certificate.cert),
            eventLoopGroup: group)
        try await sender.send(OutgoingEmail(to: "raportit@example.fi", subject: "Viikkoraportti", body: "Liitteenä."))

        let stored = try sink.onlyMessage()
        XCTAssertTrue(stored.tls)
        XCTAssertEqual(stored.authMechanism, "LOGIN")
        XCTAssertEqual(stored.authenticatedAs, "kaiku")
        XCTAssertEqual(stored.message.body?.replacingOccurrences(of: "\r\n", with: "\n"), "Liitteenä.\n")
    }

    // MARK: - Failures

    func testCertificateOfUnknownIssuerIsRefused() async throws {
        let certificate = try makeCertificate()
        let sink = try startSink(["--starttls-cert", certificate.cert, "--starttls-key", certificate.key])
        // Default trust: the system store, which does not know the test's CA.
        let sender = try SMTPMailSender(
            configuration: configuration(host: "localhost", port: sink.port, security: .startTLS),
            eventLoopGroup: group)
        let error = await sendError(sender, OutgoingEmail(to: "a@example.fi", subject: "s", body: "b"))
        guard case .tlsFailed = error else { return XCTFail("expected tlsFailed, got \(String(describing: error))") }
        XCTAssertEqual(error?.isTransient, false)
        XCTAssertEqual(try sink.messages().count, 0)
    }

    func testStartTLSIsNotSilentlySkipped() async throws {
        let sink = try startSink()  // plaintext only
        let sender = try SMTPMailSender(
            configuration: configuration(port: sink.port, security: .startTLS), eventLoopGroup: group)
        let error = await sendError(sender, OutgoingEmail(to: "a@example.fi", subject: "s", body: "b"))
        XCTAssertEqual(error, .startTLSNotOffered)
        XCTAssertEqual(try sink.messages().count, 0)
    }

    func testPlaintextInjectedAfterSTARTTLSIsRefused() async throws {
        // A man in the middle appends a reply to the server's "220": were it
        // kept, it would later be read as if it had come through TLS.
        let server = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ScriptedSMTPServer(answers: [
                        "EHLO": "250-fake.example\r\n250 STARTTLS\r\n",
                        "STARTTLS": "220 2.0.0 Ready\r\n250-fake.example\r\n250 AUTH PLAIN\r\n",
                        "QUIT": "221 bye\r\n",
                    ]))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try XCTUnwrap(server.localAddress?.port)
        let sender = try SMTPMailSender(configuration: configuration(port: port, security: .startTLS), eventLoopGroup: group)
        let error = await sendError(sender, OutgoingEmail(to: "a@example.fi", subject: "s", body: "b"))
        try await server.close()
        guard case .protocolViolation(let detail) = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue(detail.contains("STARTTLS"), detail)
        XCTAssertEqual(error?.isTransient, false)
    }

    func testRejectedRecipientIsPermanentError() async throws {
        let sink = try startSink()
        let sender = try SMTPMailSender(configuration: configuration(port: sink.port, security: .none), eventLoopGroup: group)
        let error = await sendError(sender, OutgoingEmail(to: "reject@example.fi", subject: "Hei", body: "b"))
        XCTAssertEqual(error?.code, 550, "\(String(describing: error))")
        XCTAssertEqual(error?.isTransient, false)
        guard case .rejected(let command, _, let text) = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(command, "RCPT TO")
        XCTAssertTrue(text.contains("reject@example.fi"), text)
        XCTAssertEqual(try sink.messages().count, 0)
    }

    func testTemporaryRefusalIsTransient() async throws {
        let sink = try startSink()
        let sender = try SMTPMailSender(configuration: configuration(port: sink.port, security: .none), eventLoopGroup: group)
        let error = await sendError(sender, OutgoingEmail(to: "tempfail@example.fi", subject: "Hei", body: "b"))
        XCTAssertEqual(error?.code, 451)
        XCTAssertEqual(error?.isTransient, true)
    }

    func testLineBreaksInHeaderFieldsAreRefusedBeforeConnecting() async throws {
        // Nothing listens on this port: had the sender connected, the error
        // would be connectionFailed, not invalidMessage.
        let port = try SMTPSink.freeLoopbackPort()
        let sender = try SMTPMailSender(configuration: configuration(port: port, security: .none), eventLoopGroup: group)
        let attempts: [(field: String, email: OutgoingEmail)] = [
            ("subject", OutgoingEmail(to: "a@example.fi", subject: "Hei\r\nBcc: uhri@example.com", body: "b")),
            ("subject", OutgoingEmail(to: "a@example.fi", subject: "Hei\nBcc: uhri@example.com", body: "b")),
            ("to", OutgoingEmail(to: "a@example.fi\r\nBcc: uhri@example.com", subject: "Hei", body: "b")),
            ("replyTo", OutgoingEmail(to: "a@example.fi", subject: "Hei", body: "b", replyTo: "x@example.fi\rBcc: y@z.fi")),
        ]
        for attempt in attempts {
            let error = await sendError(sender, attempt.email)
            guard case .invalidMessage(let field, let reason) = error else {
                XCTFail("expected invalidMessage for \(attempt.field), got \(String(describing: error))")
                continue
            }
            XCTAssertEqual(field, attempt.field)
            XCTAssertTrue(reason.contains("line break"), reason)
            XCTAssertEqual(error?.isTransient, false)
        }
    }

    func testSilentServerTimesOutAndRefusedConnectionFails() async throws {
        // A listener that accepts and never greets.
        let silent = try await ServerBootstrap(group: group)
            .bind(host: "127.0.0.1", port: 0).get()
        let silentPort = try XCTUnwrap(silent.localAddress?.port)
        var settings = configuration(port: silentPort, security: .none)
        settings.timeout = .milliseconds(300)
        let error = await sendError(try SMTPMailSender(configuration: settings, eventLoopGroup: group),
                                    OutgoingEmail(to: "a@example.fi", subject: "s", body: "b"))
        try await silent.close()
        XCTAssertEqual(error, .timedOut(waitingFor: "greeting"))
        XCTAssertEqual(error?.isTransient, true)

        settings.port = try SMTPSink.freeLoopbackPort()
        let refused = await sendError(try SMTPMailSender(configuration: settings, eventLoopGroup: group),
                                      OutgoingEmail(to: "a@example.fi", subject: "s", body: "b"))
        guard case .connectionFailed = refused else { return XCTFail("\(String(describing: refused))") }
        XCTAssertEqual(refused?.isTransient, true)
    }

    // MARK: - Configuration

    func testConfigurationFromEnvironment() throws {
        XCTAssertNil(try SMTPConfiguration.fromEnvironment([:]))
        XCTAssertNil(try SMTPConfiguration.fromEnvironment(["KAIKU_SMTP_HOST": "", "KAIKU_SMTP_PORT": "x"]))

        let minimal = try XCTUnwrap(
            SMTPConfiguration.fromEnvironment(["KAIKU_SMTP_HOST": "smtp.kunta.fi", "KAIKU_SMTP_FROM": "palaute@kunta.fi"]))
        XCTAssertEqual(minimal.security, .startTLS)
        XCTAssertEqual(minimal.port, 587)
        XCTAssertNil(minimal.username)

        let full = try XCTUnwrap(SMTPConfiguration.fromEnvironment([
            "KAIKU_SMTP_HOST": "smtp.kunta.fi", "KAIKU_SMTP_PORT": "465",
            "KAIKU_SMTP_USERNAME": "kaiku", "KAIKU_SMTP_PASSWORD": " salainen ",
            "KAIKU_SMTP_FROM": "palaute@kunta.fi", "KAIKU_SMTP_FROM_NAME": "Kaiku – Äänekoski",
        ]))
        XCTAssertEqual(full.security, .tls, "port 465 means implicit TLS")
        XCTAssertEqual(full.password, " salainen ")
        XCTAssertEqual(full.fromName, "Kaiku – Äänekoski")
        XCTAssertFalse(full.description.contains("salainen"), "the description must hide the password")

        let relay = try XCTUnwrap(SMTPConfiguration.fromEnvironment([
            "KAIKU_SMTP_HOST": "127.0.0.1", "KAIKU_SMTP_SECURITY": "none", "KAIKU_SMTP_FROM": "a@b.fi",
        ]))
        XCTAssertEqual(relay.port, 25)

        let base = ["KAIKU_SMTP_HOST": "smtp.kunta.fi", "KAIKU_SMTP_FROM": "palaute@kunta.fi"]
        let broken: [(changes: [String: String], mentions: String)] = [
            (["KAIKU_SMTP_PORT": "smtp"], "KAIKU_SMTP_PORT"),
            (["KAIKU_SMTP_PORT": "70000"], "KAIKU_SMTP_PORT"),
            (["KAIKU_SMTP_SECURITY": "ssl"], "KAIKU_SMTP_SECURITY"),
            (["KAIKU_SMTP_USERNAME": "kaiku"], "KAIKU_SMTP_PASSWORD"),
            (["KAIKU_SMTP_FROM": ""], "KAIKU_SMTP_FROM"),
            (["KAIKU_SMTP_FROM": "ei osoite"], "KAIKU_SMTP_FROM"),
            (["KAIKU_SMTP_FROM_NAME": "Kaiku\r\nBcc: x@y.fi"], "KAIKU_SMTP_FROM"),
            (["KAIKU_SMTP_SECURITY": "none", "KAIKU_SMTP_USERNAME": "u", "KAIKU_SMTP_PASSWORD": "p"], "unencrypted"),
            (["KAIKU_SMTP_HELO_NAME": "kaiku.example\r\nRCPT TO:<x@y.fi>"], "KAIKU_SMTP_HELO_NAME"),
        ]
        for (changes, mentions) in broken {
            XCTAssertThrowsError(try SMTPConfiguration.fromEnvironment(base.merging(changes) { $1 }), "\(changes)") {
                guard case .invalidConfiguration(let text) = $0 as? SMTPError else { return XCTFail("\($0)") }
                XCTAssertTrue(text.contains(mentions), "\(changes): \(text)")
            }
        }
    }

    // MARK: - Encoding details

    func testEncodingStaysWithinLineLimitsAndCharacterBoundaries() throws {
        let long = String(repeating: "äö", count: 100) + " loppu"
        for line in SMTPQuotedPrintable.encode(long).components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 76)
        }
        XCTAssertEqual(SMTPQuotedPrintable.encode("a \nb\t\r\nc=d"), "a=20\r\nb=09\r\nc=3Dd")

        for word in SMTPHeaderEncoding.encodedWords(String(repeating: "å€😀", count: 20)) {
            XCTAssertLessThanOrEqual(word.utf8.count, 75)
            let base64 = String(word.dropFirst("=?UTF-8?B?".count).dropLast(2))
            let bytes = try XCTUnwrap(Data(base64Encoded: base64))
            XCTAssertNotNil(String(data: bytes, encoding: .utf8), "an encoded-word split a character")
        }
        XCTAssertFalse(SMTPHeaderEncoding.needsEncoding("Plain ASCII subject"))
        XCTAssertTrue(SMTPHeaderEncoding.needsEncoding("looks =?like?= a word"))
        XCTAssertEqual(SMTPHeaderEncoding.phrase("Kaiku, Oy \"Ab\""), ["\"Kaiku, Oy \\\"Ab\\\"\""])

        let sender = try SMTPAddress(address: "palaute@kaiku.example", displayName: nil, field: "from")
        let message = try SMTPMessage(OutgoingEmail(to: "a@example.fi", subject: "s", body: "."), from: sender)
        let payload = String(buffer: message.dataPayload)
        XCTAssertTrue(payload.hasSuffix("\r\n\r\n..\r\n.\r\n"), payload)
    }

    // MARK: - Helpers

    private func configuration(
        host: String = "127.0.0.1", port: Int, security: SMTPConfiguration.Security,
        username: String? = nil, password: String? = nil, trust: String? = nil
    ) -> SMTPConfiguration {
        SMTPConfiguration(
            host: host, port: port, security: security, username: username, password: password,
            fromAddress: "palaute@kaiku.example", fromName: "Kaiku – Äänekosken palaute",
            heloName: "kaiku.test", timeout: .seconds(5), trustedCertificatesFile: trust)
    }

    private func sendError(_ sender: SMTPMailSender, _ email: OutgoingEmail) async -> SMTPError? {
        do {
            try await sender.send(email)
            XCTFail("the send should have failed")
            return nil
        } catch let error as SMTPError {
            return error
        } catch {
            XCTFail("expected SMTPError, got \(type(of: error)): \(error)")
            return nil
        }
    }

    private func startSink(_ arguments: [String] = []) throws -> SMTPSink {
        try XCTUnwrap(sinks).start(arguments)
    }

    /// A throwaway self-signed certificate for localhost and 127.0.0.1.
    private func makeCertificate() throws -> (cert: String, key: String) {
        let cert = scratch.appendingPathComponent("cert.pem").path
        let key = scratch.appendingPathComponent("key.pem").path
        let (status, output) = try SMTPSink.run("/usr/bin/env", [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ])
        guard status == 0 else {
            throw SMTPSink.Unavailable(problem: "openssl could not make a test certificate (status \(status)): \(output)")
        }
        return (cert, key)
    }
}

/// A fake SMTP server for protocol corner cases: greets, then answers each
/// command line by its verb from a fixed script (raw reply bytes).
private final class ScriptedSMTPServer: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let answers: [String: String]
    private var pending = ""

    init(answers: [String: String]) {
        self.answers = answers
    }

    func channelActive(context: ChannelHandlerContext) {
        reply("220 fake.example ESMTP\r\n", context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        pending += String(buffer: unwrapInboundIn(data))
        while let end = pending.range(of: "\r\n") {
            let line = pending[..<end.lowerBound]
            pending.removeSubrange(..<end.upperBound)
            let verb = line.split(separator: " ").first.map { $0.uppercased() } ?? ""
            reply(answers[verb] ?? "502 5.5.2 not in the script\r\n", context: context)
        }
    }

    private func reply(_ text: String, context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
    }
}
