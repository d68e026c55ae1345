import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Whether a user who gave the right password still owes a second factor,
/// and the check of what they type: a code from their app (each usable once)
/// or an unused recovery code. Wrong codes are throttled like passwords, per
/// (account, address), under a key of their own so that the two steps do
/// not share a count.
enum SecondFactorCheck {
    enum Need: Equatable {
        case none
        /// A confirmed second factor: its code is asked for.
        case code
        /// None yet, and the organisation requires one: it is set up first.
        case enrolment
    }

    enum Refusal: Error {
        case throttled(retryAfter: Int)
        case wrongCode
    }

    static func need(of user: User, on database: any Database) async throws -> Need {
        if try await SecondFactors.isEnrolled(userID: user.requireID(), on: database) { return .code }
        let required = try await Organisation.find(user.organisationID, on: database)?.requireSecondFactor ?? false
        return required ? .enrolment : .none
    }

    /// Passes quietly or throws a `Refusal`; `confirming` checks the app's
    /// code against a secret still being set up.
    static func verify(_ typed: String?, for user: User, confirming: Bool = false, on request: Request) async throws {
        let now = request.kaiku.clock.now
        let account = "second-factor:" + user.email
        let address = request.clientAddress
        if let wait = await request.kaiku.loginThrottle.retryAfter(account: account, address: address, now: now) {
            throw Refusal.throttled(retryAfter: wait)
        }
        if let typed, typed.utf8.count <= 64, try await accepts(typed, user: user, confirming: confirming, now: now, on: request) {
            await request.kaiku.loginThrottle.recordSuccess(account: account, address: address)
            return
        }
        await request.kaiku.loginThrottle.recordFailure(account: account, address: address, now: now)
        throw Refusal.wrongCode
    }

    private static func accepts(_ typed: String, user: User, confirming: Bool, now: Date, on request: Request) async throws -> Bool {
        let userID = try user.requireID()
        guard let factor = try await SecondFactors.find(userID: userID, on: request.db), factor.isConfirmed != confirming else { return false }
        if !confirming, let recovery = RecoveryCodes.normalised(typed) {
            guard try await SecondFactors.useRecoveryCode(userID: userID, hash: TokenHash.of(recovery), now: now, on: request.db) else {
                return false
            }
            try await AuditTrail.record(on: request.db, organisationID: user.organisationID, at: now, actor: .user(userID, email: user.email),
                                        action: "second-factor.recovery-code-used", subject: user.email)
            return true
        }
        guard let secret = try SecondFactors.secret(of: factor, cipher: request.kaiku.cipher),
              let step = OneTimePassword(secret: secret, hmac: CryptoHMACSHA1()).matchingStep(for: typed, at: now, after: factor.lastUsedStep)
        else { return false }
        return try await SecondFactors.consume(step: step, of: factor, on: request.db)
    }
}
