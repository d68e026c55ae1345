import FluentKit
import Foundation

/// The few minutes between a right password and the second step: the hash
/// of a random value in an HttpOnly cookie of that browser, so that only the
/// browser that gave the password can finish. Kept in the database so that
/// any instance behind a load balancer can take the second step.
public final class PendingSignIn: Model, @unchecked Sendable {
    public static let schema = "pending_sign_ins"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UUID, tokenHash: String, expiresAt: Date) {
        self.userID = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
