import KaikuCore
import Logging

/// What Kaiku does with SMS when no gateway is configured (the embedded
/// demo): writes it to the log. Production sets `KAIKU_SMS_URL`.
struct LoggingSMSSender: SMSSender {
    let logger: Logger

    func send(_ message: OutgoingSMS) async throws -> SMSAcceptance {
        logger.notice("SMS not sent (KAIKU_SMS_URL is unset): reference=\(message.reference) length=\(message.text.count)")
        return SMSAcceptance(gatewayID: nil)
    }
}
