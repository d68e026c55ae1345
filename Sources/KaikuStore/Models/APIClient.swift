import FluentKit
import Foundation

/// An approved outside client of an organisation's feedback API (Open311 /
/// 6Aika). Only the SHA-256 of its key is stored.
public final class APIClient: Model, @unchecked Sendable {
    public static let schema = "api_clients"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "key_hash") public var keyHash: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}

    public init(organisationID: UUID, name: String, keyHash: String) {
        self.organisationID = organisationID
        self.name = name
        self.keyHash = keyHash
    }
}
