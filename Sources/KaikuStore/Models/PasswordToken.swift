import FluentKit
import Foundation

/// A one-time link to set a password: an invitation for a new user or a
/// reset an administrator sent. Only the token's SHA-256 is stored, so a
/// copy of the database holds no working link.
public final class PasswordToken: Model, @unchecked Sendable {
    public static let schema = "password_tokens"

    public enum Purpose: String, Sendable, Codable, CaseIterable {
        case invitation, reset
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "purpose") public var purpose: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UUID, purpose: Purpose, tokenHash: String, expiresAt: Date) {
        self.userID = userID
        self.purpose = purpose.rawValue
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }

    public var purposeValue: Purpose { Purpose(rawValue: purpose) ?? .reset }
}
