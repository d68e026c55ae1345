import Fluent
import Foundation
import KaikuStore
import Vapor

extension SignIn {
    /// The installation administrator whose e-mail address this is, if any:
    /// their sign-in goes through `verify(operator:password:on:)` instead.
    static func operatorNamed(_ email: String, on request: Request) async throws -> InstallationOperator? {
        guard PlainIdentifier.isPlain(email), request.kaiku.settings.operatorEmail != nil else { return nil }
        return try await InstallationOperators.named(email, on: request.db)
    }

    /// Checks the installation administrator's password, throttled per
    /// (account, client address) and per address like a staff sign-in.
    static func verify(operator candidate: InstallationOperator, password: String, on request: Request) async throws {
        let now = request.kaiku.clock.now
        let address = request.clientAddress
        let account = String(candidate.email.prefix(320))
        if let wait = await request.kaiku.loginThrottle.retryAfter(account: account, address: address, now: now) {
            throw Refusal.throttled(retryAfter: wait)
        }
        guard try await request.password.async.verify(password, created: candidate.passwordHash) else {
            await request.kaiku.loginThrottle.recordFailure(account: account, address: address, now: now)
            throw Refusal.wrongCredentials
        }
        await request.kaiku.loginThrottle.recordSuccess(account: account, address: address)
    }
}
