import KaikuCore
import NIOConcurrencyHelpers

/// Keeps what would have been sent, for tests of who gets which e-mail.
final class RecordingMailSender: MailSender {
    private let sent = NIOLockedValueBox<[OutgoingEmail]>([])
    private let refusal = NIOLockedValueBox<(any Error)?>(nil)

    var messages: [OutgoingEmail] { sent.withLockedValue { $0 } }

    /// While set, every send fails with it, as when the mail server is away.
    var failure: (any Error)? {
        get { refusal.withLockedValue { $0 } }
        set { refusal.withLockedValue { $0 = newValue } }
    }

    func send(_ email: OutgoingEmail) async throws {
        if let failure { throw failure }
        sent.withLockedValue { $0.append(email) }
    }
}
