import FluentKit
import Foundation

/// One of a user's single-use recovery codes, as the SHA-256 of its normalised form.
public final class RecoveryCode: Model, @unchecked Sendable {
    public static let schema = "user_recovery_codes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "code_hash") public var codeHash: String
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UUID, codeHash: String) {
        self.userID = userID
        self.codeHash = codeHash
    }
}
