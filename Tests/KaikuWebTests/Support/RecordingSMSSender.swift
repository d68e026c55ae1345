import KaikuCore
import NIOConcurrencyHelpers

/// Keeps what would have been sent by SMS; can be told to fail like a gateway that is down.
final class RecordingSMSSender: SMSSender {
    struct GatewayDown: Error {}

    private let sent = NIOLockedValueBox<[OutgoingSMS]>([])
    private let failing = NIOLockedValueBox(false)

    var messages: [OutgoingSMS] { sent.withLockedValue { $0 } }

    func fail(_ value: Bool) { failing.withLockedValue { $0 = value } }

    func send(_ message: OutgoingSMS) async throws -> SMSAcceptance {
        if failing.withLockedValue({ $0 }) { throw GatewayDown() }
        sent.withLockedValue { $0.append(message) }
        return SMSAcceptance(gatewayID: "rec-\(messages.count)")
    }
}
