import FluentKit
import Foundation

/// A staff member. The role applies to the subtree below `unitID`.
public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    public enum Role: String, Sendable, Codable, CaseIterable {
        case administrator, supervisor, handler, analyst
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "email") public var email: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "role") public var role: String
    @Field(key: "unit_id") public var unitID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// No longer counted: failed sign-ins are throttled per client address
    /// instead of locking the account (anyone could lock anyone). Kept
    /// because the column exists and must not be null.
    @Field(key: "failed_logins") public var failedLogins: Int
    /// Set only by an administrator; a locked user's tokens and sessions stop working.
    @OptionalField(key: "locked_at") public var lockedAt: Date?
    @OptionalField(key: "name") public var name: String?
    /// Set when an administrator deactivates the user: their tokens and sessions stop at once.
    @OptionalField(key: "deactivated_at") public var deactivatedAt: Date?
    /// An administrator who may still sign in with a password where the organisation signs everyone
    /// else in through its identity provider: the way in when the provider is down.
    @Field(key: "break_glass") public var breakGlass: Bool

    public init() {}

    public init(id: UUID? = nil, organisationID: UUID, email: String, passwordHash: String, role: Role, unitID: UUID) {
        self.id = id
        self.organisationID = organisationID
        self.email = email.lowercased()
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.unitID = unitID
        self.failedLogins = 0
        self.breakGlass = false
    }

    public var roleValue: Role? { Role(rawValue: role) }
}
