import KaikuCore
import Logging

/// What Kaiku does with e-mail when no SMTP server is configured (the
/// embedded demo): writes it to the log, so that a developer sees what would
/// have gone out. Production sets `KAIKU_SMTP_HOST`.
struct LoggingMailSender: MailSender {
    let logger: Logger

    func send(_ email: OutgoingEmail) async throws {
        logger.notice("e-mail not sent (KAIKU_SMTP_HOST is unset): to=\(email.to) subject=\(email.subject)")
    }
}
