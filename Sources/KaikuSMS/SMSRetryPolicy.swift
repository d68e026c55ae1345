import Foundation

/// When to try a message again after the gateway was busy or unreachable.
///
/// Exponential back-off spreads retries out while a gateway recovers;
/// jitter keeps many messages that failed together from all returning in
/// the same instant. A `Retry-After` from the gateway wins over both,
/// because the gateway knows its own rate limits better than Kaiku.
struct SMSRetryPolicy: Sendable {
    var maxAttempts: Int
    var baseDelay: TimeInterval
    /// The longest Kaiku will hold a message in memory between attempts.
    /// A gateway asking for a longer pause gets no retry from this sender:
    /// the caller learns it was unavailable and can queue the message.
    var longestWait: TimeInterval

    /// What to do after attempt number `attempt` (1-based) failed in a way
    /// worth retrying: wait this long, or nil to give up.
    func delay(afterAttempt attempt: Int, retryAfter: TimeInterval?, jitter: Double = .random(in: 0...1)) -> TimeInterval? {
        guard attempt < maxAttempts else { return nil }
        if let retryAfter {
            return retryAfter <= longestWait ? max(0, retryAfter) : nil
        }
        return backoff(afterAttempt: attempt, jitter: jitter)
    }

    /// Half the exponential step plus a random share of the other half
    /// ("equal jitter"): never a retry storm at zero, never slower than the
    /// plain exponential schedule.
    func backoff(afterAttempt attempt: Int, jitter: Double) -> TimeInterval {
        let exponent = Double(min(max(attempt - 1, 0), 30))
        let step = min(longestWait, baseDelay * pow(2, exponent))
        return step / 2 + step / 2 * min(max(jitter, 0), 1)
    }

    /// The pause a `Retry-After` header asks for (RFC 9110 §10.2.3): either
    /// whole seconds or an HTTP date. Nil when absent or unreadable, so the
    /// usual back-off applies instead.
    static func retryAfter(_ value: String?, now: Date = Date()) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) {
            return seconds >= 0 ? TimeInterval(seconds) : nil
        }
        for format in httpDateFormats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: value) {
                return max(0, date.timeIntervalSince(now))
            }
        }
        return nil
    }

    // IMF-fixdate first; the two obsolete forms are still legal to receive.
    private static let httpDateFormats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}
