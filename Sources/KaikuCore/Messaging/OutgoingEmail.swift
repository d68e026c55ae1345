/// An e-mail Kaiku sends: an answer to a customer, a reminder to a handler,
/// a report to a supervisor. Plain text; the sender adds the headers.
public struct OutgoingEmail: Sendable, Hashable {
    public var to: String
    public var subject: String
    public var body: String
    public var replyTo: String?

    public init(to: String, subject: String, body: String, replyTo: String? = nil) {
        self.to = to
        self.subject = subject
        self.body = body
        self.replyTo = replyTo
    }
}

/// Sends e-mail. The live implementation speaks SMTP; tests use a recorder.
public protocol MailSender: Sendable {
    func send(_ email: OutgoingEmail) async throws
}
