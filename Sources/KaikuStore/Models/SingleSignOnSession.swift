import FluentKit
import Foundation

/// A staff session begun through an identity provider: what signing out at
/// Kaiku sends back to the provider (the ID token as `id_token_hint`), and
/// what a back-channel logout names (the provider's `sid`, or the subject).
/// Deleted with its session.
public final class SingleSignOnSession: Model, @unchecked Sendable {
    public static let schema = "sso_sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_token_id") public var userTokenID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "issuer") public var issuer: String
    @Field(key: "subject") public var subject: String
    @OptionalField(key: "provider_session") public var providerSession: String?
    @Field(key: "id_token") public var idToken: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userTokenID: UUID, organisationID: UUID, issuer: String, subject: String, providerSession: String?, idToken: String) {
        self.userTokenID = userTokenID
        self.organisationID = organisationID
        self.issuer = issuer
        self.subject = subject
        self.providerSession = providerSession
        self.idToken = idToken
    }
}
