import FluentKit
import Foundation

/// A user's TOTP secret, sealed with the contact key like contact details.
/// Unconfirmed until the user types a first code, and only a confirmed one
/// is asked for at sign-in. `lastUsedStep` makes every code single-use.
public final class SecondFactor: Model, @unchecked Sendable {
    public static let schema = "user_second_factors"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "secret_sealed") public var secretSealed: String
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?
    @OptionalField(key: "last_used_step") public var lastUsedStep: Int64?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UUID, secretSealed: String) {
        self.userID = userID
        self.secretSealed = secretSealed
    }

    public var isConfirmed: Bool { confirmedAt != nil }
}
