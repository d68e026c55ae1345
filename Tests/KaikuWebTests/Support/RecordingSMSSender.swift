import KaikuCore
import NIOConcurrencyHelpers

/// Keeps what would have been sent by SMS; can be told to fail like a gateway that is down.
final class RecordingSMSSender: SMSSender {
    struct GatewayDown: Error {}

    private let sent = NIOLockedValueBox<[OutgoingSMS]>([])
    private let failure = NIOLockedValueBox<(any Error)?>(nil)

    var messages: [OutgoingSMS] { sent.withLockedValue { $0 } }

    func fail(_ value: Bool) { failure.withLockedValue { $0 = value ? GatewayDown() : nil } }

    /// Fails every send with `error` until told otherwise, e.g. a gateway's refusal.
    func fail(with error: any Error) { failure.withLockedValue { $0 = error } }

    func send(_ message: OutgoingSMS) async throws -> SMSAcceptance {
        if let error = failure.withLockedValue({ $0 }) { throw error }
        sent.withLockedValue { $0.append(message) }
        return SMSAcceptance(gatewayID: "rec-\(messages.count)")
    }
}
