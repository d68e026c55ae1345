import FluentKit
import Foundation

/// An organisation's own OpenID Connect provider, set on its settings page.
/// The client secret is sealed with the contact key (`ContactCipher`), so a
/// copied database or backup does not hand out the organisation's client.
public final class IdentityProvider: Model, @unchecked Sendable {
    public static let schema = "identity_providers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "issuer") public var issuer: String
    @Field(key: "client_id") public var clientID: String
    @Field(key: "client_secret_sealed") public var clientSecretSealed: String
    @Field(key: "trusts_email") public var trustsEmailClaims: Bool
    @Field(key: "enabled") public var enabled: Bool
    /// Unknown users the provider vouches for are created at their first sign-in.
    @Field(key: "provisioning") public var provisioning: Bool
    @OptionalField(key: "default_role") public var defaultRole: String?
    @OptionalField(key: "default_unit_id") public var defaultUnitID: UUID?
    /// The claim whose values choose role and unit (`groups`, `roles`); nil uses only the default.
    @OptionalField(key: "group_claim") public var groupClaim: String?
    /// `[GroupRule]` as JSON, in the order they are tried.
    @Field(key: "group_rules") public var groupRulesJSON: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(organisationID: UUID) {
        self.organisationID = organisationID
        issuer = ""
        clientID = ""
        clientSecretSealed = ""
        trustsEmailClaims = false
        enabled = false
        provisioning = false
        groupRulesJSON = "[]"
    }

    /// A group claim value and what a user with it becomes.
    public struct GroupRule: Codable, Sendable, Equatable {
        public var group: String
        public var role: String
        public var unitID: UUID

        public init(group: String, role: String, unitID: UUID) {
            self.group = group
            self.role = role
            self.unitID = unitID
        }
    }

    public var groupRules: [GroupRule] {
        get { (try? JSONDecoder().decode([GroupRule].self, from: Data(groupRulesJSON.utf8))) ?? [] }
        set { groupRulesJSON = (try? JSONEncoder().encode(newValue)).map { String(decoding: $0, as: UTF8.self) } ?? "[]" }
    }
}
