import Fluent
import Foundation
import KaikuStore
import Vapor

/// Checks a staff member's e-mail and password, for the API's tokens and the
/// staff pages' sessions alike: throttled per (account, client address) and
/// per address (`LoginThrottle`), and the same timing whether or not the
/// address exists. Failures never lock an account — that would let anyone
/// who knows an e-mail address shut its owner out; only an administrator
/// locks one (`POST /api/v1/users/{id}/lock`).
enum SignIn {
    enum Refusal: Error {
        case throttled(retryAfter: Int)
        case wrongCredentials
        case locked
        /// Told, like `locked`, only to someone who gave the right password.
        case deactivated
        /// The organisation signs its staff in through its identity provider, and this is no break-glass administrator.
        case singleSignOnOnly
    }

    static func verify(email: String, password: String, on request: Request) async throws -> User {
        let now = request.kaiku.clock.now
        let address = request.clientAddress
        let account = String(email.lowercased().prefix(320))
        if let wait = await request.kaiku.loginThrottle.retryAfter(account: account, address: address, now: now) {
            throw Refusal.throttled(retryAfter: wait)
        }
        let candidate = PlainIdentifier.isPlain(email)
            ? try await User.query(on: request.db).filter(\.$email == email.lowercased()).first()
            : nil
        // Verify against a dummy hash when the user is unknown (or invited and
        // without a password yet) so that timing does not reveal which e-mail
        // addresses have accounts.
        let usable = candidate.flatMap { $0.isInvited ? nil : $0 }
        let valid = try await request.password.async.verify(password, created: usable?.passwordHash ?? request.kaiku.timingDummyHash)
        guard let user = usable, valid else {
            await request.kaiku.loginThrottle.recordFailure(account: account, address: address, now: now)
            throw Refusal.wrongCredentials
        }
        await request.kaiku.loginThrottle.recordSuccess(account: account, address: address)
        // Told only to someone who knows the password, so it reveals nothing to a guesser.
        guard user.lockedAt == nil else { throw Refusal.locked }
        guard user.isActive else { throw Refusal.deactivated }
        if !user.breakGlass, try await Organisation.find(user.organisationID, on: request.db)?.singleSignOnOnly == true {
            throw Refusal.singleSignOnOnly
        }
        return user
    }
}
