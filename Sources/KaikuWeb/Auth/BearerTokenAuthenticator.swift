import Crypto
import Fluent
import Foundation
import KaikuStore
import Vapor

/// Accepts the bearer tokens issued by `POST /api/v1/auth/token` until they
/// expire, and never for a locked, deactivated or deleted account: the user
/// is read on every request so that locking or deactivating stops a token at
/// once. The organisation comes in the same read, for `Request.staffOrganisation`.
/// The installation administrator's tokens sign in an `OperatorUser` instead.
struct BearerTokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        let hash = TokenHash.of(bearer.token)
        if bearer.token.hasPrefix(PersonalTokenIssue.prefix) { return try await authenticatePersonal(hash: hash, for: request) }
        // The token with its user and organisation in one read: every staff request pays for it.
        guard let token = try await UserToken.query(on: request.db).filter(\.$tokenHash == hash)
            .join(User.self, on: \UserToken.$userID == \User.$id, method: .left)
            .join(Organisation.self, on: \User.$organisationID == \Organisation.$id, method: .left).first() else {
            // Not a staff token: perhaps the installation administrator's, whom staff routes then refuse with 403.
            return try await OperatorUser.authenticate(tokenHash: hash, for: request)
        }
        guard token.expiresAt > request.kaiku.clock.now,
              let user = try? token.joined(User.self), user.id != nil, user.mayUseSessions,
              let role = user.roleValue else { return }
        if let organisation = try? token.joined(Organisation.self), organisation.id == user.organisationID {
            request.rememberAuthenticatedOrganisation(organisation)
        }
        request.auth.login(StaffUser(userID: try user.requireID(), organisationID: user.organisationID, unitID: user.unitID, role: role, email: user.email))
    }

    /// A personal token: the user's role and unit as they are now, and its last use noted at most once a minute.
    private func authenticatePersonal(hash: String, for request: Request) async throws {
        let now = request.kaiku.clock.now
        guard let token = try await PersonalTokens.find(tokenHash: hash, on: request.db), token.expiresAt > now,
              let user = try await User.find(token.userID, on: request.db), user.mayUseSessions,
              let role = user.roleValue else { return }
        try await PersonalTokens.recordUse(token, now: now, on: request.db)
        request.auth.login(StaffUser(userID: try user.requireID(), organisationID: user.organisationID, unitID: user.unitID, role: role, email: user.email))
    }
}

enum TokenHash {
    static func of(_ token: String) -> String { SHA256.hash(data: Array(token.utf8)).hex }

    /// 256 random bits, URL-safe.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
