import FluentKit
import Foundation

/// The `jti` of a back-channel logout token already acted on, kept until the
/// token would have expired anyway, so that a captured token cannot be replayed.
public final class OIDCSeenLogoutToken: Model, @unchecked Sendable {
    public static let schema = "oidc_seen_logout_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "issuer") public var issuer: String
    @Field(key: "jti") public var jti: String
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}

    public init(issuer: String, jti: String, expiresAt: Date) {
        self.issuer = issuer
        self.jti = jti
        self.expiresAt = expiresAt
    }
}
