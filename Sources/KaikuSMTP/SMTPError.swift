/// Everything that can go wrong while sending one e-mail over SMTP.
///
/// Callers that queue mail need one decision above all: try again later, or
/// give up and tell someone. `isTransient` answers it; the cases carry the
/// details (the server's own code and words) for the log.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered a step with a 4xx or 5xx reply. `command` names the
    /// step (e.g. "RCPT TO", "AUTH PLAIN"), never its arguments, so that a
    /// logged error cannot carry credentials.
    case rejected(command: String, code: Int, message: String)
    /// A reply that is neither success nor refusal at this step, such as 250
    /// where 354 belongs after DATA: the server is not speaking SMTP as we know it.
    case unexpectedReply(command: String, code: Int, message: String)
    /// The TCP connection could not be made.
    case connectionFailed(host: String, port: Int, reason: String)
    /// The connection ended, or broke, before the conversation was over.
    case connectionClosed(reason: String)
    /// No answer within the configured timeout.
    case timedOut(waitingFor: String)
    /// TLS could not be set up, e.g. the certificate did not verify.
    case tlsFailed(reason: String)
    /// Bytes that are not a well-formed SMTP reply, or data where none belongs.
    case protocolViolation(String)
    /// Security is `.startTLS` but the server does not offer it. We do not fall
    /// back to plaintext: that would let anyone on the path strip encryption.
    case startTLSNotOffered
    /// Credentials are configured but the server offers no AUTH at all.
    case authenticationNotOffered
    /// The server offers AUTH, but neither PLAIN nor LOGIN.
    case noSupportedAuthenticationMechanism(offered: [String])
    /// Credentials are configured on a connection without TLS; sending them
    /// would expose the password to the network.
    case authenticationRequiresEncryption
    /// The e-mail itself is unusable, e.g. a line break in a header field.
    /// Raised before any connection is made.
    case invalidMessage(field: String, reason: String)
    /// The SMTP settings are incomplete or contradictory.
    case invalidConfiguration(String)

    /// The server's reply code, when the error is the server's answer.
    public var code: Int? {
        switch self {
        case .rejected(_, let code, _), .unexpectedReply(_, let code, _): code
        default: nil
        }
    }

    /// The server's reply text, when the error is the server's answer.
    public var serverMessage: String? {
        switch self {
        case .rejected(_, _, let message), .unexpectedReply(_, _, let message): message
        default: nil
        }
    }

    /// Whether the same e-mail may well go through if sent again later.
    ///
    /// 4xx replies say so by definition (RFC 5321 §4.2.1: "transient negative
    /// completion"). A lost connection or a silent server is usually a passing
    /// outage as well. 5xx replies, TLS and authentication failures, and
    /// invalid messages or settings will fail the same way every time.
    public var isTransient: Bool {
        switch self {
        case .rejected(_, let code, _), .unexpectedReply(_, let code, _):
            (400..<500).contains(code)
        case .connectionFailed, .connectionClosed, .timedOut:
            true
        case .tlsFailed, .protocolViolation, .startTLSNotOffered, .authenticationNotOffered,
            .noSupportedAuthenticationMechanism, .authenticationRequiresEncryption,
            .invalidMessage, .invalidConfiguration:
            false
        }
    }

    public var description: String {
        switch self {
        case .rejected(let command, let code, let message):
            "SMTP server refused \(command) with \(code): \(message)"
        case .unexpectedReply(let command, let code, let message):
            "SMTP server answered \(command) with unexpected \(code): \(message)"
        case .connectionFailed(let host, let port, let reason):
            "could not connect to SMTP server \(host):\(port): \(reason)"
        case .connectionClosed(let reason):
            "SMTP connection closed: \(reason)"
        case .timedOut(let waitingFor):
            "SMTP server did not answer in time (waiting for \(waitingFor))"
        case .tlsFailed(let reason):
            "TLS with the SMTP server failed: \(reason)"
        case .protocolViolation(let detail):
            "SMTP protocol violation: \(detail)"
        case .startTLSNotOffered:
            "SMTP server does not offer STARTTLS, and security is set to starttls"
        case .authenticationNotOffered:
            "SMTP credentials are configured but the server offers no AUTH"
        case .noSupportedAuthenticationMechanism(let offered):
            "SMTP server offers AUTH \(offered.joined(separator: " ")), but only PLAIN and LOGIN are supported"
        case .authenticationRequiresEncryption:
            "refusing to send SMTP credentials over an unencrypted connection; use security starttls or tls"
        case .invalidMessage(let field, let reason):
            "e-mail not sent: \(field) \(reason)"
        case .invalidConfiguration(let detail):
            "invalid SMTP configuration: \(detail)"
        }
    }
}
