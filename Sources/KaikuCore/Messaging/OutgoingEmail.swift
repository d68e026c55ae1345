/// An e-mail Kaiku sends: an answer to a customer, a reminder to a handler,
/// a report to a supervisor. Plain text, optionally with an HTML
/// alternative; the sender adds the headers.
public struct OutgoingEmail: Sendable, Hashable {
    public var to: String
    public var subject: String
    public var body: String
    public var replyTo: String?
    /// The same content as HTML: sent as multipart/alternative beside `body`, which mail clients without HTML show.
    public var html: String?
    /// Where the recipient can stop this kind of message (RFC 2369 `List-Unsubscribe`), an absolute https or http link.
    public var unsubscribeLink: String?

    public init(to: String, subject: String, body: String, replyTo: String? = nil, html: String? = nil, unsubscribeLink: String? = nil) {
        self.to = to
        self.subject = subject
        self.body = body
        self.replyTo = replyTo
        self.html = html
        self.unsubscribeLink = unsubscribeLink
    }
}

/// Sends e-mail. The live implementation speaks SMTP; tests use a recorder.
public protocol MailSender: Sendable {
    func send(_ email: OutgoingEmail) async throws
}
