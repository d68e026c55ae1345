import FluentKit
import Foundation

/// A bearer token of the installation administrator, from the same
/// `POST /api/v1/auth/token` as staff tokens; only its SHA-256 is stored.
public final class OperatorToken: Model, @unchecked Sendable {
    public static let schema = "operator_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "operator_id") public var operatorID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(operatorID: UUID, tokenHash: String, expiresAt: Date) {
        self.operatorID = operatorID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
