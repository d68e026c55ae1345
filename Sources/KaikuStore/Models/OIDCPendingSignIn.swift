import FluentKit
import Foundation

/// A sign-in sent to an identity provider and not yet back, under the hash of
/// its `state`. In the database, so that the callback may reach another server
/// process than the one that started it; taken once by a conditional delete.
public final class OIDCPendingSignIn: Model, @unchecked Sendable {
    public static let schema = "oidc_pending_sign_ins"

    @ID(key: .id) public var id: UUID?
    @Field(key: "state_hash") public var stateHash: String
    @Field(key: "browser_hash") public var browserHash: String
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "nonce") public var nonce: String
    @Field(key: "code_verifier") public var codeVerifier: String
    @Field(key: "redirect_uri") public var redirectURI: String
    @Field(key: "next") public var next: String
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}

    public init(stateHash: String, browserHash: String, organisationID: UUID, nonce: String, codeVerifier: String,
                redirectURI: String, next: String, expiresAt: Date) {
        self.stateHash = stateHash
        self.browserHash = browserHash
        self.organisationID = organisationID
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.redirectURI = redirectURI
        self.next = next
        self.expiresAt = expiresAt
    }
}
