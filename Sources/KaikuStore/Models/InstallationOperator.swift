import FluentKit
import Foundation

/// The installation administrator (`KAIKU_OPERATOR_EMAIL`): creates
/// organisations and belongs to none, so is kept apart from `users`, whose
/// every row has an organisation and a unit. Sees no organisation's data.
public final class InstallationOperator: Model, @unchecked Sendable {
    public static let schema = "installation_operators"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "password_hash") public var passwordHash: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(email: String, passwordHash: String) {
        self.email = email.lowercased()
        self.passwordHash = passwordHash
    }
}
