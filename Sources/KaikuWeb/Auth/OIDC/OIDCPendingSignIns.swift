import Foundation

/// Sign-ins sent to a provider and not yet back: what the callback needs
/// (nonce, PKCE verifier, organisation, where to go) under the `state`
/// value, bound to the browser that started it by a cookie. Each is taken
/// once, so a replayed or forged `state` finds nothing.
actor OIDCPendingSignIns {
    struct Pending: Sendable {
        var browserHash: String
        var organisationID: UUID
        var nonce: String
        var codeVerifier: String
        var redirectURI: String
        var next: String
        var expiresAt: Date
    }

    /// Long enough to type a password and answer a second factor at the provider.
    static let lifetime: TimeInterval = 15 * 60
    /// Bounded, so that a flood of started sign-ins cannot fill the memory.
    static let capacity = 10_000
    private var pending: [String: Pending] = [:]

    func add(state: String, _ sign: Pending, now: Date) {
        if pending.count >= Self.capacity {
            pending = pending.filter { $0.value.expiresAt > now }
        }
        if pending.count >= Self.capacity, let oldest = pending.min(by: { $0.value.expiresAt < $1.value.expiresAt }) {
            pending[oldest.key] = nil
        }
        pending[TokenHash.of(state)] = sign
    }

    /// The sign-in started with `state` in the browser holding `browser`, removed so it cannot be used again.
    func take(state: String, browser: String?, now: Date) -> Pending? {
        guard let found = pending.removeValue(forKey: TokenHash.of(state)) else { return nil }
        guard let browser, TokenHash.of(browser) == found.browserHash, found.expiresAt > now else { return nil }
        return found
    }
}
