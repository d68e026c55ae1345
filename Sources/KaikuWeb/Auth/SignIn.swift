import Fluent
import Foundation
import KaikuStore
import Vapor

/// Checks a staff member's e-mail and password, for the API's tokens and the
/// staff pages' sessions alike: throttled per address, accounts locked after
/// repeated failures, and the same timing whether or not the address exists.
enum SignIn {
    enum Refusal: Error {
        case throttled(retryAfter: Int)
        case wrongCredentials
        case locked
    }

    static func verify(email: String, password: String, on request: Request) async throws -> User {
        let now = request.kaiku.clock.now
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        if let wait = await request.kaiku.loginThrottle.retryAfter(for: address, now: now) {
            throw Refusal.throttled(retryAfter: wait)
        }
        let candidate = PlainIdentifier.isPlain(email)
            ? try await User.query(on: request.db).filter(\.$email == email.lowercased()).first()
            : nil
        // Verify against a dummy hash when the user is unknown so that timing
        // does not reveal which e-mail addresses have accounts.
        let hash = candidate?.passwordHash ?? request.kaiku.timingDummyHash
        let valid = try await request.password.async.verify(password, created: hash)
        guard let user = candidate, valid else {
            await request.kaiku.loginThrottle.recordFailure(for: address, now: now)
            if let user = candidate, user.lockedAt == nil {
                user.failedLogins += 1
                if user.failedLogins >= User.lockAfterFailures { user.lockedAt = now }
                try await user.save(on: request.db)
            }
            throw Refusal.wrongCredentials
        }
        guard user.lockedAt == nil else { throw Refusal.locked }
        if user.failedLogins > 0 {
            user.failedLogins = 0
            try await user.save(on: request.db)
        }
        return user
    }
}
