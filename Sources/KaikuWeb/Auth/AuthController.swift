import Fluent
import Foundation
import KaikuStore
import Vapor

struct AuthController: RouteCollection {
    struct TokenRequest: Content {
        var email: String
        var password: String
        /// From the authenticator app, or a recovery code: required once the user has a second factor.
        var code: String?
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
        let token = TokenHash.newToken()
        let expiresAt = now.addingTimeInterval(request.kaiku.settings.tokenLifetime)
        // The installation administrator signs in here too, and gets a token that only the organisations routes take.
        if let candidate = try await SignIn.operatorNamed(credentials.email, on: request) {
            try await Self.refusingAsHTTP { try await SignIn.verify(operator: candidate, password: credentials.password, on: request) }
            try await OperatorToken(operatorID: candidate.requireID(), tokenHash: TokenHash.of(token), expiresAt: expiresAt).create(on: request.db)
            return TokenResponse(token: token, expiresAt: expiresAt)
        }
        let user = try await Self.refusingAsHTTP {
            try await SignIn.verify(email: credentials.email, password: credentials.password, on: request)
        }
        try await Self.requireSecondFactor(credentials.code, of: user, on: request)
        try await UserToken(userID: user.requireID(), tokenHash: TokenHash.of(token), expiresAt: expiresAt).create(on: request.db)
        return TokenResponse(token: token, expiresAt: expiresAt)
    }

    /// The second step as the API says it: 401 naming `code` until a right one comes.
    private static func requireSecondFactor(_ code: String?, of user: User, on request: Request) async throws {
        switch try await SecondFactorCheck.need(of: user, on: request.db) {
        case .none:
            return
        case .enrolment:
            throw FieldError(status: .unauthorized, field: "code",
                             message: "Your organisation requires two-factor sign-in: sign in on the staff pages once to set it up, then send its code here.")
        case .code:
            do {
                try await SecondFactorCheck.verify(code, for: user, on: request)
            } catch SecondFactorCheck.Refusal.throttled(let wait) {
                throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)],
                            reason: "Too many wrong codes from your address; try again in \(wait) seconds.")
            } catch SecondFactorCheck.Refusal.wrongCode {
                throw FieldError(status: .unauthorized, field: "code",
                                 message: code == nil ? "Send code: the six digits from your authenticator app, or a recovery code."
                                                      : "The code is wrong or already used; send the app's current code or an unused recovery code.")
            }
        }
    }

    /// A refused sign-in as the API says it.
    private static func refusingAsHTTP<T>(_ verify: () async throws -> T) async throws -> T {
        do {
            return try await verify()
        } catch SignIn.Refusal.throttled(let wait) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)],
                        reason: "Too many failed sign-ins from your address; try again in \(wait) seconds.")
        } catch SignIn.Refusal.wrongCredentials {
            throw Abort(.unauthorized, reason: "The e-mail address or password is wrong.")
        } catch SignIn.Refusal.locked {
            throw Abort(.forbidden, reason: "This account is locked; an administrator of its unit can unlock it.")
        } catch SignIn.Refusal.deactivated {
            throw Abort(.forbidden, reason: "This account is deactivated; an administrator of its unit can reactivate it.")
        } catch SignIn.Refusal.singleSignOnOnly {
            throw Abort(.forbidden, reason: "Your organisation signs its staff in with its own accounts: sign in on the staff pages with single sign-on, and use a personal API token (POST /api/v1/me/tokens) for programs.")
        }
    }
}
