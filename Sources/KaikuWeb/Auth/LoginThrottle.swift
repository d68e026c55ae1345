import Foundation

/// Slows down password guessing without letting anyone lock an account.
///
/// Failures are counted per (account, client address) pair: after
/// `freeFailures` the pair must wait 1 s, then 2, 4 … up to `maxDelay`
/// before its next try, and an attempt during the wait is answered at once
/// with 429 instead of being checked. The owner signing in from another
/// address has a pair of their own, so an attacker's failures never slow
/// them down. A coarse limit per address across all accounts stops one
/// address from spraying a password over many accounts.
///
/// The counts live in this instance's memory: several instances behind a
/// load balancer each allow as much, and a restart forgets them. That is
/// accepted because the worst it gives an attacker is a few more guesses,
/// never a way to shut someone out.
actor LoginThrottle {
    struct Policy: Sendable {
        var freeFailures = 5
        var firstDelay: TimeInterval = 1
        var maxDelay: TimeInterval = 15 * 60
        /// A pair that has not failed for this long starts afresh.
        var pairMemory: TimeInterval = 24 * 3600
        /// Failures one address may make across all accounts within `addressWindow`.
        var addressLimit = 100
        var addressWindow: TimeInterval = 15 * 60
        /// Bounds the memory an attacker can make us spend on tracking.
        var maxEntries = 100_000
    }

    private struct Pair: Hashable {
        var account: String
        var address: String
    }

    private struct PairState {
        var failures: Int
        var lastFailure: Date
        var blockedUntil: Date?
    }

    private var pairs: [Pair: PairState] = [:]
    private var addresses: [String: [Date]] = [:]
    let policy: Policy

    init(policy: Policy = Policy()) {
        self.policy = policy
    }

    /// Seconds to wait before this address may try this account, or nil when it may try now.
    func retryAfter(account: String, address: String, now: Date) -> Int? {
        var waits: [TimeInterval] = []
        if let until = pairs[Pair(account: account.lowercased(), address: address)]?.blockedUntil, until > now {
            waits.append(until.timeIntervalSince(now))
        }
        let recent = (addresses[address] ?? []).filter { now.timeIntervalSince($0) < policy.addressWindow }
        addresses[address] = recent.isEmpty ? nil : recent
        if recent.count >= policy.addressLimit, let oldest = recent.first {
            waits.append(policy.addressWindow - now.timeIntervalSince(oldest))
        }
        guard let longest = waits.max() else { return nil }
        return max(1, Int(longest.rounded(.up)))
    }

    func recordFailure(account: String, address: String, now: Date) {
        prune(now: now)
        let key = Pair(account: account.lowercased(), address: address)
        var state = pairs[key].flatMap { now.timeIntervalSince($0.lastFailure) < policy.pairMemory ? $0 : nil }
            ?? PairState(failures: 0, lastFailure: now, blockedUntil: nil)
        state.failures += 1
        state.lastFailure = now
        if state.failures >= policy.freeFailures {
            let doublings = Double(min(state.failures - policy.freeFailures, 30))
            state.blockedUntil = now.addingTimeInterval(min(policy.maxDelay, policy.firstDelay * pow(2, doublings)))
        }
        pairs[key] = state
        addresses[address, default: []].append(now)
    }

    /// A right password ends the pair's delay; the address's count across accounts stays.
    func recordSuccess(account: String, address: String) {
        pairs[Pair(account: account.lowercased(), address: address)] = nil
    }

    /// Forgets what can no longer matter, and if an attacker still fills the
    /// tables (many addresses or names), the oldest entries.
    private func prune(now: Date) {
        guard pairs.count + addresses.count >= policy.maxEntries else { return }
        pairs = pairs.filter { now.timeIntervalSince($0.value.lastFailure) < policy.pairMemory || ($0.value.blockedUntil ?? now) > now }
        addresses = addresses.filter { ($0.value.last.map { now.timeIntervalSince($0) } ?? .infinity) < policy.addressWindow }
        if pairs.count >= policy.maxEntries / 2 {
            let keep = pairs.sorted { $0.value.lastFailure > $1.value.lastFailure }.prefix(policy.maxEntries / 4)
            pairs = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
        if addresses.count >= policy.maxEntries / 2 {
            let keep = addresses.sorted { ($0.value.last ?? .distantPast) > ($1.value.last ?? .distantPast) }.prefix(policy.maxEntries / 4)
            addresses = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
    }
}
