import KaikuCore
import NIOConcurrencyHelpers

/// Keeps what would have been sent, for tests of who gets which e-mail.
final class RecordingMailSender: MailSender {
    private let sent = NIOLockedValueBox<[OutgoingEmail]>([])

    var messages: [OutgoingEmail] { sent.withLockedValue { $0 } }

    func send(_ email: OutgoingEmail) async throws {
        sent.withLockedValue { $0.append(email) }
    }
}
