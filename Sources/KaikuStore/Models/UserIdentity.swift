import FluentKit
import Foundation

/// A staff member's account at an organisation's identity provider: the
/// provider's `sub` for them, stored at their first single sign-on so that a
/// later change of e-mail address at the provider still finds the same user.
public final class UserIdentity: Model, @unchecked Sendable {
    public static let schema = "user_identities"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "issuer") public var issuer: String
    @Field(key: "subject") public var subject: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "last_sign_in_at") public var lastSignInAt: Date?

    public init() {}

    public init(organisationID: UUID, userID: UUID, issuer: String, subject: String) {
        self.organisationID = organisationID
        self.userID = userID
        self.issuer = issuer
        self.subject = subject
    }
}
