import Foundation

/// Why a text message did not go out. The cases split along what the caller
/// should do next: fix the data, fix the configuration, or try again later.
public enum SMSGatewayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The number is not E.164 (`+` then 8–15 digits, no leading zero).
    /// Caught before any request, so no gateway credit is spent on it.
    case invalidRecipient(String)
    /// The gateway refused the message: a 4xx other than 429 (bad payload,
    /// wrong credentials, unknown number) or an unexpected redirect. Sending
    /// the same request again would fail the same way, so it is not retried.
    case rejected(status: Int, body: String)
    /// The gateway stayed busy (429, 5xx) or unreachable through every
    /// attempt, or asked for a longer pause than this sender will wait. The
    /// message may succeed later; `retryAfter` is the gateway's own hint.
    case unavailable(attempts: Int, lastStatus: Int?, detail: String, retryAfter: TimeInterval?)

    /// Whether sending the same message later may work. An outbox can use
    /// this to keep a message queued instead of marking it failed.
    public var isRetryable: Bool {
        switch self {
        case .invalidRecipient, .rejected: return false
        case .unavailable: return true
        }
    }

    /// The gateway's last HTTP status, when it answered at all.
    public var status: Int? {
        switch self {
        case .invalidRecipient: return nil
        case .rejected(let status, _): return status
        case .unavailable(_, let status, _, _): return status
        }
    }

    public var description: String {
        switch self {
        case .invalidRecipient(let number):
            // Only the length: the value may be someone's real number with a typo, and this ends up in logs.
            return "SMS recipient is not an E.164 number (+ and 8–15 digits); got \(number.count) characters"
        case .rejected(let status, let body):
            return "SMS gateway rejected the message with HTTP \(status): \(body.isEmpty ? "(empty body)" : body)"
        case .unavailable(let attempts, let status, let detail, let retryAfter):
            var text = "SMS gateway unavailable after \(attempts) attempt\(attempts == 1 ? "" : "s")"
            if let status { text += ", last HTTP \(status)" }
            text += ": \(detail)"
            if let retryAfter { text += " (gateway asked to wait \(Int(retryAfter.rounded(.up))) s)" }
            return text
        }
    }
}
