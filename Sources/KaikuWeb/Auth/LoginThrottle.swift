import Foundation

/// Slows down password guessing from one address: after `limit` failed
/// sign-ins within `window`, further attempts from it get 429 until the
/// oldest failure ages out. Per instance; the account lock in the database
/// protects accounts across instances.
actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    let limit: Int
    let window: TimeInterval

    init(limit: Int = 20, window: TimeInterval = 300) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait, or nil when the address may try now.
    func retryAfter(for address: String, now: Date) -> Int? {
        let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[address] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    func recordFailure(for address: String, now: Date) {
        failures[address, default: []].append(now)
        if failures.count > 100_000 { failures.removeAll() }
    }
}
