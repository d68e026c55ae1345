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

    static let timingDummyHash = try! Bcrypt.hash("kaiku timing dummy")

    func boot(routes: any RoutesBuilder) throws {
        routes.post("api", "v1", "auth", "token", use: token)
    }

    func token(_ request: Request) async throws -> TokenResponse {
        let credentials = try request.decodeJSON(TokenRequest.self)
        guard PlainIdentifier.isPlain(credentials.email) else {
            throw Abort(.unauthorized, reason: "The e-mail address or password is wrong.")
        }
        let user = try await User.query(on: request.db).filter(\.$email == credentials.email.lowercased()).first()
        // Verify against a dummy hash when the user is unknown so that timing
        // does not reveal which e-mail addresses have accounts.
        let hash = user?.passwordHash ?? Self.timingDummyHash
        let valid = try await request.password.async.verify(credentials.password, created: hash)
        guard let user, valid else {
            throw Abort(.unauthorized, reason: "The e-mail address or password is wrong.")
        }
        let token = TokenHash.newToken()
        let expiresAt = request.kaiku.clock.now.addingTimeInterval(request.kaiku.settings.tokenLifetime)
        try await UserToken(userID: user.requireID(), tokenHash: TokenHash.of(token), expiresAt: expiresAt).create(on: request.db)
        return TokenResponse(token: token, expiresAt: expiresAt)
    }
}
