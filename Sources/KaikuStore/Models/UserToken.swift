import FluentKit
import Foundation

/// A bearer token. Only its SHA-256 is stored, so a leaked database does not
/// leak working tokens.
public final class UserToken: Model, @unchecked Sendable {
    public static let schema = "user_tokens"

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
