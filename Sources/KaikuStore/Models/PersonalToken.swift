import FluentKit
import Foundation

/// A token a user made for the JSON API on their own, named and with an
/// expiry. Only its SHA-256 is stored; it carries whatever role and unit the
/// user has when it is used, never a copy.
public final class PersonalToken: Model, @unchecked Sendable {
    public static let schema = "personal_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(userID: UUID, name: String, tokenHash: String, expiresAt: Date, createdAt: Date) {
        self.userID = userID
        self.name = name
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }
}
