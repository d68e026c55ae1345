import Foundation
import JWTKit

/// The claims of an ID token that Kaiku reads. Time-based claims are checked
/// against the app clock in `OIDCProvider.verify`, not in `verify(using:)`,
/// which jwt-kit would run against the machine's clock.
struct OIDCIDToken: JWTIdentityToken {
    var issuer: IssuerClaim
    var subject: SubjectClaim
    var audience: AudienceClaim
    var expiration: ExpirationClaim
    var issuedAt: IssuedAtClaim
    var nonce: String?
    var email: String?
    var emailVerified: FlexibleBool?
    /// The provider's session, named again by a back-channel logout.
    var sessionID: String?
    /// The display name of a user created at their first sign-in.
    var name: String?

    enum CodingKeys: String, CodingKey {
        case issuer = "iss", subject = "sub", audience = "aud", expiration = "exp", issuedAt = "iat"
        case nonce, email, emailVerified = "email_verified", sessionID = "sid", name
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// `email_verified` as a boolean, or as the string some providers send.
struct FlexibleBool: Codable, Sendable, Equatable {
    var value: Bool

    init(_ value: Bool) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            value = flag
        } else {
            value = (try? container.decode(String.self))?.lowercased() == "true"
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
