import Fluent
import Foundation
import KaikuStore
import Vapor

struct AuthController: RouteCollection {
    struct TokenRequest: Content {
        var email: String
        var password: String
    }

    struct TokenResponse: Content {
        var token: String
        var expiresAt: Date
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("api", "v1", "auth", "token", use: token)
    }

    func token(_ request: Request) async throws -> TokenResponse {
        let credentials = try request.decodeJSON(TokenRequest.self)
        let now = request.kaiku.clock.now
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        if let wait = await request.kaiku.loginThrottle.retryAfter(for: address, now: now) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)],
                        reason: "Too many failed sign-ins from this address; try again in \(wait) seconds.")
        }
        guard PlainIdentifier.isPlain(credentials.email) else {
            throw Abort(.unauthorized, reason: "The e-mail address or password is wrong.")
        }
        let user = try await User.query(on: request.db).filter(\.$email == credentials.email.lowercased()).first()
        // Verify against a dummy hash when the user is unknown so that timing
        // does not reveal which e-mail addresses have accounts.
        let hash = user?.passwordHash ?? request.kaiku.timingDummyHash
        let valid = try await request.password.async.verify(credentials.password, created: hash)
        guard let user, valid else {
            await request.kaiku.loginThrottle.recordFailure(for: address, now: now)
            if let user, user.lockedAt == nil {
                user.failedLogins += 1
                if user.failedLogins >= User.lockAfterFailures { user.lockedAt = now }
                try await user.save(on: request.db)
            }
            throw Abort(.unauthorized, reason: "The e-mail address or password is wrong.")
        }
        guard user.lockedAt == nil else {
            throw Abort(.forbidden, reason: "This account is locked after too many failed sign-ins; an administrator can unlock it.")
        }
        if user.failedLogins > 0 {
            user.failedLogins = 0
            try await user.save(on: request.db)
        }
        let token = TokenHash.newToken()
        let expiresAt = now.addingTimeInterval(request.kaiku.settings.tokenLifetime)
        try await UserToken(userID: user.requireID(), tokenHash: TokenHash.of(token), expiresAt: expiresAt).create(on: request.db)
        return TokenResponse(token: token, expiresAt: expiresAt)
    }
}
