import Foundation
import JWTKit

/// A back-channel logout token (OpenID Connect Back-Channel Logout 1.0, 2.4).
struct OIDCLogoutToken: JWTIdentityToken {
    static let event = "http://schemas.openid.net/event/backchannel-logout"

    var issuer: IssuerClaim
    var audience: AudienceClaim
    var issuedAt: IssuedAtClaim
    var expiration: ExpirationClaim?
    var subject: SubjectClaim?
    var sessionID: String?
    var events: [String: EmptyEvent]?
    /// Must be absent: a token with a nonce is an ID token passed off as a logout.
    var nonce: String?
    /// Required by the specification; remembered until expiry so that a replay is refused.
    var jti: String? = nil

    struct EmptyEvent: Codable, Sendable {}

    enum CodingKeys: String, CodingKey {
        case issuer = "iss", audience = "aud", issuedAt = "iat", expiration = "exp", subject = "sub"
        case sessionID = "sid", events, nonce, jti
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

extension OIDCProvider {
    /// Verifies a logout token's signature and audience (jwt-kit), issuer,
    /// event, age and that it names a session or a subject.
    func verify(logoutToken jwt: String, now: Date) async throws -> OIDCLogoutToken {
        let token = try await verifySignature(jwt, as: OIDCLogoutToken.self, now: now)
        guard token.issuer.value == settings.issuer else { throw Rejection.wrongIssuer }
        guard token.events?[OIDCLogoutToken.event] != nil, token.nonce == nil,
              token.sessionID != nil || token.subject != nil,
              let jti = token.jti, !jti.isEmpty, jti.utf8.count <= 255 else { throw Rejection.signature("not a logout token") }
        // A logout is acted on when it is sent; an old one replayed later is not.
        guard abs(token.issuedAt.value.timeIntervalSince(now)) <= Self.logoutTokenAge else { throw Rejection.expired }
        if let expiration = token.expiration {
            do {
                try expiration.verifyNotExpired(currentDate: now.addingTimeInterval(-Self.clockSkew))
            } catch {
                throw Rejection.expired
            }
        }
        return token
    }

    static let logoutTokenAge: TimeInterval = 5 * 60
}
